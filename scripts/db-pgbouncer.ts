// `pnpm db:pgbouncer up|down|status`: PgBouncer (transaction pooling, SCRAM) in front of the development
// cluster, as the cluster's OS user. See docs/operations.md (## PgBouncer).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { log, main } from './lib/cli';
import {
  CONSOLE_USER,
  devPgBouncerRunning,
  devPgBouncerUrl,
  ensureDevPgBouncer,
  stopDevPgBouncer,
} from './lib/dev-pgbouncer';

const USAGE = 'usage: pnpm db:pgbouncer up [--port <n>] | down | status';

async function showPools(url: string): Promise<void> {
  // The admin console speaks the simple query protocol only: a query without parameters uses it.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Record<string, string>>('show pools');
    log('  pools (database/user: client active/waiting, server active/idle):');
    for (const r of rows.filter((row) => row.database !== 'pgbouncer')) {
      log(
        `    ${r.database}/${r.user}: ${r.cl_active}/${r.cl_waiting} clients, ${r.sv_active}/${r.sv_idle} servers (${r.pool_mode})`,
      );
    }
    if (!rows.some((row) => row.database !== 'pgbouncer')) log('    (none yet: pools open on first use)');
  } finally {
    await client.end();
  }
}

main(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string' } },
  });
  const [command, ...extra] = positionals;
  if (extra.length || (values.port !== undefined && command !== 'up')) throw new Error(USAGE);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(USAGE);
  if (command === 'up') {
    const state = await ensureDevPgBouncer(port);
    log(
      state.started
        ? `started PgBouncer on 127.0.0.1:${state.port} (transaction pooling) in front of 127.0.0.1:${state.serverPort}`
        : `PgBouncer already running on 127.0.0.1:${state.port}`,
    );
    log(`  application role through PgBouncer: ${devPgBouncerUrl(state, 'b2b_app')}`);
    log(`  admin console: psql "${devPgBouncerUrl(state, CONSOLE_USER, 'pgbouncer')}" -c 'show pools'`);
    log(
      '  passwords: .data/pgbouncer.json (SCRAM secrets only in its auth_file); pnpm db:pgbouncer down stops it.',
    );
  } else if (command === 'down') {
    log((await stopDevPgBouncer()) ? 'stopped PgBouncer' : 'PgBouncer was not running');
  } else if (command === 'status') {
    const state = devPgBouncerRunning();
    if (!state) {
      log('PgBouncer: not running (pnpm db:pgbouncer up starts it)');
      return;
    }
    log(`PgBouncer: running on 127.0.0.1:${state.port}, in front of 127.0.0.1:${state.serverPort}`);
    log(`  application role: ${devPgBouncerUrl(state, 'b2b_app')}`);
    await showPools(devPgBouncerUrl(state, CONSOLE_USER, 'pgbouncer'));
  } else {
    throw new Error(USAGE);
  }
});
