import { createHmac, timingSafeEqual } from 'node:crypto';

export type Verdict = 'valid' | 'expired' | 'invalid';

/** Signed, expiring URLs for files the sandbox serves without an Authorization header. */
export class Signer {
  constructor(private readonly secret: string) {}

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${path}\n${expires}`).digest('base64url');
  }

  url(origin: string, path: string, expiresAt: Date): string {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    return `${origin}${path}?expires=${expires}&signature=${this.signature(path, expires)}`;
  }

  verify(path: string, expiresParam: string | undefined, signature: string | undefined, now: Date): Verdict {
    if (!expiresParam || !signature || !/^\d{1,12}$/.test(expiresParam)) return 'invalid';
    const expires = Number(expiresParam);
    const expected = Buffer.from(this.signature(path, expires));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    return expires * 1000 <= now.getTime() ? 'expired' : 'valid';
  }
}
