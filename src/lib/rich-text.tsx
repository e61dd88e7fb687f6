import { Fragment, type ReactNode } from 'react';

const TAG = /<(\w+)>([\s\S]*?)<\/\1>/g;

/**
 * A translated sentence with elements inside it: the catalog marks them as tags
 * ("Billing turns invalid on <time>{date}</time>."), and `tags` renders each one around its text,
 * so that translators can move the element where their language puts it. Only the tags named here
 * become elements; anything else, a value that happens to contain a tag included, stays text.
 */
export function richText(text: string, tags: Readonly<Record<string, (chunk: string) => ReactNode>>): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(TAG)) {
    const [whole, name = '', chunk = ''] = match;
    const render = tags[name];
    if (!render) continue;
    parts.push(text.slice(last, match.index), <Fragment key={match.index}>{render(chunk)}</Fragment>);
    last = match.index + whole.length;
  }
  parts.push(text.slice(last));
  return parts;
}
