import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';

/**
 * Reports generated in this browser tab. Their links are capabilities (whoever holds one downloads
 * the report), so they live in sessionStorage, which dies with the tab, and never in localStorage.
 */
const STORAGE_KEY = 'billing-console.usage-reports';
const MAX_REPORTS = 50;

const storedReportSchema = z.object({
  id: z.string(),
  /** Who generated it (null when the backend does not say): another user of the tab never sees it. */
  ownerId: z.nullable(z.string()),
  organizationId: z.string(),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  createdAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }),
  reportUrl: z.string(),
  deleteReportUrl: z.nullable(z.string()),
  revokedAt: z.nullable(z.iso.datetime({ offset: true })),
});
export type StoredReport = z.infer<typeof storedReportSchema>;

export type ReportState = 'active' | 'expired' | 'revoked';

export function reportState(report: StoredReport, now: number): ReportState {
  if (report.revokedAt !== null) return 'revoked';
  return Date.parse(report.expiresAt) <= now ? 'expired' : 'active';
}

/**
 * When a signed link stops working, from its `expires` query parameter (unix seconds): the server's
 * word, which the browser's clock need not agree with. Null when the link does not carry one.
 */
export function signedLinkExpiry(url: string): string | null {
  let expires: string | null;
  try {
    expires = new URL(url, window.location.origin).searchParams.get('expires');
  } catch {
    return null;
  }
  if (expires === null || !/^\d{1,12}$/.test(expires)) return null;
  return new Date(Number(expires) * 1000).toISOString();
}

let reports: readonly StoredReport[] | undefined;
const listeners = new Set<() => void>();

function load(): readonly StoredReport[] {
  try {
    const raw: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    // Storage is input like any other: entries that do not parse are dropped.
    return raw.flatMap((entry: unknown) => {
      const parsed = storedReportSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
  } catch {
    return [];
  }
}

function snapshot(): readonly StoredReport[] {
  reports ??= load();
  return reports;
}

function save(next: readonly StoredReport[]): void {
  reports = next.slice(0, MAX_REPORTS);
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(reports));
  } catch {
    // Without storage the list still lives until the page reloads.
  }
  for (const listener of listeners) listener();
}

export const reportHistory = {
  add(report: StoredReport): void {
    save([report, ...snapshot()]);
  },
  markRevoked(id: string, at: Date): void {
    save(snapshot().map((report) => (report.id === id && report.revokedAt === null ? { ...report, revokedAt: at.toISOString() } : report)));
  },
  remove(id: string): void {
    save(snapshot().filter((report) => report.id !== id));
  },
  /** Drops the links someone else generated in this tab before signing out. */
  keepOnlyOwner(ownerId: string | null): void {
    if (snapshot().some((report) => report.ownerId !== ownerId)) save(snapshot().filter((report) => report.ownerId === ownerId));
  },
  /** Forgets what was read, so that the next read comes from storage (tests, and sign-out in other tabs). */
  reload(): void {
    reports = undefined;
    for (const listener of listeners) listener();
  },
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Every report of this tab, newest first; the page filters by organization. */
const NONE: readonly StoredReport[] = [];

export function useReportHistory(): readonly StoredReport[] {
  return useSyncExternalStore(subscribe, snapshot, () => NONE);
}
