/**
 * Answers that public/early-requests.js started before the console's code ran (the invoice list's,
 * at 10,000 invoices, would otherwise wait for the entry script). The first request for the same
 * path with the same credentials takes one, once; it is then read, checked and parsed exactly like
 * an answer the client fetched itself.
 */
interface EarlyRequest {
  authorization: string;
  response: Promise<Response>;
}

function isEarlyRequest(value: unknown): value is EarlyRequest {
  return typeof value === 'object' && value !== null && 'authorization' in value && typeof value.authorization === 'string' && 'response' in value && value.response instanceof Promise;
}

export function takeEarlyResponse(path: string, authorization: string | undefined): Promise<Response> | undefined {
  if (typeof window === 'undefined' || authorization === undefined) return undefined;
  const started: unknown = Reflect.get(window, '__earlyRequests');
  if (typeof started !== 'object' || started === null) return undefined;
  const early: unknown = Reflect.get(started, path);
  Reflect.deleteProperty(started, path);
  return isEarlyRequest(early) && early.authorization === authorization ? early.response : undefined;
}
