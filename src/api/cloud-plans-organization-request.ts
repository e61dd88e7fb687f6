import * as z from 'zod/mini';

/**
 * The request of the Cloud Plans reads, and the org_id every request of the contract names. Apart
 * from cloud-plans-requests.ts: the reads' rows load with the loaders' chunk, which the costs page
 * shares, and the quantity rules need not come with them.
 */

export const orgIdSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'org_id is required' : 'org_id must be text: an organization id') })
  .check(z.trim(), z.minLength(1, 'org_id is required'), z.maxLength(100, 'org_id is too long'));

export const organizationRequestSchema = z.object({ org_id: orgIdSchema });
export type OrganizationRequest = z.infer<typeof organizationRequestSchema>;
