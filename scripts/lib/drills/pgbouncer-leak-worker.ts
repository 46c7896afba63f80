// One OS process of the PgBouncer leak drill (forked by pgbouncer-leak.ts): `clients` pooled connections
// run tenant transactions through PgBouncer back to back, each preceded by a probe, and report what they saw.
// The checks are on behaviour (the tenant a transaction sees), not on the SQL withTenant sends.
import { createPool, TransactionAbortedError, withTenant, withTransaction } from '@b2b/db';

/** Thrown by a callback on purpose: its transaction is rolled back. */
class RolledBack extends Error {}

export interface LeakTenant {
  tenantId: string;
  userId: string;
  /** Warehouses of this tenant (RLS must show exactly these to it). */
  warehouses: number;
}

export interface LeakWorkerConfig {
  url: string;
  clients: number;
  transactions: number;
  tenants: LeakTenant[];
  /** Negative control: every n-th step first sets the tenant for the whole session (a client bug). */
  leakyEvery?: number;
}

export interface LeakWorkerResult {
  transactions: number;
  probes: number;
  leaks: string[];
  /** Server backend pid -> tenant ids it served (PgBouncer hands a server connection to any client). */
  backends: Record<string, string[]>;
}

interface Seen {
  tenant: string | null;
  user: string | null;
  pid: number;
  visible: [string, number][] | null;
}

async function run(config: LeakWorkerConfig): Promise<LeakWorkerResult> {
  const pool = createPool({
    connectionString: config.url,
    max: config.clients,
    applicationName: 'b2b-leak-drill',
  });
  const leaks: string[] = [];
  const backends = new Map<number, Set<string>>();
  let next = 0;
  let probes = 0;
  let transactions = 0;
  const client = async () => {
    for (let step = next++; step < config.transactions; step = next++) {
      const tenant = config.tenants[Math.floor(Math.random() * config.tenants.length)] as LeakTenant;
      if (config.leakyEvery && step % config.leakyEvery === 0) {
        // The bug the drill must be able to see: a session-level setting outlives the transaction, and
        // in transaction pooling the next transaction on that server connection may be another client's.
        await pool.query(`select set_config('app.tenant_id', $1, false)`, [tenant.tenantId]);
      }
      // Probe: a transaction with no tenant must start with no tenant, whichever server connection it got.
      const probe = await withTransaction(pool, async (c) => {
        const { rows } = await c.query<{ tenant: string | null; pid: number }>(
          `select nullif(current_setting('app.tenant_id', true), '') as tenant, pg_backend_pid() as pid`,
        );
        return rows[0];
      });
      probes++;
      if (probe?.tenant)
        leaks.push(`step ${step}: a transaction started with app.tenant_id = ${probe.tenant}`);
      // The tenant transaction: it sees its own tenant and its own rows, nothing else. Some end otherwise than
      // by commit, so that what a rollback leaves on the server connection is probed too: every 7th throws
      // from the callback (rolled back), every 11th swallows a failed statement (TransactionAbortedError).
      const ending = step % 7 === 3 ? 'throw' : step % 11 === 5 ? 'aborted' : 'commit';
      let seen: Seen | undefined;
      const work = withTenant(pool, { tenantId: tenant.tenantId, userId: tenant.userId }, async (c) => {
        const { rows } = await c.query<Seen>(
          `select nullif(current_setting('app.tenant_id', true), '') as tenant,
                  nullif(current_setting('app.user_id', true), '') as "user",
                  pg_backend_pid() as pid,
                  (select json_agg(json_build_array(tenant_id, n) order by tenant_id)
                   from (select tenant_id, count(*)::int as n from catalog.warehouses group by tenant_id) v) as visible`,
        );
        seen = rows[0] as Seen;
        if (ending === 'throw') throw new RolledBack();
        if (ending === 'aborted') await c.query('select 1 / 0').catch(() => {});
        return seen;
      });
      try {
        await work;
        if (ending !== 'commit')
          leaks.push(`step ${step}: a transaction meant to end by ${ending} committed`);
      } catch (error) {
        const expected =
          ending === 'throw' ? error instanceof RolledBack : error instanceof TransactionAbortedError;
        if (!expected) throw error;
      }
      if (!seen) throw new Error(`step ${step}: the tenant transaction saw nothing`);
      transactions++;
      const expected = JSON.stringify([[tenant.tenantId, tenant.warehouses]]);
      if (
        seen.tenant !== tenant.tenantId ||
        seen.user !== tenant.userId ||
        JSON.stringify(seen.visible) !== expected
      ) {
        leaks.push(
          `step ${step}: tenant ${tenant.tenantId} saw tenant ${seen.tenant}, user ${seen.user}, rows ${JSON.stringify(seen.visible)}`,
        );
      }
      const served = backends.get(seen.pid) ?? new Set<string>();
      served.add(tenant.tenantId);
      backends.set(seen.pid, served);
    }
  };
  try {
    await Promise.all(Array.from({ length: config.clients }, client));
  } finally {
    await pool.end();
  }
  return {
    transactions,
    probes,
    leaks,
    backends: Object.fromEntries([...backends].map(([pid, tenants]) => [String(pid), [...tenants]])),
  };
}

process.once('message', (config: LeakWorkerConfig) => {
  run(config).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (error: Error) =>
      process.send?.({ ok: false, error: error.stack ?? error.message }, () => process.exit(1)),
  );
});
