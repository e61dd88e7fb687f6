import { isSafeToOpen } from '@/lib/safe-url';

export const UNSAFE_LINK_MESSAGE = 'The server sent a payment link that is not safe to open (only https or this site are allowed). Nothing was changed.';

/**
 * Leaves the console for a hosted payment page, only if its link is https or on our own origin.
 * Returns false, without leaving, for any other link.
 */
export function openHostedPage(url: string): boolean {
  if (!isSafeToOpen(url)) return false;
  window.location.assign(url);
  return true;
}
