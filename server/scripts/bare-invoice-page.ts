/**
 * The yardstick of `npm run bench:invoices`: a bare static page that does the least a page showing
 * the invoice list can do. Its script (no framework, no validation) reads the console's session from
 * sessionStorage, fetches the same invoice list with the same token as soon as it runs, and renders
 * the first 20 rows as a plain table. A sort (the Amount header), a status filter (Void) and a search
 * (part of an id) re-render those 20 rows. Its markup answers the same selectors as the console's
 * (a columnheader's button, a fieldset's labelled checkbox, input[type=search], the first row at
 * aria-rowindex 2), so that the bench drives both pages with the same code.
 */
export const BARE_PAGE_PATH = '/__bench/bare';
const SCRIPT_PATH = '/__bench/bare.js';

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Invoices (bare)</title><script src="${SCRIPT_PATH}"></script></head>
<body>
<input type="search" aria-label="Search">
<fieldset><legend>Status</legend><label><input type="checkbox" value="VOIDED">Void</label></fieldset>
<table><thead><tr><th role="columnheader"><button type="button">Invoice</button></th><th role="columnheader"><button type="button">Date</button></th>
<th role="columnheader"><button type="button">Status</button></th><th role="columnheader"><button type="button">Amount</button></th></tr></thead><tbody></tbody></table>
</body>
</html>`;

// Plain ES2020, run as is by the browser.
const SCRIPT = `
const session = JSON.parse(sessionStorage.getItem('billing-console.session'));
const organizationId = location.hash.slice(1);
const list = fetch('/api/organization/' + organizationId + '/invoice', { headers: { Authorization: session.scheme + ' ' + session.token } }).then((response) => response.json());
let all = [];
let sort = 'date';
let direction = -1;
let voidOnly = false;
let query = '';
function render() {
  let rows = all;
  if (voidOnly) rows = rows.filter((invoice) => invoice.status === 'VOIDED');
  if (query) rows = rows.filter((invoice) => invoice.id.includes(query));
  if (sort === 'amount') rows = [...rows].sort((a, b) => direction * (a.total_in_cents - b.total_in_cents));
  document.querySelector('tbody').innerHTML = rows.slice(0, 20).map((invoice, index) =>
    '<tr role="row" aria-rowindex="' + (index + 2) + '"><td>' + invoice.id.slice(0, 10) + '</td><td>' + invoice.created_at.slice(0, 10) + '</td><td>' + invoice.status + '</td><td>' + (invoice.total_in_cents / 100).toFixed(2) + ' ' + invoice.currency_code + '</td></tr>').join('');
}
document.addEventListener('DOMContentLoaded', () => {
  list.then((body) => { all = body.results || []; render(); });
  document.querySelector('thead').addEventListener('click', (event) => {
    if (event.target.textContent !== 'Amount') return;
    direction = sort === 'amount' ? -direction : -1;
    sort = 'amount';
    render();
  });
  document.querySelector('fieldset input').addEventListener('change', (event) => { voidOnly = event.target.checked; render(); });
  document.querySelector('input[type=search]').addEventListener('input', (event) => { query = event.target.value.toLowerCase(); render(); });
});
`;

/** Answers the bare page and its script; anything else is left to the console (undefined). */
export function bareInvoicePage(request: Request): Response | undefined {
  const { pathname } = new URL(request.url);
  if (pathname === BARE_PAGE_PATH) return new Response(HTML, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
  if (pathname === SCRIPT_PATH) return new Response(SCRIPT, { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' } });
  return undefined;
}
