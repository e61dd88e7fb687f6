import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as I18n from '@/lib/i18n';
import { listOrganizationInvoices } from '@/api/endpoints';
import { setFormattingLocale } from '@/lib/locale';
import { setSession } from '@/lib/session';
import { renderApp, signInAs } from '@/test/render';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';

/**
 * Every page in a pseudo-locale: each catalog's messages come out with their Latin letters swapped
 * for look-alikes (Ovеrviеw) and numbers and dates are formatted in Russian, so that any Latin word
 * left on the page was written in the code rather than taken from a catalog. Data (names, emails,
 * references, brands, ids) is allowed; everything else a user sees or hears must be translated.
 */
const LOOK_ALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  j: 'ј',
  o: 'о',
  p: 'р',
  s: 'ѕ',
  x: 'х',
  y: 'у',
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  I: 'І',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};
/** Every Latin letter out of a message, tags (<time>…</time>) kept for richText. */
function pseudo(text: string): string {
  return text
    .split(/(<\/?\w+>)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[A-Za-z]/g, (letter) => LOOK_ALIKES[letter] ?? `${letter}\u0301`)))
    .join('');
}

vi.mock('@/lib/i18n', async (importOriginal) => {
  const actual = await importOriginal<typeof I18n>();
  const wrapped = new WeakMap<object, object>();
  return {
    ...actual,
    formattingLocale: () => 'ru',
    defineMessages: (english: unknown, translations: Parameters<typeof actual.defineMessages>[1]) => {
      const useMessages = actual.defineMessages<Record<string, string>>(english, translations);
      return () => {
        const messages = useMessages();
        let pseudoMessages = wrapped.get(messages);
        if (!pseudoMessages) {
          pseudoMessages = Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, (values?: Record<string, string | number>) => pseudo(message(values))]));
          wrapped.set(messages, pseudoMessages);
        }
        return pseudoMessages;
      };
    },
  };
});

/** What may stay Latin: the demo data, and the codes and brands that are the same in every language. */
const DATA = [
  // What the APIs answer in English, shown as it came: a billing status's message, a Cloud Plans invoice's description.
  /Invoice\s+INV-[0-9A-F]+\s+is unpaid: billing becomes invalid in \d+ days? if it stays unpaid\./g,
  /Standard plan, \d+ instances?, [\d-]+ to [\d-]+/g,
  /\d+ more instances? \(\d+ to \d+\), prorated to [\d-]+/g,
  /\S+@\S+\.\w+/g, // emails
  /\b[A-Za-z0-9]+(-[a-z0-9]+)+\b/g, // cluster names and regions (eu-west-3)
  /https?:\/\/\S+/g,
  /\bINV-[0-9A-F]+\b/g, // invoice references
  /\b[0-9a-f]{8}-[0-9a-f-]{27}\b/g, // ids
  /\b(cus|sbx|sub|pm|cl|rep)_\w+/g,
  /\b[A-Z]{2}\d[\dA-Z]{5,}\b/g, // VAT numbers
  /\b(Acme Corp( SAS)?|Globex|Initech|Alex Martin|Fran Ledger|Devi Patel|Hank Scorpio|Test User|Martin|Alex)\b/g,
  /\b(Visa|Mastercard|American Express|Discover|Diners Club|JCB|UnionPay|Qovery)\b/g,
  /\b(User|Team|Business|Enterprise|Professional|Free)\b/g, // plan brands, inside translated plan names
  /\b(AWS|SCW|GCP|DO|AZURE|OVH|CIVO|HETZNER|ORACLE|IBM|ON_PREMISE|MANAGED|SELF_MANAGED|PARTIALLY_MANAGED)\b/g,
  /\b(USD|EUR|GBP|JPY|CSV|PDF|ZIP|API|MCP|ID|VAT|ISO)\b/g,
  /\b(rue de la Paix|Paris|France|Berlin|production|staging|demo)\b/gi,
  /\b[A-Z]{2}\b/g, // country and currency codes shown as codes
];

function leftovers(root: HTMLElement): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    // Text marked with its own language (the language menu names each language in its own words) is not ours to translate.
    if (!parent || parent.closest('script, style, code, [lang]:not(html)')) continue;
    texts.push(node.textContent ?? '');
  }
  for (const element of root.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  }
  return texts
    .map((text) => DATA.reduce((rest, pattern) => rest.replace(pattern, ' '), text))
    .filter((rest) => /[A-Za-z]{2,}/.test(rest))
    .map((rest) => rest.trim());
}

const server = setupSandboxServer();
const ORG = `/organizations/${ORG_IDS.acme}`;

beforeEach(() => {
  setSession(null);
  window.localStorage.clear();
  setFormattingLocale('ru');
});

async function renderPage(path: string) {
  const { queryClient } = renderApp(path);
  await screen.findByRole('heading', { level: 1 }, { timeout: 5000 });
  await waitFor(() => expect(queryClient.isFetching()).toBe(0), { timeout: 5000 });
  await waitFor(() => expect(document.querySelector('[role="status"][aria-busy="true"], [data-loading]')).toBeNull());
}

describe('every page in a pseudo-locale', () => {
  it('has no untranslated words on the sign-in page', async () => {
    await renderPage('/sign-in');
    expect(leftovers(document.body)).toEqual([]);
  });

  const pages = ['overview', 'billing-details', 'payment-methods', 'credits', 'invoices', 'costs', 'plan', 'usage', 'subscription', 'activity', 'no-such-page'];
  for (const page of pages) {
    it(`has no untranslated words on ${page}`, async () => {
      server.signInAs('sbx_admin_acme');
      signInAs('sbx_admin_acme', [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role: 'admin' }]);
      await renderPage(`${ORG}/${page}`);
      expect(leftovers(document.body)).toEqual([]);
    });
  }

  for (const status of ['NOT_PAID', 'PAID', 'VOIDED'] as const) {
    it(`has no untranslated words on the detail of a ${status} invoice`, async () => {
      server.signInAs('sbx_admin_acme');
      signInAs('sbx_admin_acme', [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role: 'admin' }]);
      const { results = [] } = await listOrganizationInvoices(ORG_IDS.acme);
      const invoice = results.find((candidate) => candidate.status === status);
      if (!invoice) throw new Error(`Acme has a ${status} invoice`);
      await renderPage(`${ORG}/invoices/${invoice.id}`);
      expect(leftovers(document.body)).toEqual([]);
    });
  }
});
