import type { CloudPlansOperation } from './cloud-plans-operation';
import * as reads from './cloud-plans-operations';
import * as updates from './cloud-plans-update-operations';

/**
 * The whole Cloud Plans table, for the server (the sandbox's dispatch) and the docs; the console
 * imports rows one by one. In seed 001's order, which the sandbox's 400s list a path's actions in.
 * server/test/cloud-plans-table.test.ts checks that every row of the two modules is here, under its action.
 */
export const CLOUD_PLANS_OPERATIONS = [
  reads.getorganization,
  reads.list_billing,
  updates.getpaymentlink,
  updates.getupdatecardlink,
  updates.updatesubscription,
  updates.cancelsubscription,
] as const satisfies readonly CloudPlansOperation[];
