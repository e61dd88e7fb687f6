import { inflateSync } from 'node:zlib';

/**
 * The text a PDF draws, good enough for tests on pdf-lib's output: pdf-lib Flate-compresses its
 * content streams and writes standard-font text as hex strings (`<48656C6C6F> Tj`), so the bytes
 * themselves never contain the words. Inflates every stream and decodes the hex and literal strings
 * shown by Tj/TJ; returns one line per string.
 */
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const contents: string[] = [];
  const streamPattern = /stream\r?\n/g;
  for (let match = streamPattern.exec(raw); match; match = streamPattern.exec(raw)) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const data = Buffer.from(raw.slice(start, end), 'latin1');
    try {
      contents.push(inflateSync(data).toString('latin1'));
    } catch {
      // Not Flate data (or an uncompressed stream): read it as is.
      contents.push(data.toString('latin1'));
    }
    streamPattern.lastIndex = end;
  }
  const lines: string[] = [];
  for (const content of contents) {
    for (const shown of content.matchAll(/<([0-9A-Fa-f\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
      if (shown[1] !== undefined) lines.push(Buffer.from(shown[1].replace(/\s/g, ''), 'hex').toString('latin1'));
      else if (shown[2] !== undefined) lines.push(shown[2].replace(/\\(.)/g, '$1'));
    }
  }
  return lines.join('\n');
}
