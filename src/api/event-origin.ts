/**
 * A sandbox extension: the header by which a client says where a change comes from, one of the
 * contract's OrganizationEventOrigin values. The console sends CONSOLE on every request; the gateway
 * sends API (REST) or SKILL (MCP tools). Without it, a change is an API call. Its own module: the
 * console's client ships with the first page, the events' schemas do not.
 */
export const EVENT_ORIGIN_HEADER = 'X-Event-Origin';
