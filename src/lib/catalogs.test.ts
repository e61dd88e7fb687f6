import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholders, readCatalog } from './catalog-files';
import { LANGUAGES } from './i18n';

/**
 * Every catalog of the console (src/**\/messages/<language>.json): each translation has the English
 * catalog's messages, no more and no fewer, each one valid ICU MessageFormat with the same
 * placeholders and tags, so that no value or element is lost in translation.
 */
const root = join(import.meta.dirname, '..');

function catalogDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    const path = join(dir, entry.name);
    return entry.name === 'messages' || entry.name.endsWith('-messages') ? [path] : catalogDirs(path);
  });
}

function read(dir: string, language: string): Record<string, string> {
  return readCatalog(join(dir, `${language}.json`));
}

const dirs = catalogDirs(root);

describe('message catalogs', () => {
  it('finds the catalogs', () => {
    expect(dirs.length).toBeGreaterThan(2);
  });

  for (const dir of dirs) {
    const english = read(dir, 'en');
    for (const language of LANGUAGES.filter((candidate) => candidate !== 'en')) {
      it(`${relative(root, dir)}: ${language} has every English message, with the same placeholders`, () => {
        const translated = read(dir, language);
        expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
        for (const [key, message] of Object.entries(english)) {
          const translation = translated[key] ?? '';
          expect({ key, placeholders: placeholders(translation) }).toEqual({ key, placeholders: placeholders(message) });
          if (message.trim() !== '') expect({ key, empty: translation.trim() === '' }).toEqual({ key, empty: false });
        }
      });
    }
  }
});
