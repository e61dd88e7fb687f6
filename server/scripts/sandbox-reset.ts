import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '../db/database';
import { resetDemoData } from '../db/seed';
import { EnvError, readEnv } from '../env';

/** `npm run sandbox:reset [-- --invoices N]`: recreates the demo data; with --invoices, adds Initech with N invoices. */
const { values } = parseArgs({ options: { invoices: { type: 'string' } } });
const invoices = values.invoices === undefined ? 0 : Number(values.invoices);
if (!Number.isInteger(invoices) || invoices < 0 || invoices > 200_000) {
  process.stderr.write('--invoices takes a whole number from 0 to 200000\n');
  process.exit(1);
}
let env;
try {
  env = readEnv();
} catch (error) {
  process.stderr.write(`Invalid environment:\n  ${(error instanceof EnvError ? error.message : String(error)).replaceAll('\n', '\n  ')}\n`);
  process.exit(1);
}
const db = openDatabase(env.sandboxDb);
migrate(db);
const started = performance.now();
resetDemoData(db, { largeOrgInvoices: invoices });
db.close();
process.stdout.write(`Reset ${env.sandboxDb} to the demo data${invoices > 0 ? ` with Initech's ${invoices} invoices` : ''} in ${Math.round(performance.now() - started)} ms.\n`);
