import { describe, expect, it } from 'vitest';
import { PLANS } from '@/api/contract';
import { planPeriod } from '@/api/plan-period';
import { PLAN_CATALOG } from '@/api/plans';
import english from './messages/en.json?messages';

describe('plan names and periods', () => {
  it('names every plan of the contract as the price list does', () => {
    for (const plan of PLANS) expect(english.planName?.({ plan })).toBe(PLAN_CATALOG[plan].name);
  });

  it('falls back to the id of a plan it does not know', () => {
    expect(english.planName?.({ plan: 'GALAXY_2031' })).toBe('GALAXY_2031');
  });

  it('charges the yearly plans by the year and the others by the month, as the price list says', () => {
    for (const plan of PLANS) expect(planPeriod(plan)).toBe(PLAN_CATALOG[plan].period);
  });
});
