// `pnpm db:health [--json] [--limit n]`: the database's health as the monitoring role b2b_monitor: slow
// queries, table and index sizes, unused and duplicate indexes, estimated bloat, long transactions, blocked
// locks, replication lag and the wraparound margin (the ops.* views). --json: the same for machines.
import pg from 'pg';
import { main } from './lib/cli';
import { requireMonitorUrl } from './lib/dev-database';
import { formatHealth, readHealth } from './lib/health';

main(async () => {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const at = args.indexOf('--limit');
  const limit = at >= 0 ? Number(args[at + 1]) : json ? 100 : 10;
  if (!Number.isInteger(limit) || limit < 1) throw new Error('--limit needs a positive whole number');
  const unknown = args.filter((a, i) => a !== '--json' && a !== '--limit' && !(at >= 0 && i === at + 1));
  if (unknown.length)
    throw new Error(`Usage: pnpm db:health [--json] [--limit n] (unknown: ${unknown.join(' ')})`);
  const client = new pg.Client({
    connectionString: await requireMonitorUrl(),
    application_name: 'b2b-health',
  });
  await client.connect();
  try {
    const report = await readHealth(client, limit);
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatHealth(report)}\n`);
  } finally {
    await client.end();
  }
});
