// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { __vitePreload as preload } from './lean-preload-helper';

function stylesheetLinks(): HTMLLinkElement[] {
  return [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')];
}

afterEach(() => {
  document.head.innerHTML = '';
});

describe("the console's lean dynamic-import helper", () => {
  it('loads the module at once when the chunk needs no stylesheet', async () => {
    const load = vi.fn(() => Promise.resolve('module'));
    await expect(preload(load, [])).resolves.toBe('module');
    await expect(preload(load)).resolves.toBe('module');
    expect(load).toHaveBeenCalledTimes(2);
    expect(stylesheetLinks()).toHaveLength(0);
  });

  it('links a stylesheet once, and loads the module only after it has loaded', async () => {
    const load = vi.fn(() => Promise.resolve('toasts'));
    const first = preload(load, ['assets/toasts-1.css']);
    const second = preload(load, ['assets/toasts-1.css']);
    const [link] = stylesheetLinks();
    expect(stylesheetLinks()).toHaveLength(1);
    expect(link?.getAttribute('href')).toBe(`${location.origin}/assets/toasts-1.css`);
    await Promise.resolve();
    expect(load).not.toHaveBeenCalled();
    link?.dispatchEvent(new Event('load'));
    await expect(first).resolves.toBe('toasts');
    await expect(second).resolves.toBe('toasts');
  });

  it('does not link a stylesheet the page already has (the entry’s own)', async () => {
    const existing = document.createElement('link');
    existing.rel = 'stylesheet';
    existing.href = '/assets/index-2.css';
    document.head.append(existing);
    await expect(preload(() => Promise.resolve('page'), ['assets/index-2.css'])).resolves.toBe('page');
    expect(stylesheetLinks()).toEqual([existing]);
  });

  it("reports a stylesheet or module that fails as Vite's vite:preloadError, then throws it", async () => {
    const reported: unknown[] = [];
    const listener = (event: Event) => reported.push('payload' in event ? event.payload : undefined);
    window.addEventListener('vite:preloadError', listener);
    try {
      const failing = preload(() => Promise.resolve('never'), ['assets/missing-3.css']);
      stylesheetLinks()[0]?.dispatchEvent(new Event('error'));
      await expect(failing).rejects.toThrow('Unable to preload CSS for http');
      // Tried again by the next import that needs it, with a fresh link.
      const retried = preload(() => Promise.resolve('back online'), ['assets/missing-3.css']);
      expect(stylesheetLinks()).toHaveLength(1);
      stylesheetLinks()[0]?.dispatchEvent(new Event('load'));
      await expect(retried).resolves.toBe('back online');
      const offline = new Error('Failed to fetch dynamically imported module');
      await expect(preload(() => Promise.reject(offline))).rejects.toBe(offline);
      expect(reported).toHaveLength(2);
      expect(reported[1]).toBe(offline);
    } finally {
      window.removeEventListener('vite:preloadError', listener);
    }
  });
});
