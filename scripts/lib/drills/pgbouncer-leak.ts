// The PgBouncer leak drill: interleaved withTenant transactions from several OS processes through one
// PgBouncer in transaction mode, each checking that it sees only its own tenant and that a transaction
// starts with no tenant set. Then a negative control: the same drill with a session-level set_config (a
// client bug) must report leaks, or the drill could not see one.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { withClient } from '@b2b/testing';
import type { LeakTenant, LeakWorkerConfig, LeakWorkerResult } from './pgbouncer-leak-worker';
import { withDrillDatabase, withDrillPgBouncer } from './throwaway';

export interface LeakDrillOptions {
  transactions: number;
  processes: number;
  clientsPerProcess: number;
  tenants: number;
  /** Also run the negative control (default true). */
  control: boolean;
  say: (line: string) => void;
}

export interface LeakRun {
  transactions: number;
  probes: number;
  leaks: string[];
  serverConnections: number;
  /** Fewest and most distinct tenants one server connection served. */
  tenantsPerConnection: [number, number];
  seconds: number;
}

const WORKER = fileURLToPath(new URL('./pgbouncer-leak-worker.ts', import.meta.url));

/** Tenant i (1-based) gets i warehouses, so a leak shows in the counts as well as in the tenant ids. */
async function loadTenants(adminUrl: string, count: number): Promise<LeakTenant[]> {
  return withClient(adminUrl, async (c) => {
    await c.query(
      `insert into tenancy.tenants (slug, name)
       select 'leak-' || i, 'Leak drill tenant ' || i from generate_series(1, $1::int) i`,
      [count],
    );
    const { rows } = await c.query<{ tenant_id: string; n: number }>(
      `select tenant_id, row_number() over (order by slug)::int as n from tenancy.tenants where slug like 'leak-%'`,
    );
    for (const r of rows) {
      await c.query(
        `insert into catalog.warehouses (tenant_id, code, name, country_code)
         select $1, 'WH-' || w, 'Warehouse ' || w, 'DE' from generate_series(1, $2::int) w`,
        [r.tenant_id, r.n],
      );
    }
    return rows.map((r) => ({ tenantId: r.tenant_id, userId: randomUUID(), warehouses: r.n }));
  });
}

function runWorker(config: LeakWorkerConfig): Promise<LeakWorkerResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let answered = false;
    child.once('message', (message: { ok: boolean; result?: LeakWorkerResult; error?: string }) => {
      answered = true;
      if (message.ok && message.result) resolve(message.result);
      else reject(new Error(`leak drill worker failed: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!answered) reject(new Error(`leak drill worker exited with ${code} before reporting`));
    });
    child.send(config);
  });
}

async function drill(
  url: string,
  tenants: LeakTenant[],
  options: Pick<LeakDrillOptions, 'transactions' | 'processes' | 'clientsPerProcess'>,
  leakyEvery?: number,
): Promise<LeakRun> {
  const started = performance.now();
  const share = Math.ceil(options.transactions / options.processes);
  const results = await Promise.all(
    Array.from({ length: options.processes }, (_, i) =>
      runWorker({
        url,
        clients: options.clientsPerProcess,
        transactions: Math.max(0, Math.min(share, options.transactions - i * share)),
        tenants,
        ...(leakyEvery ? { leakyEvery } : {}),
      }),
    ),
  );
  const backends = new Map<string, Set<string>>();
  for (const r of results) {
    for (const [pid, served] of Object.entries(r.backends)) {
      const set = backends.get(pid) ?? new Set<string>();
      for (const t of served) set.add(t);
      backends.set(pid, set);
    }
  }
  const perConnection = [...backends.values()].map((s) => s.size);
  return {
    transactions: results.reduce((n, r) => n + r.transactions, 0),
    probes: results.reduce((n, r) => n + r.probes, 0),
    leaks: results.flatMap((r) => r.leaks),
    serverConnections: backends.size,
    tenantsPerConnection: [Math.min(...perConnection), Math.max(...perConnection)],
    seconds: (performance.now() - started) / 1000,
  };
}

/** Runs the drill; returns false when it failed (a leak, no interleaving, or a blind negative control). */
export async function runLeakDrill(options: LeakDrillOptions): Promise<boolean> {
  const { say } = options;
  say('starting a throwaway cluster, migrating, loading tenants');
  return withDrillDatabase({ database: 'b2b_leak_drill' }, async (db) => {
    const tenants = await loadTenants(db.adminUrl, options.tenants);
    return withDrillPgBouncer(db, {}, async (bouncer, url) => {
      say(
        `PgBouncer ${bouncer.version} on 127.0.0.1:${bouncer.port}: pool_mode = transaction, ${bouncer.poolSize} server ` +
          `connections; ${options.processes} processes x ${options.clientsPerProcess} clients, ${tenants.length} tenants`,
      );
      const run = await drill(url, tenants, options);
      let ok = true;
      say(
        `${run.transactions.toLocaleString('en')} withTenant transactions and ${run.probes.toLocaleString('en')} ` +
          `probes in ${run.seconds.toFixed(1)} s over ${run.serverConnections} server connections ` +
          `(each served ${run.tenantsPerConnection[0]}-${run.tenantsPerConnection[1]} tenants)`,
      );
      say(`leaks: ${run.leaks.length}`);
      for (const leak of run.leaks.slice(0, 10)) say(`  ✗ ${leak}`);
      if (run.leaks.length) ok = false;
      if (run.transactions !== options.transactions) {
        say(`✗ ran ${run.transactions} transactions, not ${options.transactions}`);
        ok = false;
      }
      if (run.tenantsPerConnection[1] < 2) {
        say('✗ no server connection served two tenants: the drill did not exercise connection sharing');
        ok = false;
      }
      if (options.control) {
        const control = await drill(
          url,
          tenants,
          { ...options, transactions: Math.min(100, options.transactions) },
          10,
        );
        const detected = control.leaks.length > 0;
        say(
          `negative control (every 10th step sets app.tenant_id for the whole session, a client bug): ` +
            `${control.leaks.length} leaks detected in ${control.transactions} steps ${detected ? '✓' : '✗ (the drill cannot see a leak)'}`,
        );
        for (const leak of control.leaks.slice(0, Number(process.env.B2B_SHOW_LEAKS ?? 2)))
          say(`  e.g. ${leak}`);
        if (!detected) ok = false;
      }
      return ok;
    });
  });
}
