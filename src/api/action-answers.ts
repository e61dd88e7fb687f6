import * as z from 'zod/mini';
import { SERVICE_TYPES } from './contract-clusters';

/**
 * Answers of the Qovery Billing contract's actions (a PDF link, a usage report): here rather than in
 * contract.ts, which is on the first page, since only the pages that act need them.
 */

export const linkSchema = z.object({
  service_id: z.string(),
  service_type: z.enum(SERVICE_TYPES),
  url: z.string(),
  internal_port: z.int(),
  external_port: z.int(),
  is_qovery_domain: z.boolean(),
  is_default: z.boolean(),
});
export type Link = z.infer<typeof linkSchema>;

export const usageReportResponseSchema = z.object({
  report_url: z.optional(z.string()),
  delete_report_url: z.optional(z.string()),
});
export type UsageReportResponse = z.infer<typeof usageReportResponseSchema>;
