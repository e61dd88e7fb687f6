// The console's replacement for Vite's dynamic-import helper (`__vitePreload`), swapped in at build
// time by server/lean-preload-plugin.ts. With `build.modulePreload: false` Vite hands the helper only
// the stylesheets a lazy chunk needs (today sonner's, with the first toast), yet its generic helper
// (script preload detection, CSP nonces, allSettled) is 1.7 KB on every first page. This one does the
// same for stylesheets: each is linked once, a lazy chunk waits for its own, and a failure is
// reported as Vite's `vite:preloadError` event before it is thrown.

/** Vite's `base`, which the plugin writes in: the paths it passes are relative to it. */
const BASE = '/';

/** Stylesheets linked (or found linked) so far, by URL: each is loaded once. */
const stylesheets: Record<string, Promise<unknown> | undefined> = {};

/** As Vite's helper does: a listener that calls preventDefault() makes the import resolve to undefined instead. */
function fail(error: unknown): undefined {
  const event = Object.assign(new Event('vite:preloadError', { cancelable: true }), { payload: error });
  window.dispatchEvent(event);
  if (!event.defaultPrevented) throw error;
  return undefined;
}

function stylesheet(dep: string): Promise<unknown> {
  const href = new URL(BASE + dep, location.href).href;
  stylesheets[href] ??= [...document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]')].some((link) => link.href === href)
    ? Promise.resolve()
    : new Promise((resolve, reject) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = href;
        link.onload = resolve;
        // A stylesheet that failed (offline) is tried again by the next import that needs it.
        link.onerror = () => {
          delete stylesheets[href];
          link.remove();
          reject(new Error(`Unable to preload CSS for ${href}`));
        };
        document.head.append(link);
      });
  return stylesheets[href];
}

export function __vitePreload<Module>(load: () => Promise<Module>, deps?: readonly string[]): Promise<Module | undefined> {
  return Promise.all((deps ?? []).map(stylesheet)).then(
    () => load().catch(fail),
    (error) => {
      fail(error);
      return load().catch(fail);
    },
  );
}
