const REFERENCE_LENGTH = 10;

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * The one reference of an invoice, shown and searched everywhere (list, detail, CSV, PDF, its file
 * name, the ZIP and the mail). The contract has no invoice number, so it is derived from the id the
 * API gives: "INV-" and the id's first 10 letters and digits in upper case. Ten hex digits keep two
 * invoices of one organization apart with near certainty (at 10,000 invoices, about 1 in 20,000 of
 * any clash), where the 8 the list used to show would clash in about 1 in 90.
 *
 * A loop rather than a regular expression: the invoice list derives it for each of up to 10,000
 * invoices when it indexes them, and it only needs the first few characters of the id.
 */
export function invoiceReference(id: string): string {
  let compact = '';
  for (let i = 0; i < id.length && compact.length < REFERENCE_LENGTH; i += 1) {
    if (isAlphanumeric(id.charCodeAt(i))) compact += id[i];
  }
  return compact === '' ? id : `INV-${compact.toUpperCase()}`;
}
