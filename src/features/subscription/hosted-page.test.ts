import { afterEach, describe, expect, it, vi } from 'vitest';
import { openHostedPage } from './hosted-page';

describe('openHostedPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'http://evil.test/checkout', '//evil.test/checkout', 'ftp://files.test/checkout'])(
    'does not leave for %s',
    (link) => {
      const assign = vi.fn();
      vi.stubGlobal('location', { origin: window.location.origin, assign });
      expect(openHostedPage(link)).toBe(false);
      expect(assign).not.toHaveBeenCalled();
    },
  );

  it.each(['https://checkout.cloudplans.test/pay/123', `${window.location.origin}/sandbox/checkout/abc`, '/sandbox/payment-method/abc'])('leaves for %s', (link) => {
    const assign = vi.fn();
    vi.stubGlobal('location', { origin: window.location.origin, assign });
    expect(openHostedPage(link)).toBe(true);
    expect(assign).toHaveBeenCalledWith(link);
  });
});
