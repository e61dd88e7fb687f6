/**
 * Whether an Accept-Encoding header (RFC 9110, 12.5.3) lets us answer with `coding` (`gzip`, `br`):
 * that coding (for gzip, or its alias `x-gzip`) with a q-value above 0, or, when it is not named,
 * `*` above 0. `gzip;q=0` means "not gzip", which a plain search for the word would miss. A malformed
 * q-value counts as 0.
 */
export function acceptsEncoding(header: string | undefined, coding: 'gzip' | 'br'): boolean {
  let named: number | null = null;
  let any: number | null = null;
  for (const item of (header ?? '').split(',')) {
    const [name = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (name === '') continue;
    const q = qValue(params);
    if (name === coding || (coding === 'gzip' && name === 'x-gzip')) named = Math.max(named ?? 0, q);
    else if (name === '*') any = Math.max(any ?? 0, q);
  }
  return (named ?? any ?? 0) > 0;
}

function qValue(params: string[]): number {
  const q = params.find((param) => /^q\s*=/.test(param));
  if (q === undefined) return 1;
  const value = q.slice(q.indexOf('=') + 1).trim();
  return /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : 0;
}
