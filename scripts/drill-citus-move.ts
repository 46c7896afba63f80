// `pnpm drill:citus-move [--tenants 100] [--port 6650]`: the runbook of docs/scaling.md timed: a database
// loaded with the large seed profile (or --tenants of its 100 tenants) on one server, made the coordinator
// of a Citus cluster in place and distributed with its rows; per-tenant counts and checksums before and
// after must match (exits non-zero otherwise); prints each step's time and two platform reports' cost.
import { parseArgs } from 'node:util';
import { log, main } from './lib/cli';
import { runMoveDrill } from './lib/drills/citus-move';

main(async () => {
  const { values } = parseArgs({ options: { tenants: { type: 'string' }, port: { type: 'string' } } });
  const tenants = Number(values.tenants ?? 100);
  const port = Number(values.port ?? 6650);
  if (!Number.isInteger(tenants) || tenants < 1 || tenants > 100)
    throw new Error(`--tenants takes 1 to 100, got "${values.tenants}"`);
  if (!Number.isInteger(port) || port < 1024) throw new Error(`--port takes a port, got "${values.port}"`);
  const ok = await runMoveDrill({ tenants, port, say: log });
  if (!ok) throw new Error('move drill FAILED: the rows on Citus differ from the single node');
  log('move drill passed: every row of every tenant table arrived on the workers unchanged');
});
