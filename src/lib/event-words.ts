import { brandLabel } from '@/api/credit-card';
import type { OrganizationEvent } from '@/api/organization-events';
import type { EventMessages } from '@/components/events/messages';
import { formatList } from '@/lib/i18n';
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

/**
 * A card as the messages name it: its brand, last digits and expiry ("03/2026", which tells apart
 * two cards of one brand with the same last digits), 'none' for what the event does not say.
 */
function card(fields: Record<string, unknown>): { brand: string; last: string; expiry: string } {
  const brand = text(fields.brand);
  const month = text(fields.expiry_month);
  const year = text(fields.expiry_year);
  return { brand: brand ? brandLabel(brand) : 'none', last: text(fields.last_digit) || 'none', expiry: month && year ? `${month.padStart(2, '0')}/${year}` : 'none' };
}

/** What describes an event: the console's messages, and plan names in the same language. */
export interface EventWords {
  t: EventMessages;
  planName: (plan: string) => string;
}

/**
 * What an event did, in words, after the person's name: "changed the plan from Team to Business",
 * "removed the Visa ending 4242", "redeemed a credit code worth $50.00". Events this console does not
 * know are named by their type and sub-target, as sent.
 */
export function describeEvent(event: OrganizationEvent, { t, planName }: EventWords): string {
  const after = changeFields(event.change);
  const before = changeFields(event.original_change);
  const kind = `${event.event_type ?? ''} ${event.sub_target_type ?? ''}`;
  switch (kind) {
    case 'UPDATE PLAN': {
      if (after.plan !== undefined) return t.planChanged({ from: planName(text(before.plan) ?? '?'), to: planName(text(after.plan) ?? '?') });
      if (after.quantity !== undefined) return t.instancesChanged({ from: text(before.quantity) ?? '?', to: text(after.quantity) ?? '?' });
      return t.planChangedOnly();
    }
    case 'CREATE PLAN':
      return t.subscribed({ count: text(after.quantity) ?? '?' });
    case 'DELETE PLAN':
      return t.subscriptionCanceled();
    case 'CREATE CREDIT_CARD':
      return t.cardAdded(card(after));
    case 'UPDATE CREDIT_CARD': {
      const old = card(before);
      const replacement = card(after);
      return t.cardReplaced({
        oldBrand: old.brand,
        oldLast: old.last,
        oldExpiry: old.expiry,
        newBrand: replacement.brand,
        newLast: replacement.last,
        newExpiry: replacement.expiry,
      });
    }
    case 'DELETE CREDIT_CARD':
      return t.cardRemoved(card(before));
    case 'CREATE CREDIT_CODE':
      return typeof after.amount_in_cents === 'number'
        ? t.creditRedeemedWorth({ amount: formatMinor(after.amount_in_cents, text(after.currency_code) ?? 'USD') })
        : t.creditRedeemed();
    case 'CREATE BILLING_INFO':
    case 'UPDATE BILLING_INFO': {
      const fields = Object.keys(after).map((field) => t.billingField({ field }));
      return fields.length > 0 ? t.billingDetailsUpdatedFields({ fields: formatList(fields) }) : t.billingDetailsUpdated();
    }
    case 'EXPORT BILLING_USAGE_REPORT':
      return t.usageReportGenerated();
    case 'DELETE BILLING_USAGE_REPORT':
      return t.usageReportRevoked();
    case 'EXPORT ':
      return t.invoicesEmailed();
    default: {
      const target = (event.sub_target_type ?? event.target_type ?? '').toLowerCase().replaceAll('_', ' ') || 'none';
      return event.event_type ? t.otherEvent({ type: event.event_type.toLowerCase(), target }) : t.changedTarget({ target });
    }
  }
}

/** The contract's origins, in words. */
export function originLabel(origin: string | undefined, t: EventMessages): string {
  return origin === undefined ? t.originUnknown() : t.origin({ origin });
}
