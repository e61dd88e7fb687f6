import type { Hono } from 'hono';
import { errorJson } from '../http/errors';
import type { Logger } from '../http/logger';
import type { AppEnv } from '../sandbox/context';
import { gatewayAccess } from './access';
import { createGatewayClient, type ContractUpstream } from './client';
import { mcpRoutes } from './mcp';
import { gatewayRestRoutes } from './rest';

export interface GatewayOptions {
  /** QOVERY_API_KEY: the gateway is off without it. */
  apiKey: string | null;
  gatewayToken: string | null;
  /** The Qovery contract: the sandbox in-process, or QOVERY_API_URL. */
  contract: ContractUpstream;
  logger: Logger;
  /** PUBLIC_URL's origin: the REST adapter's event page links point at its own routes there. */
  publicUrl: string;
}

const PATHS = ['/v1/organization/*', '/mcp'] as const;

/** Mounts the billing gateway of seed 004: the REST adapter under /v1/organization and the MCP server at /mcp. */
export function mountGateway(app: Hono<AppEnv>, options: GatewayOptions): void {
  const { apiKey } = options;
  if (apiKey === null) {
    for (const path of PATHS) {
      app.all(path, (c) => errorJson(c, 404, 'The billing gateway is off: set QOVERY_API_KEY, the key it calls the Qovery API with, to turn it on'));
    }
    return;
  }
  const access = gatewayAccess({ gatewayToken: options.gatewayToken });
  for (const path of PATHS) app.use(path, access);
  const client = createGatewayClient(options.contract, apiKey, options.logger);
  app.route('/', gatewayRestRoutes(client, options.publicUrl));
  app.route('/', mcpRoutes(client));
}
