import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testQueryClient } from '@/test/render';
import { WhenInView } from './when-in-view';

/** An IntersectionObserver the test drives: it records what is observed and reports on demand. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  observed: Element[] = [];
  constructor(private readonly callback: (entries: Array<{ isIntersecting: boolean }>) => void) {
    FakeObserver.instances.push(this);
  }
  observe(element: Element) {
    this.observed.push(element);
  }
  disconnect() {
    this.observed = [];
  }
  report(isIntersecting: boolean) {
    act(() => this.callback([{ isIntersecting }]));
  }
}

function watching(): FakeObserver[] {
  return FakeObserver.instances.filter((observer) => observer.observed.length > 0);
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.instances = [];
});

describe('WhenInView', () => {
  it('waits for the page’s first requests before watching, then renders its content once in view', async () => {
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    const queryClient = testQueryClient();
    let answer: (value: string) => void = () => {};
    const pending = queryClient.fetchQuery({ queryKey: ['above'], queryFn: () => new Promise<string>((resolve) => (answer = resolve)) });
    render(
      <QueryClientProvider client={queryClient}>
        <WhenInView placeholder={<p>Placeholder</p>}>
          <p>Content</p>
        </WhenInView>
      </QueryClientProvider>,
    );
    // The cards above are still loading: their shorter blocks may show this box for a frame, which must not count.
    expect(watching()).toHaveLength(0);

    await act(async () => {
      answer('done');
      await pending;
    });
    await waitFor(() => expect(watching()).toHaveLength(1));
    watching()[0]?.report(false);
    expect(screen.getByText('Placeholder')).toBeTruthy();

    watching()[0]?.report(true);
    expect(screen.getByText('Content')).toBeTruthy();
    expect(screen.queryByText('Placeholder')).toBeNull();
    expect(watching()).toHaveLength(0);
  });
});
