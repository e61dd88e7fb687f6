import { useEffect, useState } from 'react';
import { billingDay } from '@/lib/billing-calendar';

/**
 * Now, for the period presets ("this month"…), which count from the billing calendar's today (UTC):
 * a tab left open overnight catches up when the user comes back to it. The same billing day keeps
 * the same Date, so that nothing recomputes for nothing.
 */
export function useBillingToday(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'hidden') return;
      setNow((current) => {
        const next = new Date();
        return billingDay(next) === billingDay(current) ? current : next;
      });
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, []);
  return now;
}
