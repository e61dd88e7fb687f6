import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@/api/api-error';
import { useUiMessages } from '@/components/ui/messages';
import { connectToaster, type ToastRequest } from '@/components/ui/toast';
import { createQueryClient } from './query-client';

const disconnects: Array<() => void> = [];
afterEach(() => {
  for (const disconnect of disconnects.splice(0)) disconnect();
});

function collectToasts(): ToastRequest[] {
  const shown: ToastRequest[] = [];
  disconnects.push(connectToaster((request) => shown.push(request)));
  return shown;
}

const failing = (error: Error) => () => Promise.reject(error);

describe('the query client', () => {
  it('toasts a failed refresh of data on screen in the interface’s words, with the request’s reference', async () => {
    const client = createQueryClient();
    const shown = collectToasts();
    const t = renderHook(() => useUiMessages()).result.current;
    client.setQueryData(['cost'], { total: 1 });
    await client
      .fetchQuery({ queryKey: ['cost'], queryFn: failing(new ApiError(503, 'Cost service unavailable', [], 'req-42')), retry: false, staleTime: 0 })
      .catch(() => undefined);
    await waitFor(() => expect(shown).toHaveLength(1));
    const [toast] = shown;
    expect(toast?.tone).toBe('error');
    const message = toast?.message;
    expect(typeof message === 'function' ? message(t) : message).toBe('Could not refresh: what is shown may be out of date. Reference: req-42');
  });

  it('leaves out the reference a network failure does not have, and does not toast a first load or a refusal', async () => {
    const client = createQueryClient();
    const shown = collectToasts();
    const t = renderHook(() => useUiMessages()).result.current;
    await client.fetchQuery({ queryKey: ['first'], queryFn: failing(new TypeError('Failed to fetch')), retry: false, staleTime: 0 }).catch(() => undefined);
    client.setQueryData(['refused'], 1);
    await client.fetchQuery({ queryKey: ['refused'], queryFn: failing(new ApiError(403, 'Forbidden')), retry: false, staleTime: 0 }).catch(() => undefined);
    client.setQueryData(['offline'], 1);
    await client.fetchQuery({ queryKey: ['offline'], queryFn: failing(new TypeError('Failed to fetch')), retry: false, staleTime: 0 }).catch(() => undefined);
    await waitFor(() => expect(shown).toHaveLength(1));
    const message = shown[0]?.message;
    expect(typeof message === 'function' ? message(t) : message).toBe('Could not refresh: what is shown may be out of date.');
  });
});
