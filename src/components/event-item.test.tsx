import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { OrganizationEvent } from '@/api/organization-events';
import { setFormattingLocale } from '@/lib/locale';
import { EventItem } from './event-item';

const NOW = new Date('2026-03-31T23:30:00.000Z');

function changeRows(event: OrganizationEvent): string[][] {
  render(
    <ul>
      <EventItem event={event} now={NOW} />
    </ul>,
  );
  const table = screen.getByRole('table', { name: 'Fields before and after the change' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

describe('an event’s before and after', () => {
  afterEach(() => setFormattingLocale(undefined));

  it('names the fields and says countries by name', () => {
    setFormattingLocale('en-US');
    expect(
      changeRows({
        event_type: 'UPDATE',
        sub_target_type: 'BILLING_INFO',
        original_change: JSON.stringify({ country_code: 'FR', vat_number: 'FR32123456789' }),
        change: JSON.stringify({ country_code: 'DE', vat_number: 'DE123456789' }),
      }),
    ).toEqual([
      ['Country', 'France', 'Germany'],
      ['VAT number', 'FR32123456789', 'DE123456789'],
    ]);
  });

  it('says a canceled Cloud Plans subscription’s plan and status in words', () => {
    setFormattingLocale('en-US');
    expect(
      changeRows({
        event_type: 'DELETE',
        sub_target_type: 'PLAN',
        original_change: JSON.stringify({ plan: 'STANDARD', quantity: 5, status: 'active' }),
        change: JSON.stringify({ status: 'canceled', reason: 'Too expensive' }),
      }),
    ).toEqual([
      ['Plan', 'Standard', '—'],
      ['Instances', '5', '—'],
      ['Status', 'Active', 'Canceled'],
      ['Reason', '—', 'Too expensive'],
    ]);
  });

  it('says amounts in their currency (plans by name: activity.spec.ts)', () => {
    setFormattingLocale('en-US');
    expect(
      changeRows({ event_type: 'CREATE', sub_target_type: 'CREDIT_CODE', change: JSON.stringify({ code: 'WELCOME100', amount_in_cents: 10_000, currency_code: 'EUR' }) }),
    ).toEqual([
      ['Code', '—', 'WELCOME100'],
      ['Amount', '—', '€100.00'],
      ['Currency', '—', 'EUR'],
    ]);
  });

  it('says report periods as billing days and instants in the user’s time, in the user’s formats', () => {
    setFormattingLocale('fr-FR');
    const expiresAt = '2026-04-07T12:00:00.000Z';
    const rows = changeRows({
      event_type: 'EXPORT',
      sub_target_type: 'BILLING_USAGE_REPORT',
      change: JSON.stringify({ from: '2026-02-01', to: '2026-02-28', expires_at: expiresAt }),
    });
    expect(rows.slice(0, 2)).toEqual([
      ['From', '—', '1 février 2026'],
      ['To', '—', '28 février 2026'],
    ]);
    expect(rows[2]?.[0]).toBe('Link expires');
    expect(rows[2]?.[2]).toBe(
      new Intl.DateTimeFormat('fr-FR', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(expiresAt)),
    );
  });
});
