/**
 * Whether an Accept-Encoding header (RFC 9110, 12.5.3) lets us answer gzipped: `gzip` (or its alias
 * `x-gzip`) with a q-value above 0, or, when neither is named, `*` above 0. `gzip;q=0` means "not
 * gzip", which a plain search for the word would miss. A malformed q-value counts as 0.
 */
export function acceptsGzip(header: string | undefined): boolean {
  let gzip: number | null = null;
  let any: number | null = null;
  for (const item of (header ?? '').split(',')) {
    const [coding = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (coding === '') continue;
    const q = qValue(params);
    if (coding === 'gzip' || coding === 'x-gzip') gzip = Math.max(gzip ?? 0, q);
    else if (coding === '*') any = Math.max(any ?? 0, q);
  }
  return (gzip ?? any ?? 0) > 0;
}

function qValue(params: string[]): number {
  const q = params.find((param) => /^q\s*=/.test(param));
  if (q === undefined) return 1;
  const value = q.slice(q.indexOf('=') + 1).trim();
  return /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : 0;
}
