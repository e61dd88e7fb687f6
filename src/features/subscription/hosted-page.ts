import { isSafeToOpen } from '@/lib/safe-url';

/**
 * Leaves the console for a hosted payment page, only if its link is https or on our own origin.
 * Returns false, without leaving, for any other link.
 */
export function openHostedPage(url: string): boolean {
  if (!isSafeToOpen(url)) return false;
  window.location.assign(url);
  return true;
}
