import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrganizationEvent } from '@/api/organization-events';
import { useEventMessages } from '@/components/events/messages';
import { usePlanName } from '@/components/ui/plan-name';
import { describeEvent, originLabel } from './event-words';

function words() {
  return renderHook(() => ({ t: useEventMessages(), planName: usePlanName() })).result.current;
}

const event = (fields: Partial<OrganizationEvent>): OrganizationEvent => ({ ...fields });

describe('billing events in words', () => {
  it('says what each kind of event did, with its values', () => {
    const w = words();
    expect(describeEvent(event({ event_type: 'UPDATE', sub_target_type: 'PLAN', original_change: '{"plan":"TEAM_2025"}', change: '{"plan":"BUSINESS_2025"}' }), w)).toBe(
      'changed the plan from Team to Business',
    );
    expect(describeEvent(event({ event_type: 'UPDATE', sub_target_type: 'PLAN', original_change: '{"quantity":3}', change: '{"quantity":"5"}' }), w)).toBe(
      'changed the Cloud Plans subscription from 3 to 5 instances',
    );
    expect(describeEvent(event({ event_type: 'DELETE', sub_target_type: 'CREDIT_CARD', original_change: '{"brand":"VISA","last_digit":"4242"}' }), w)).toBe(
      'removed the Visa ending 4242',
    );
    // The expiry tells apart two cards of one brand ending in the same digits.
    const mastercard = (month: number, year: number) => JSON.stringify({ brand: 'MASTERCARD', last_digit: '4444', expiry_month: month, expiry_year: year });
    expect(describeEvent(event({ event_type: 'DELETE', sub_target_type: 'CREDIT_CARD', original_change: mastercard(3, 2026) }), w)).toBe(
      'removed the Mastercard ending 4444 (expires 03/2026)',
    );
    expect(describeEvent(event({ event_type: 'UPDATE', sub_target_type: 'CREDIT_CARD', original_change: mastercard(3, 2026), change: mastercard(11, 2030) }), w)).toBe(
      'replaced the Mastercard ending 4444 (expires 03/2026) with the Mastercard ending 4444 (expires 11/2030)',
    );
    expect(describeEvent(event({ event_type: 'CREATE', sub_target_type: 'CREDIT_CARD', change: '{"last_digit":"4444"}' }), w)).toBe('added a card ending 4444');
    expect(describeEvent(event({ event_type: 'UPDATE', sub_target_type: 'CREDIT_CARD', original_change: '{"brand":"VISA"}', change: '{}' }), w)).toBe(
      'replaced the Visa with a card',
    );
    expect(describeEvent(event({ event_type: 'CREATE', sub_target_type: 'CREDIT_CODE', change: '{"amount_in_cents":10000,"currency_code":"USD"}' }), w)).toBe(
      'redeemed a credit code worth $100.00',
    );
    expect(describeEvent(event({ event_type: 'UPDATE', sub_target_type: 'BILLING_INFO', change: '{"vat_number":"FR1","zip":"75001"}' }), w)).toBe(
      'updated the billing details (VAT number and postal code)',
    );
    expect(describeEvent(event({ event_type: 'EXPORT' }), w)).toBe('emailed every invoice to the billing email');
    expect(describeEvent(event({ event_type: 'EXPORT', sub_target_type: 'BILLING_USAGE_REPORT' }), w)).toBe('generated a usage report');
    expect(describeEvent(event({ event_type: 'DELETE', sub_target_type: 'BILLING_USAGE_REPORT' }), w)).toBe('revoked a usage report');
  });

  it('names an event it does not know by its type and target, as sent', () => {
    const w = words();
    expect(describeEvent(event({ event_type: 'ACCEPT', target_type: 'ORGANIZATION' }), w)).toBe('accept organization');
    expect(describeEvent(event({ event_type: 'ACCEPT' }), w)).toBe('accept');
    expect(describeEvent(event({ sub_target_type: 'CREDIT_CODE' }), w)).toBe('changed credit code');
  });

  it('names origins, and says when there is none', () => {
    const { t } = words();
    expect(originLabel('SKILL', t)).toBe('MCP tool (AI agent)');
    expect(originLabel('SOMEWHERE', t)).toBe('SOMEWHERE');
    expect(originLabel(undefined, t)).toBe('Unknown');
  });
});
