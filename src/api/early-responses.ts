/**
 * Answers that public/early-requests.js started before the console's code ran (the invoice list's,
 * at 10,000 invoices, would otherwise wait for the entry script), keyed by Authorization and path.
 * The first request for the same path with the same credentials takes one, once; it is then read,
 * checked and parsed exactly like an answer the client fetched itself. Kept small: it is in the
 * first page's budget.
 */
export function takeEarlyResponse(path: string, authorization: string | undefined): Promise<Response> | undefined {
  const started: unknown = Reflect.get(window, '__earlyRequests');
  const key = `${authorization} ${path}`;
  if (!(started instanceof Object)) return undefined;
  const early: unknown = Reflect.get(started, key);
  Reflect.deleteProperty(started, key);
  return early instanceof Promise ? early : undefined;
}
