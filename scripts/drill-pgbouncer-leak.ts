// `pnpm drill:pgbouncer-leak [--transactions n] [--processes n] [--clients n] [--tenants n] [--no-control]`:
// withTenant transactions from several OS processes through PgBouncer in transaction mode; exits non-zero
// on any leak. See docs/operations.md (## PgBouncer).
import { parseArgs } from 'node:util';
import { log, main } from './lib/cli';
import { runLeakDrill } from './lib/drills/pgbouncer-leak';

function whole(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number >= 1, got "${value}"`);
  return n;
}

main(async () => {
  const { values } = parseArgs({
    options: {
      transactions: { type: 'string' },
      processes: { type: 'string' },
      clients: { type: 'string' },
      tenants: { type: 'string' },
      'no-control': { type: 'boolean', default: false },
    },
  });
  const ok = await runLeakDrill({
    transactions: whole(values.transactions, 1000, '--transactions'),
    processes: whole(values.processes, 4, '--processes'),
    clientsPerProcess: whole(values.clients, 8, '--clients'),
    tenants: whole(values.tenants, 8, '--tenants'),
    control: !values['no-control'],
    say: log,
  });
  if (!ok) throw new Error('PgBouncer leak drill FAILED');
  log('PgBouncer leak drill passed: 0 leaks');
});
