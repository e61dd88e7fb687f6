import type { Plugin } from 'vite';

const SONNER_MODULE = /[\\/]node_modules[\\/]sonner[\\/]dist[\\/]index\.mjs$/;
const INJECTOR = 'function __insertCSS(code) {';

/**
 * sonner writes its stylesheet into a new <style> element when its module loads (with the first
 * toast). The console's CSP (style-src 'self', server/http/security-headers.ts) refuses that, and
 * each page that showed a toast logged two CSP errors. The console imports the same stylesheet as
 * a file (sonner/dist/styles.css, in src/components/ui/toast-regions.tsx), so the injection is turned
 * off here. Fails the build if sonner's module no longer has it, rather than ship the errors again.
 */
export function sonnerStylesFromFile(): Plugin {
  let found = false;
  return {
    name: 'sonner-styles-from-file',
    apply: 'build',
    buildStart() {
      found = false;
    },
    transform(code, id) {
      if (!SONNER_MODULE.test(id)) return null;
      if (!code.includes(INJECTOR)) this.error(`sonner no longer defines __insertCSS (${id}): see server/sonner-styles-plugin.ts`);
      found = true;
      return { code: code.replace(INJECTOR, `${INJECTOR}\n  return;`), map: null };
    },
    buildEnd(error) {
      if (!error && !found) this.warn('sonner was not in the build');
    },
  };
}
