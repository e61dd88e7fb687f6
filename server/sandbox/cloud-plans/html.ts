import { html } from 'hono/html';
import type { DocumentText } from '../../documents/document-text';

/**
 * Server-rendered HTML for the sandbox's hosted pages, written with hono/html: every interpolated
 * value is escaped, except markup `html` itself built (nested templates, lists of them).
 */
export { html };

/** What `html` returns: escaped markup (a promise only when a value interpolated in it is one; none here is). */
export type Html = ReturnType<typeof html>;

export const STYLESHEET_PATH = '/sandbox/cloud-plans.css';

/**
 * The hosted pages' own policy: no script at all, styles from our stylesheet only, forms post back to
 * us, and nobody may frame them (a checkout in a frame invites clickjacking).
 */
export const HOSTED_PAGE_CSP = ["default-src 'none'", "style-src 'self'", "img-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'"].join('; ');

/** A hosted page in its document language: html lang, title and footer included. */
export function layout({ language, t }: DocumentText, title: string, main: Html): Html {
  return html`<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${t('page.title', { title })}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="banner">
<p class="brand">Cloud Plans <span class="tag">${t('page.sandboxTag')}</span></p>
</header>
<main id="main">
${main}
</main>
<footer class="footer">
<p>${t('page.footer')}</p>
</footer>
</body>
</html>
`;
}

/** Light and dark themes follow the system; contrasts meet WCAG AA in both. */
export const STYLESHEET = `
:root {
  color-scheme: light dark;
  --canvas: #f6f7f9; --surface: #ffffff; --ink: #111827; --muted: #4b5563; --line: #c5cad3;
  --accent: #4f46e5; --accent-hover: #4338ca; --accent-ink: #ffffff; --link: #4338ca; --focus: #4f46e5;
  --danger-ink: #991b1b; --danger-soft: #fef2f2; --danger-line: #fca5a5;
  --tag: #e0e7ff; --tag-ink: #3730a3;
}
@media (prefers-color-scheme: dark) {
  :root {
    --canvas: #0b1020; --surface: #121826; --ink: #f1f5f9; --muted: #a3adbd; --line: #3a4660;
    --accent: #4f46e5; --accent-hover: #6366f1; --accent-ink: #ffffff; --link: #a5b4fc; --focus: #a5b4fc;
    --danger-ink: #fecaca; --danger-soft: #2a1114; --danger-line: #7f1d1d;
    --tag: #1e1b4b; --tag-ink: #c7d2fe;
  }
}
* { box-sizing: border-box; }
html { background: var(--canvas); color: var(--ink); -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
.banner { border-bottom: 1px solid var(--line); background: var(--surface); padding: 0.75rem 1rem; }
.brand { margin: 0; font-weight: 600; }
.tag { margin-left: 0.5rem; border-radius: 999px; background: var(--tag); color: var(--tag-ink); padding: 0.1rem 0.5rem; font-size: 0.75rem; font-weight: 600; }
main { max-width: 34rem; margin: 2rem auto; padding: 0 1rem; }
.panel { border: 1px solid var(--line); border-radius: 0.75rem; background: var(--surface); padding: 1.25rem; }
h1 { margin: 0 0 0.5rem; font-size: 1.5rem; line-height: 1.25; }
h2 { margin: 0 0 0.75rem; font-size: 1.1rem; }
p { margin: 0 0 1rem; }
.muted { color: var(--muted); font-size: 0.875rem; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
dl.summary { display: grid; gap: 0.5rem; margin: 0 0 1.5rem; }
dl.summary div { display: flex; justify-content: space-between; gap: 1rem; }
dl.summary dt { color: var(--muted); }
dl.summary dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
dl.summary .total { font-weight: 700; border-top: 1px solid var(--line); padding-top: 0.5rem; }
dl.summary .total dt { color: var(--ink); }
fieldset { border: 0; margin: 0 0 1rem; padding: 0; }
legend { font-weight: 600; margin-bottom: 0.75rem; padding: 0; }
.field { display: flex; flex-direction: column; gap: 0.35rem; margin-bottom: 1rem; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 0.75rem; }
label { font-size: 0.875rem; font-weight: 600; }
input, select { height: 2.75rem; width: 100%; border: 1px solid var(--line); border-radius: 0.5rem; background: var(--surface); color: var(--ink); padding: 0 0.75rem; font: inherit; }
input[aria-invalid="true"], select[aria-invalid="true"] { border: 2px solid var(--danger-ink); }
.hint { color: var(--muted); font-size: 0.8125rem; margin: 0; }
.error { color: var(--danger-ink); font-size: 0.875rem; font-weight: 600; margin: 0; }
.error-summary { border: 2px solid var(--danger-line); border-radius: 0.5rem; background: var(--danger-soft); color: var(--danger-ink); padding: 0.75rem 1rem; margin-bottom: 1.25rem; }
.error-summary h2 { font-size: 1rem; margin-bottom: 0.25rem; }
.error-summary ul { margin: 0; padding-left: 1.25rem; }
.error-summary a { color: var(--danger-ink); }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1.25rem; margin-top: 0.5rem; }
button { min-height: 2.75rem; border: 0; border-radius: 0.5rem; background: var(--accent); color: var(--accent-ink); padding: 0 1.25rem; font: inherit; font-weight: 600; cursor: pointer; }
button:hover { background: var(--accent-hover); }
.footer { max-width: 34rem; margin: 0 auto 2rem; padding: 0 1rem; color: var(--muted); font-size: 0.8125rem; }
@media (max-width: 26rem) { .row { grid-template-columns: 1fr; } }
`;
