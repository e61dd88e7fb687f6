-- An invoice shows who it billed as they were when it was issued, and has one identity.

-- What the PDF prints under "Billed to": the organization's name and billing details when the invoice
-- was issued, as JSON {"organization_name": "...", "billing_info": {first_name, ..., vat_number} or null}.
-- Editing the billing details later changes the invoices issued after, never the ones already sent.
ALTER TABLE invoices ADD COLUMN billed_to TEXT;

-- Invoices issued before this column existed: the details on file now are the best record there is.
UPDATE invoices SET billed_to = json_object(
  'organization_name', (SELECT o.name FROM organizations o WHERE o.id = invoices.organization_id),
  'billing_info', json((
    SELECT json_object(
      'first_name', b.first_name, 'last_name', b.last_name, 'email', b.email, 'address', b.address,
      'city', b.city, 'zip', b.zip, 'state', b.state, 'country_code', b.country_code,
      'company', b.company, 'vat_number', b.vat_number)
    FROM billing_info b WHERE b.organization_id = invoices.organization_id))
);

-- The sandbox's own INV-<year>-<sequence> number competed with the reference the console shows and
-- searches (INV- and the first 10 letters and digits of the id, src/api/invoice-reference.ts), which
-- the contract's id gives any backend. One identity: the reference, derived from the id; the number goes.
ALTER TABLE invoices DROP COLUMN number;
