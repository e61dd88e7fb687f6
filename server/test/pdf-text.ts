import { inflateSync } from 'node:zlib';

/** WinAnsi (Windows-1252) bytes 0x80 to 0x9F, which are not Latin-1's (Node's TextDecoder reads windows-1252 as Latin-1). */
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function winAnsi(bytes: Buffer): string {
  return [...bytes].map((byte) => (byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_HIGH.charAt(byte - 0x80) : String.fromCharCode(byte))).join('');
}

/**
 * The text a PDF draws, good enough for tests on pdf-lib's output: pdf-lib Flate-compresses its
 * content streams and writes standard-font text as hex strings (`<48656C6C6F> Tj`), so the bytes
 * themselves never contain the words. Inflates every stream and decodes the hex and literal strings
 * shown by Tj/TJ, in the standard fonts' WinAnsi encoding (Windows-1252: "’" and "€" too); returns one
 * line per string.
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
      if (shown[1] !== undefined) lines.push(winAnsi(Buffer.from(shown[1].replace(/\s/g, ''), 'hex')));
      else if (shown[2] !== undefined) lines.push(winAnsi(Buffer.from(shown[2].replace(/\\(.)/g, '$1'), 'latin1')));
    }
  }
  return lines.join('\n');
}
