import MessageFormat from '@messageformat/core';
import compileModule from '@messageformat/core/lib/compile-module.js';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Plugin } from 'vite';

const SUFFIX = '?messages';
const PREFIX = '\0icu-messages:';
const RUNTIME = resolve(import.meta.dirname, '../src/lib/icu-runtime.ts');

/** A catalog's ICU MessageFormat strings, compiled into a module of functions for its language. */
export function compileCatalog(file: string): string {
  const locale = basename(file, '.json');
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  const messages: Record<string, string> = {};
  for (const [key, message] of Object.entries(typeof parsed === 'object' && parsed !== null ? parsed : { '': null })) {
    if (typeof message !== 'string') throw new Error(`${file}: a catalog is one flat JSON object of ICU message strings`);
    messages[key] = message;
  }
  const compiled = compileModule(new MessageFormat(locale), messages);
  return compiled.replace(/^import \{ ([\w, ]+) \} from "([^"]+)";$/gm, (_line, names: string, from: string) => {
    if (from === '@messageformat/runtime') return `import { ${names} } from ${JSON.stringify(RUNTIME)};`;
    if (from === '@messageformat/runtime/lib/cardinals') return `import { pluralRule } from ${JSON.stringify(RUNTIME)};\nconst ${names} = pluralRule(${JSON.stringify(locale)});`;
    throw new Error(`${file}: ${from} is not available to catalogs; format dates and amounts in code (src/lib/money.ts, date-format.ts) and pass them as text`);
  });
}

/**
 * `import en from './messages/en.json?messages'`: the catalog compiled at build time by
 * @messageformat/core, so that the browser gets one small function per message (plural rules and
 * number formats from Intl) and no message parser or interpreter at all. The file's name is its
 * language. The id leaves `.json` behind so that the JSON plugin does not parse the compiled module.
 */
export function icuMessages(): Plugin {
  return {
    name: 'icu-messages',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const resolved = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id.replace(/\.json$/, '') : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = `${id.slice(PREFIX.length)}.json`;
      this.addWatchFile(file);
      return compileCatalog(file);
    },
  };
}
