/**
 * The one reference of an invoice, shown and searched everywhere (list, detail, CSV, PDF, its file
 * name, the ZIP and the mail). The contract has no invoice number, so it is derived from the id the
 * API gives: "INV-" and the id's first 10 letters and digits in upper case. Ten hex digits keep two
 * invoices of one organization apart with near certainty (at 10,000 invoices, about 1 in 20,000 of
 * any clash), where the 8 the list used to show would clash in about 1 in 90.
 */
export function invoiceReference(id: string): string {
  const compact = id.replace(/[^0-9a-z]/gi, '').slice(0, 10).toUpperCase();
  return compact === '' ? id : `INV-${compact}`;
}
