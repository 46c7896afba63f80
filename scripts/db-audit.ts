// `pnpm db:audit maintain|seal|verify|head|retention`: the audit trail's maintenance, as the owner, on the
// development database or DATABASE_URL (docs/audit.md). Connects as b2b-maintenance, so what it writes is
// attributed to maintenance in the trail.
import pg from 'pg';
import { runRetention } from './lib/audit/retention';
import { log, main } from './lib/cli';
import { requireDevDatabase } from './lib/dev-database';

const USAGE =
  'Usage: pnpm db:audit maintain | seal | verify [--tenant <id>] [--head <json>] | head --tenant <id> | retention --dir <folder> [--at <time>]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const value = args[i + 1];
  if (!value) throw new Error(`${name} needs a value. ${USAGE}`);
  return value;
}

main(async () => {
  const [command, ...args] = process.argv.slice(2);
  const url = process.env.DATABASE_URL ?? (await requireDevDatabase()).adminUrl;
  const client = new pg.Client({ connectionString: url, application_name: 'b2b-maintenance' });
  await client.connect();
  try {
    switch (command) {
      case 'maintain': {
        const { rows } = await client.query<{ p: string }>('select audit.create_partitions() as p');
        for (const { p } of rows) log(`made ${p}`);
        await seal(client);
        break;
      }
      case 'seal':
        await seal(client);
        break;
      case 'verify': {
        const tenant = option(args, '--tenant');
        const head = option(args, '--head');
        const { rows } = await client.query<{
          tenant_id: string;
          problem: string;
          seal_seq: string;
          detail: string;
        }>(
          `select t.tenant_id, v.problem, v.seal_seq, v.detail
             from tenancy.tenants t cross join lateral audit.verify(t.tenant_id, p_head => $2::jsonb) v
            where $1::uuid is null or t.tenant_id = $1::uuid
            order by 1, v.seal_seq`,
          [tenant ?? null, head ?? null],
        );
        for (const r of rows) log(`${r.tenant_id} ${r.problem} seal ${r.seal_seq ?? '-'}: ${r.detail}`);
        log(rows.length === 0 ? 'verified: no problem' : `${rows.length} problem(s)`);
        if (rows.length > 0) process.exitCode = 1;
        break;
      }
      case 'head': {
        const tenant = option(args, '--tenant');
        if (!tenant) throw new Error(`head needs --tenant. ${USAGE}`);
        const { rows } = await client.query<{ head: unknown }>('select audit.chain_head($1) as head', [
          tenant,
        ]);
        log(JSON.stringify(rows[0]?.head));
        break;
      }
      case 'retention': {
        const dir = option(args, '--dir');
        if (!dir) throw new Error(`retention needs --dir. ${USAGE}`);
        const at = option(args, '--at');
        const months = await runRetention(client, { dir, at: at ? new Date(at) : undefined, say: log });
        log(
          `${months.filter((m) => m.dropped).length} month(s) retired, ${months.filter((m) => !m.dropped).length} failed`,
        );
        if (months.some((m) => !m.dropped)) process.exitCode = 1;
        break;
      }
      default:
        throw new Error(USAGE);
    }
  } finally {
    await client.end();
  }
});

async function seal(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ tenant_id: string; sealed: number }>(
    'select * from audit.seal_all()',
  );
  for (const r of rows) log(`sealed ${r.sealed} event(s) of tenant ${r.tenant_id}`);
  log(`sealed ${rows.reduce((n, r) => n + r.sealed, 0)} event(s)`);
}
