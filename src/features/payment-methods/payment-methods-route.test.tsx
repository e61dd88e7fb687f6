import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { creditCardListSchema, type CreditCard } from '@/api/contract';
import type { Role } from '@/api/permissions';
import { ORG_IDS, setupSandboxServer } from '@/test/sandbox-server';
import { renderRoute, signInAs } from '@/test/render';
import { Component as PaymentMethodsPage } from './payment-methods-route';

const server = setupSandboxServer();
const cardsPath = `/api/organization/${ORG_IDS.acme}/creditCard`;
const AMEX = { number: '378282246310005', shown: '3782 822463 10005', cvc: '7531' };

afterEach(() => {
  vi.useRealTimers();
});

function renderPage(role: Role = 'admin', token = 'sbx_admin_acme') {
  server.signInAs(token);
  signInAs(token, [{ organization_id: ORG_IDS.acme, organization_name: 'Acme Corp', role }]);
  return renderRoute(`/organizations/${ORG_IDS.acme}/payment-methods`, '/organizations/:organizationId/payment-methods', <PaymentMethodsPage />);
}

const nextYear = () => String(new Date().getUTCFullYear() + 1);

async function fillCard(user: UserEvent, card: { number: string; cvc: string; month?: string; year?: string }) {
  await user.type(screen.getByLabelText(/^Card number/), card.number);
  await user.selectOptions(screen.getByLabelText(/^Month/), card.month ?? '12');
  await user.selectOptions(screen.getByLabelText(/^Year/), card.year ?? nextYear());
  await user.type(screen.getByLabelText(/^CVC/), card.cvc);
}

/** What the sandbox holds, asked directly (the same in-process server the page talks to). */
async function storedCards(): Promise<CreditCard[]> {
  const response = await fetch(cardsPath, { headers: { Authorization: 'Token sbx_admin_acme' } });
  return creditCardListSchema.parse(await response.json()).results ?? [];
}

function cardItems(): HTMLElement[] {
  return within(screen.getByRole('list')).getAllByRole('listitem');
}

describe('payment methods: the list', () => {
  it('shows each card with its brand, masked number, expiry, and an Expired badge', async () => {
    renderPage();
    expect(await screen.findByText('2 cards on file, 1 valid.')).toBeTruthy();
    const [mastercard, visa] = cardItems();
    if (!mastercard || !visa) throw new Error('two cards expected');
    expect(mastercard.textContent).toMatch(/Mastercard ending in 4444/);
    expect(within(mastercard).getByText('Expired', { selector: 'span' })).toBeTruthy();
    expect(mastercard.textContent).toMatch(/Expired 03\/\d{4}/);
    expect(visa.textContent).toMatch(/Visa ending in 4242/);
    expect(within(visa).getByText('•••• 4242').getAttribute('aria-hidden')).toBe('true');
    expect(visa.textContent).toMatch(/Expires 12\/\d{4}/);
    expect(within(visa).queryByText('Expired')).toBeNull();
    expect(within(visa).queryByText('Expires soon')).toBeNull();
  });

  it('warns about a card that stops working within 30 days', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-21T12:00:00Z'));
    const added = await fetch(cardsPath, {
      method: 'POST',
      headers: { Authorization: 'Token sbx_admin_acme', 'Content-Type': 'application/json' },
      body: JSON.stringify({ number: '5555555555554444', cvv: '123', expiry_month: 11, expiry_year: 2026 }),
    });
    expect(added.status).toBe(201);
    renderPage();
    const item = (await screen.findByText('Expires soon')).closest('li');
    if (!item) throw new Error('no list item');
    expect(item.textContent).toMatch(/^Mastercard ending in 4444/);
    // A 11/2026 card works through November 30th: 10 days left on the 21st.
    expect(within(item).getByText('Expires in 10 days: add a new card to keep paying without interruption.')).toBeTruthy();
  });

  it('shows a failed load with Retry, then the cards', async () => {
    const user = userEvent.setup({ delay: null });
    server.failNext(cardsPath, 503, 'Card vault unavailable');
    renderPage();
    expect(await screen.findByText('Could not load the cards')).toBeTruthy();
    expect(screen.getByText('Card vault unavailable')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('2 cards on file, 1 valid.')).toBeTruthy();
  });

  it('explains to a viewer without requesting the cards', async () => {
    renderPage('viewer', 'sbx_viewer_acme');
    expect(await screen.findByRole('heading', { name: 'Payment methods are not available to your role' })).toBeTruthy();
    // It names who can help, from the organization's admins the API gives.
    expect((await screen.findByRole('link', { name: 'admin@acme.test' })).getAttribute('href')).toBe('mailto:admin@acme.test');
    expect(screen.getByText(/To be given access, ask an admin of Acme Corp:/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(server.requests().some((request) => request.includes('/creditCard'))).toBe(false);
  });
});

describe('payment methods: removing a card', () => {
  it('asks first, naming the card and warning that it is the last valid one; Keep card changes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    await user.click(await screen.findByRole('button', { name: /^Remove Visa ending in 4242, expires \d\d\/\d{4}$/ }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this card?' });
    expect(within(dialog).getByText(/^Visa ending in 4242, expires 12\/\d{4}, will no longer be used to pay Acme Corp’s invoices\.$/)).toBeTruthy();
    expect(within(dialog).getByText(/This is the last valid card of Acme Corp\. Its Team plan \(\$299\.00 \/ month\) renews on/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Keep card' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cardItems()).toHaveLength(2);
    expect(server.requests().filter((request) => request.startsWith('DELETE'))).toEqual([]);
  });

  it('removes the card after confirming: the list updates without a reload and focus stays on the list', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    await user.click(await screen.findByRole('button', { name: /^Remove Visa ending in 4242, expires \d\d\/\d{4}$/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove card' }));
    const summary = await screen.findByText('1 card on file, none valid.');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(cardItems()).toHaveLength(1);
    expect(screen.queryByText(/Visa ending in 4242/)).toBeNull();
    expect(screen.getByText('Every card on file has expired. Add a valid card to pay the next invoices.')).toBeTruthy();
    expect(document.activeElement).toBe(summary);
    expect((await storedCards()).map((card) => `${card.brand} ${card.last_digit}`)).toEqual(['MASTERCARD 4444']);
  });

  it('sends one removal for a double click with no delay between the clicks', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    await user.click(await screen.findByRole('button', { name: /^Remove Visa ending in 4242/ }));
    const confirm = within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove card' });
    // Two clicks in the same task, before React can render the button busy.
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    expect(await screen.findByText('1 card on file, none valid.')).toBeTruthy();
    expect(server.requests().filter((request) => request.startsWith('DELETE'))).toHaveLength(1);
  });

  it('keeps the dialog open with the error when the removal fails', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    await user.click(await screen.findByRole('button', { name: /^Remove Mastercard ending in 4444, expires \d\d\/\d{4}$/ }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this card?' });
    // An expired card is not the last valid one: no warning.
    expect(within(dialog).queryByText(/last valid card/)).toBeNull();
    const [mastercard] = await storedCards();
    server.failNext(`${cardsPath}/${mastercard?.id}`, 503, 'Card vault unavailable');
    await user.click(within(dialog).getByRole('button', { name: 'Remove card' }));
    expect(await within(dialog).findByText('The card was not removed: Card vault unavailable')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'Remove this card?' })).toBeTruthy();
    expect(cardItems()).toHaveLength(2);
  });
});

// Typing card numbers key by key is slow in jsdom on a busy machine.
describe('payment methods: the add-a-card form', { timeout: 15_000 }, () => {
  it('groups the number as it is typed, names the brand and asks for its security code', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    const number = await screen.findByLabelText(/^Card number/);
    await user.type(number, '4242424242424242');
    expect(number).toHaveProperty('value', '4242 4242 4242 4242');
    const brand = () => number.parentElement?.textContent;
    expect(brand()).toBe('Visa');
    expect(screen.getByText('Security code: 3 digits on the back of the card.')).toBeTruthy();
    await user.clear(number);
    await user.type(number, AMEX.number);
    expect(number).toHaveProperty('value', AMEX.shown);
    expect(brand()).toBe('American Express');
    expect(screen.getByText('Security code: 4 digits on the front of the card.')).toBeTruthy();
    expect(number.getAttribute('autocomplete')).toBe('cc-number');
    expect(screen.getByLabelText(/^CVC/).getAttribute('autocomplete')).toBe('cc-csc');
    expect(screen.getByLabelText(/^Month/).getAttribute('autocomplete')).toBe('cc-exp-month');
  });

  it('keeps the caret in place when editing inside the number; Backspace on a space deletes the digit before it', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    const number = await screen.findByLabelText(/^Card number/);
    if (!(number instanceof HTMLInputElement)) throw new Error('not an input');
    await user.type(number, '4242424242424242');
    // Caret just after the first space ("4242 |4242…"): Backspace removes the 4th digit, not the space.
    await user.type(number, '{Backspace}', { initialSelectionStart: 5, initialSelectionEnd: 5 });
    expect(number.value).toBe('4244 2424 2424 242');
    expect(number.selectionStart).toBe(3);
    await user.type(number, '2', { initialSelectionStart: 3, initialSelectionEnd: 3 });
    expect(number.value).toBe('4242 4242 4242 4242');
    expect(number.selectionStart).toBe(4);
  });

  it('names every problem on the client without calling the API', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Add card' }));
    const number = screen.getByLabelText(/^Card number/);
    expect(await screen.findByText('Card number is required')).toBeTruthy();
    expect(screen.getByText('Choose the expiry month')).toBeTruthy();
    expect(screen.getByText('Choose the expiry year')).toBeTruthy();
    expect(screen.getByText('Security code is required')).toBeTruthy();
    expect(number.getAttribute('aria-invalid')).toBe('true');
    expect(number.getAttribute('aria-describedby')).toContain(screen.getByText('Card number is required').id);

    await user.type(number, '4242424242424241');
    await user.type(screen.getByLabelText(/^CVC/), '1234');
    expect(await screen.findByText('This card number is not valid: check it for typos')).toBeTruthy();
    expect(screen.getByText('The security code has 3 digits')).toBeTruthy();
    expect(server.requests().filter((request) => request.startsWith('POST'))).toEqual([]);
  });

  it('refuses the month before the current one and accepts the current one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-04-01T00:00:00Z'));
    const user = userEvent.setup({ delay: null });
    renderPage();
    await fillCard(user, { number: '4242424242424242', cvc: '123', month: '3', year: '2027' });
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText('This card has expired')).toBeTruthy();
    await user.selectOptions(screen.getByLabelText(/^Month/), '4');
    await waitFor(() => expect(screen.queryByText('This card has expired')).toBeNull());
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    await waitFor(() => expect(cardItems()).toHaveLength(3));
    expect(cardItems()[2]?.textContent).toMatch(/Expires 04\/2027/);
  });

  it('shows the declined card’s server message on the form, keeps what was typed, and adds nothing', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    await screen.findByText('2 cards on file, 1 valid.');
    await fillCard(user, { number: '4000000000000002', cvc: '123' });
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^The card was not added: Your card was declined by its issuer\. Try another card or contact your bank\.Reference: [0-9a-f-]{36}$/);
    expect(screen.getByLabelText(/^Card number/)).toHaveProperty('value', '4000 0000 0000 0002');
    expect(screen.getByLabelText(/^Month/)).toHaveProperty('value', '12');
    expect(screen.getByLabelText(/^Year/)).toHaveProperty('value', nextYear());
    expect(screen.getByLabelText(/^CVC/)).toHaveProperty('value', '123');
    expect(cardItems()).toHaveLength(2);
    expect(await storedCards()).toHaveLength(2);
    // Typing another card starts a new attempt: the refusal of the last one goes away.
    await user.clear(screen.getByLabelText(/^Card number/));
    await user.type(screen.getByLabelText(/^Card number/), '5555');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('adds a card: it appears masked, the form clears, and no cache, storage or URL holds the number or the CVC', async () => {
    const user = userEvent.setup({ delay: null });
    const { queryClient, router } = renderPage();
    await screen.findByText('2 cards on file, 1 valid.');
    await fillCard(user, { number: AMEX.number, cvc: AMEX.cvc });
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText('3 cards on file, 2 valid.')).toBeTruthy();
    expect(cardItems()[2]?.textContent).toMatch(/American Express ending in 0005/);
    expect(screen.getByLabelText(/^Card number/)).toHaveProperty('value', '');
    expect(screen.getByLabelText(/^CVC/)).toHaveProperty('value', '');

    const mutations = queryClient.getMutationCache().getAll();
    expect(mutations.map((mutation) => mutation.state.status)).toEqual(['success']);
    const cached = JSON.stringify([
      queryClient
        .getQueryCache()
        .getAll()
        .map((query) => query.state),
      mutations.map((mutation) => mutation.state),
    ]);
    expect(cached).toContain('"last_digit":"0005"');
    for (const secret of [AMEX.number, AMEX.shown, '"7531"', '"cvv"', '"number"']) expect(cached).not.toContain(secret);

    const storage = JSON.stringify([{ ...window.sessionStorage }, { ...window.localStorage }]);
    expect(storage).not.toContain(AMEX.number);
    expect(storage).not.toContain('7531');
    const { pathname, search, hash } = router.state.location;
    expect(`${pathname}${search}${hash}`).toBe(`/organizations/${ORG_IDS.acme}/payment-methods`);
  });

  it('adds one card when the form is submitted twice in a row', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    await screen.findByText('2 cards on file, 1 valid.');
    await fillCard(user, { number: AMEX.number, cvc: AMEX.cvc });
    const form = screen.getByRole('form', { name: 'Add a card' });
    fireEvent.submit(form);
    fireEvent.submit(form);
    expect(await screen.findByText('3 cards on file, 2 valid.')).toBeTruthy();
    await waitFor(() => expect(screen.getByLabelText(/^Card number/)).toHaveProperty('value', ''));
    expect((await storedCards()).filter((card) => card.last_digit === '0005')).toHaveLength(1);
    expect(cardItems().filter((item) => /American Express ending in 0005/.test(item.textContent ?? ''))).toHaveLength(1);
  });

  it('retries with the same Idempotency-Key after a lost answer, so the server adds the card once', async () => {
    const user = userEvent.setup({ delay: null });
    const keys: string[] = [];
    const toServer = globalThis.fetch;
    let loseNextAnswer = true;
    // The request reaches the real server and the card is added, but the answer never arrives.
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const adding = init?.method === 'POST';
      if (adding) keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
      const response = await toServer(input, init);
      if (adding && loseNextAnswer) {
        loseNextAnswer = false;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    renderPage();
    await screen.findByText('2 cards on file, 1 valid.');
    await fillCard(user, { number: AMEX.number, cvc: AMEX.cvc });
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText(/The card was not added: Could not reach the server/)).toBeTruthy();
    expect(screen.getByLabelText(/^Card number/)).toHaveProperty('value', AMEX.shown);

    await user.click(screen.getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText('3 cards on file, 2 valid.')).toBeTruthy();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect((await storedCards()).filter((card) => card.last_digit === '0005')).toHaveLength(1);
  });

  it('uses a new Idempotency-Key once the card details change', async () => {
    const user = userEvent.setup({ delay: null });
    const keys: string[] = [];
    const toServer = globalThis.fetch;
    globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') keys.push(new Headers(init.headers).get('Idempotency-Key') ?? '');
      return toServer(input, init);
    };
    renderPage();
    await screen.findByText('2 cards on file, 1 valid.');
    await fillCard(user, { number: '4000000000000002', cvc: '123' });
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    await screen.findByText(/Your card was declined/);
    await user.clear(screen.getByLabelText(/^Card number/));
    await user.type(screen.getByLabelText(/^Card number/), '4242424242424242');
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    expect(await screen.findByText('3 cards on file, 2 valid.')).toBeTruthy();
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('puts the server’s field errors on their fields', async () => {
    const user = userEvent.setup({ delay: null });
    renderPage();
    await screen.findByText('2 cards on file, 1 valid.');
    await fillCard(user, { number: '4242424242424242', cvc: '123' });
    server.failNext(cardsPath, 400, 'cvv: The security code does not match', [{ field: 'cvv', message: 'The security code does not match' }]);
    await user.click(screen.getByRole('button', { name: 'Add card' }));
    const message = await screen.findByText('The security code does not match');
    const cvc = screen.getByLabelText(/^CVC/);
    expect(cvc.getAttribute('aria-invalid')).toBe('true');
    expect(cvc.getAttribute('aria-describedby')).toContain(message.id);
    expect(document.activeElement).toBe(cvc);
    expect(cvc).toHaveProperty('value', '123');
  });
});
