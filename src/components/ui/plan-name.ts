import { useUiMessages } from './messages';

/**
 * A plan's name in the active language (the catalog's `planName`, checked against the price list's
 * English names by plan-name.test.ts), or its id when the contract has a plan the console does not
 * know yet.
 */
export function usePlanName(): (plan: string) => string {
  const t = useUiMessages();
  return (plan) => t.planName({ plan });
}
