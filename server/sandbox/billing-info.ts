import type { BillingInfo } from '#api/contract';
import { editOrganizationBillingInfo } from '#api/operation-actions';
import { getOrganizationBillingExternalId, getOrganizationBillingInfo } from '#api/operations';
import type { SandboxContext } from './context';
import type { OperationRoutes } from './operation-routes';
import { remember } from './read-cache';
import { actorOf, changedFields } from './organization-events';

const EMPTY_BILLING_INFO: Required<BillingInfo> = {
  first_name: null,
  last_name: null,
  email: null,
  address: null,
  city: null,
  zip: null,
  state: null,
  country_code: null,
  company: null,
  vat_number: null,
};

/** Empty or null optional strings mean "not set": they are stored as NULL, like a field never filled in. */
function orNull(value: string | null | undefined): string | null {
  return value === undefined || value === '' ? null : value;
}

export function billingInfoRoutes(ctx: SandboxContext, routes: OperationRoutes): void {
  const { db } = ctx;
  const find = db.prepare<[string], Required<BillingInfo>>(
    `SELECT first_name, last_name, email, address, city, zip, state, country_code, company, vat_number
     FROM billing_info WHERE organization_id = ?`,
  );
  const upsert = db.prepare(`INSERT INTO billing_info
      (organization_id, first_name, last_name, email, address, city, zip, state, country_code, company, vat_number, updated_at)
    VALUES (@organization_id, @first_name, @last_name, @email, @address, @city, @zip, @state, @country_code, @company, @vat_number, @updated_at)
    ON CONFLICT (organization_id) DO UPDATE SET
      first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email, address = excluded.address,
      city = excluded.city, zip = excluded.zip, state = excluded.state, country_code = excluded.country_code,
      company = excluded.company, vat_number = excluded.vat_number, updated_at = excluded.updated_at`);

  const cached = ctx.cache.area<Required<BillingInfo>>();

  routes.mount(getOrganizationBillingInfo, ({ org }) => remember(cached, org.id, () => find.get(org.id) ?? EMPTY_BILLING_INFO));

  routes.mountWithBody(editOrganizationBillingInfo, ({ c, org, body: input }) => {
    const body: Required<BillingInfo> = {
      first_name: input.first_name,
      last_name: input.last_name,
      email: input.email,
      address: input.address,
      city: input.city,
      zip: input.zip,
      state: input.country_code === 'US' ? orNull(input.state) : null,
      country_code: input.country_code,
      company: orNull(input.company),
      vat_number: orNull(input.vat_number),
    };
    const now = ctx.now();
    ctx.db.transaction(() => {
      const before = find.get(org.id);
      upsert.run({ organization_id: org.id, ...body, updated_at: now.toISOString() });
      // A PUT that sets the same values changes nothing: no event.
      const fields = changedFields(before, body);
      if (fields) ctx.events.record(org, actorOf(c), { type: before ? 'UPDATE' : 'CREATE', subTarget: 'BILLING_INFO', ...fields }, now);
    })();
    return body;
  });

  routes.mount(getOrganizationBillingExternalId, ({ org }) => ({ id: org.billing_external_id }));
}
