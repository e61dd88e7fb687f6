import { Hono } from 'hono';
import { errorJson } from './errors';

export const CLOUD_PLANS_NOT_CONFIGURED =
  'Cloud Plans is not configured on this server: set CLOUDPLANS_API_URL to the Cloud Plans API to manage subscriptions here.';

/**
 * With a real backend and no CLOUDPLANS_API_URL there is nothing to answer the Cloud Plans contract:
 * every route says so plainly (501) instead of a bare 404, and the console shows the message.
 */
export function cloudPlansNotConfigured() {
  const routes = new Hono();
  routes.all('*', (c) => errorJson(c, 501, CLOUD_PLANS_NOT_CONFIGURED));
  return routes;
}
