import { brandLabel } from '@/api/credit-card';
import type { OrganizationEvent } from '@/api/organization-events';
import { planName } from '@/api/plans';
import { formatMinor } from '@/lib/money';

/** The fields of an event's change or original change; {} when absent or not a JSON object. */
export function changeFields(text: string | null | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  } catch {
    return {};
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

function card(fields: Record<string, unknown>): string {
  const brand = text(fields.brand);
  const last = text(fields.last_digit);
  const name = brand ? `the ${brandLabel(brand)}` : 'a card';
  return last ? `${name} ending ${last}` : name;
}

const BILLING_FIELDS: Record<string, string> = {
  first_name: 'first name',
  last_name: 'last name',
  email: 'billing email',
  address: 'address',
  city: 'city',
  zip: 'postal code',
  state: 'state',
  country_code: 'country',
  company: 'company',
  vat_number: 'VAT number',
};

/** A list in words: "a, b and c". */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * What an event did, in words, after the person's name: "changed the plan from Team to Business",
 * "removed the Visa ending 4242", "redeemed a credit code worth $50.00". Events this console does not
 * know are named by their type and sub-target, as sent.
 */
export function describeEvent(event: OrganizationEvent, locale?: string): string {
  const after = changeFields(event.change);
  const before = changeFields(event.original_change);
  const kind = `${event.event_type ?? ''} ${event.sub_target_type ?? ''}`;
  switch (kind) {
    case 'UPDATE PLAN': {
      if (after.plan !== undefined) return `changed the plan from ${planName(text(before.plan) ?? '?')} to ${planName(text(after.plan) ?? '?')}`;
      if (after.quantity !== undefined) return `changed the Cloud Plans subscription from ${text(before.quantity) ?? '?'} to ${text(after.quantity) ?? '?'} instances`;
      return 'changed the plan';
    }
    case 'CREATE PLAN':
      return `subscribed to Cloud Plans with ${text(after.quantity) ?? '?'} instances`;
    case 'DELETE PLAN':
      return 'canceled the Cloud Plans subscription';
    case 'CREATE CREDIT_CARD':
      return `added ${card(after)}`;
    case 'UPDATE CREDIT_CARD':
      return `replaced ${card(before)} with ${card(after)}`;
    case 'DELETE CREDIT_CARD':
      return `removed ${card(before)}`;
    case 'CREATE CREDIT_CODE': {
      const amount = typeof after.amount_in_cents === 'number' ? formatMinor(after.amount_in_cents, text(after.currency_code) ?? 'USD', locale) : null;
      return amount ? `redeemed a credit code worth ${amount}` : 'redeemed a credit code';
    }
    case 'CREATE BILLING_INFO':
    case 'UPDATE BILLING_INFO': {
      const fields = Object.keys(after).map((field) => BILLING_FIELDS[field] ?? field);
      return fields.length > 0 ? `updated the billing details (${listOf(fields)})` : 'updated the billing details';
    }
    case 'EXPORT BILLING_USAGE_REPORT':
      return 'generated a usage report';
    case 'EXPORT ':
      return 'emailed every invoice to the billing email';
    default:
      return `${(event.event_type ?? 'changed').toLowerCase()} ${(event.sub_target_type ?? event.target_type ?? '').toLowerCase().replaceAll('_', ' ')}`.trim();
  }
}

/** The contract's origins, in words. */
export const ORIGIN_LABELS: Record<string, string> = {
  CONSOLE: 'Console',
  API: 'API',
  SKILL: 'MCP tool (AI agent)',
  QOVERY_INTERNAL: 'Billing system',
  CLI: 'CLI',
  GIT: 'Git',
  TERRAFORM_PROVIDER: 'Terraform provider',
};

export function originLabel(origin: string | undefined): string {
  return origin === undefined ? 'Unknown' : (ORIGIN_LABELS[origin] ?? origin);
}
