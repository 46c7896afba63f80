// `pnpm db:psql [--tenant <slug>] [psql args]`: a psql shell on the development database. With --tenant,
// as the application role b2b_app with app.tenant_id set for the session, so row-level security shows that
// tenant's rows only (the application sets it per transaction, with SET LOCAL through app.set_tenant).
// A session setting is the one thing psql can carry for every statement typed; it is not the application's
// way, and on Citus it stays on the coordinator (Citus propagates only SET LOCAL, inside a transaction), so
// there distributed reads show nothing: use `begin; select app.set_tenant('<id>'); ...` instead (README).
import { spawnSync } from 'node:child_process';
import { withClient } from '@b2b/testing';
import { main } from './lib/cli';
import { requireDevDatabase, withSessionSetting } from './lib/dev-database';

main(async () => {
  const db = await requireDevDatabase();
  const args = process.argv.slice(2);
  let url = db.adminUrl;
  const at = args.indexOf('--tenant');
  if (at >= 0) {
    const slug = args[at + 1];
    args.splice(at, 2);
    if (!slug) throw new Error('--tenant needs a tenant slug, for example --tenant acme-industrial');
    const tenantId = await withClient(db.adminUrl, async (client) => {
      const { rows } = await client.query<{ tenant_id: string }>(
        'select tenant_id from tenancy.tenants where slug = $1',
        [slug],
      );
      return rows[0]?.tenant_id;
    });
    if (!tenantId) throw new Error(`No tenant with slug "${slug}".`);
    url = withSessionSetting(db.appUrl, 'app.tenant_id', tenantId);
  }
  const result = spawnSync('psql', [url, ...args], { stdio: 'inherit' });
  if (result.error)
    throw new Error(`Could not run psql: ${result.error.message} (install postgresql-client)`);
  process.exitCode = result.status ?? 1;
});
