import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * axe sees the colors a page shows at rest, never a hovered button: the theme's own pairs are checked
 * here instead, hover colors included, in both themes (WCAG 1.4.3: 4.5:1 for text, 1.4.11: 3:1 for
 * the focus ring).
 */
// Vitest runs from the repository's root (vite.config.ts).
const css = readFileSync(join(process.cwd(), 'src/index.css'), 'utf8');

function themeColors(selector: string): Map<string, string> {
  const block = new RegExp(`${selector.replace('.', '\\.')}\\s*\\{([^}]*)\\}`).exec(css)?.[1];
  if (!block) throw new Error(`no ${selector} block in index.css`);
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name = '', value = '']) => [name, value]));
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

// Text color on background, as the components pair them (button.tsx, alert.tsx, badge.tsx, …).
const TEXT_PAIRS: Array<[string, string]> = [
  ['accent-ink', 'accent'],
  ['accent-ink', 'accent-hover'],
  ['#ffffff', 'danger'],
  ['#ffffff', 'danger-hover'],
  ['ink', 'canvas'],
  ['ink', 'surface'],
  ['ink', 'surface-muted'],
  ['ink-muted', 'canvas'],
  ['ink-muted', 'surface'],
  ['ink-muted', 'surface-muted'],
  ['link', 'surface'],
  ['link', 'canvas'],
  ['danger-ink', 'danger-soft'],
  ['warning-ink', 'warning-soft'],
  ['success-ink', 'success-soft'],
  ['info-ink', 'info-soft'],
  ['neutral-ink', 'neutral-soft'],
];

describe.each(['light', 'dark'] as const)('the %s theme', (theme) => {
  const colors = new Map([...themeColors(':root'), ...(theme === 'dark' ? themeColors('.dark') : [])]);
  const color = (name: string) => {
    const value = name.startsWith('#') ? name : colors.get(name);
    if (!value) throw new Error(`--${name} is not defined`);
    return value;
  };

  it.each(TEXT_PAIRS)('%s on %s reaches 4.5:1', (text, background) => {
    expect(contrast(color(text), color(background))).toBeGreaterThanOrEqual(4.5);
  });

  it('draws a focus ring that stands out from the page and the cards by 3:1', () => {
    expect(contrast(color('focus'), color('canvas'))).toBeGreaterThanOrEqual(3);
    expect(contrast(color('focus'), color('surface'))).toBeGreaterThanOrEqual(3);
  });
});
