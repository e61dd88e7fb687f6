import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { toast, Toaster } from './toast';

// The toaster's code fails to load once (offline), then loads.
const load = vi.hoisted(() => ({ failures: 1 }));
vi.mock('./toast-regions', async () => {
  if (load.failures > 0) {
    load.failures -= 1;
    throw new TypeError('Failed to fetch dynamically imported module');
  }
  const { connectToaster } = await import('./toast');
  const { useEffect, useState } = await import('react');
  return {
    default: function Regions() {
      const [shown, setShown] = useState<string[]>([]);
      useEffect(() => connectToaster((request) => setShown((list) => [...list, typeof request.message === 'string' ? request.message : ''])), []);
      return (
        <ul aria-label="Notifications">
          {shown.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      );
    },
  };
});

describe('Toaster', () => {
  it('keeps the page when its code cannot load, and shows the waiting toasts once a later one loads it', async () => {
    render(
      <main>
        <h1>Invoices</h1>
        <Toaster />
      </main>,
    );
    await act(async () => {
      toast.error('Could not download invoice INV-1');
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(screen.getByRole('heading', { name: 'Invoices' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Notifications' })).toBeNull();

    await act(async () => {
      toast.success('Saved INV-2.pdf');
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const shown = await screen.findByRole('list', { name: 'Notifications' });
    expect([...shown.querySelectorAll('li')].map((item) => item.textContent)).toEqual(['Could not download invoice INV-1', 'Saved INV-2.pdf']);
    expect(screen.getByRole('heading', { name: 'Invoices' })).toBeTruthy();
  });
});
