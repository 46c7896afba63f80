// withTenant behind PgBouncer (Debian's package) in transaction mode, with SCRAM from an auth_file: the
// pooler really shares server connections between clients, so a session-level setting would leak, and
// withTenant's transaction-local tenant does not. The drill with 1,000 transactions from several processes
// is `pnpm drill:pgbouncer-leak`.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RunningPgBouncer, repoRoot, scramSecret, startThrowawayPgBouncer } from '@b2b/testing/provider';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createPool } from './pool';
import { withTenant } from './tenant';

const TENANT_A = '00000000-0000-4000-8000-00000000000a';
const TENANT_B = '00000000-0000-4000-8000-00000000000b';

describe('PgBouncer in transaction mode', () => {
  let db: TestDatabase;
  let bouncer: RunningPgBouncer;
  const role = `b2b_pgbouncer_test_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('base64url');
  let secret: string;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const server = new URL(db.adminUrl);
    if (!['127.0.0.1', 'localhost'].includes(server.hostname)) {
      throw new Error(`PgBouncer is started on loopback in front of the test server, not ${server.hostname}`);
    }
    // The server stores the same SCRAM secret as PgBouncer's auth_file, so PgBouncer can log in to a server
    // that asks for SCRAM with the client's proof (and to a trust server anyway).
    secret = scramSecret(password);
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    await admin.query(`create role ${role} login password '${secret}'`);
    await admin.query(`grant connect on database ${db.name} to ${role}`);
    // acts as the application role (withTenant calls app.set_tenant, which b2b_app may execute)
    await admin.query(`grant b2b_app to ${role}`);
    await admin.end();
    bouncer = await startThrowawayPgBouncer({
      serverPort: Number(server.port || 5432),
      users: { [role]: password },
      poolSize: 1,
      port: Number(process.env.B2B_PGBOUNCER_PORT ?? 6432),
    });
    url = bouncer.url(role, password, db.name);
  });
  afterAll(async () => {
    await bouncer?.stop();
    await db.drop();
    const admin = new pg.Client({ connectionString: db.adminUrl.replace(/\/[^/?]+(\?|$)/, '/postgres$1') });
    await admin.connect();
    await admin.query(`drop role if exists ${role}`);
    await admin.end();
  });

  test("the SCRAM secret is in PostgreSQL's own format (pg_authid stores it as given)", async () => {
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ secret: string }>(
        'select rolpassword as secret from pg_authid where rolname = $1',
        [role],
      );
      expect(rows[0]?.secret).toBe(secret);
      expect(secret).toMatch(/^SCRAM-SHA-256\$4096:[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    } finally {
      await admin.end();
    }
  });

  test('a wrong password is refused (PgBouncer 1.18 answers 08P01, where PostgreSQL says 28P01); the right one logs in', async () => {
    const wrong = new pg.Client({ connectionString: bouncer.url(role, `${password}x`, db.name) });
    await expect(wrong.connect()).rejects.toMatchObject({
      code: '08P01',
      message: 'SASL authentication failed',
    });
    const right = new pg.Client({ connectionString: url });
    await right.connect();
    try {
      const { rows } = await right.query<{ user: string }>('select current_user as user');
      expect(rows[0]?.user).toBe(role);
    } finally {
      await right.end();
    }
  });

  test("clients share one server connection: a session-level setting leaks, withTenant's tenant does not", async () => {
    const first = new pg.Client({ connectionString: url });
    const second = new pg.Client({ connectionString: url });
    await first.connect();
    await second.connect();
    const pool = createPool({ connectionString: url, max: 2 });
    try {
      const pid = async (c: pg.Client) =>
        (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
      // pool size 1: both clients are served by the same backend, one transaction at a time
      expect(await pid(first)).toBe(await pid(second));
      // the negative control: what a session-level tenant would do under transaction pooling
      await first.query(`select set_config('app.tenant_id', '${TENANT_A}', false)`);
      const leaked = await second.query<{ t: string }>(`select current_setting('app.tenant_id', true) as t`);
      expect(leaked.rows[0]?.t).toBe(TENANT_A);
      await second.query(`reset app.tenant_id`);
      // withTenant: the tenant holds inside its transaction and is gone for whoever comes next
      const inside = await withTenant(pool, { tenantId: TENANT_B }, async (c) => {
        const { rows } = await c.query<{ t: string; pid: number }>(
          `select current_setting('app.tenant_id', true) as t, pg_backend_pid() as pid`,
        );
        return rows[0];
      });
      expect(inside?.t).toBe(TENANT_B);
      expect(inside?.pid).toBe(await pid(first));
      const after = await second.query<{ t: string | null }>(
        `select nullif(current_setting('app.tenant_id', true), '') as t`,
      );
      expect(after.rows[0]?.t).toBeNull();
    } finally {
      await pool.end();
      await first.end();
      await second.end();
    }
  });

  test('a named prepared statement does not survive the transaction (PgBouncer 1.18: no max_prepared_statements)', async () => {
    const client = new pg.Client({ connectionString: url });
    const other = new pg.Client({ connectionString: url });
    await client.connect();
    await other.connect();
    try {
      const named = { name: 'b2b_pgbouncer_probe', text: 'select $1::int as n', values: [1] };
      await client.query(named);
      // The statement lives on the server connection, which PgBouncer hands to any client between
      // transactions: here another client clears it, and node-pg, which reuses the name without parsing
      // again, finds it gone (with a larger pool it finds it on another connection, or not at all).
      await other.query('deallocate all');
      await expect(client.query(named)).rejects.toMatchObject({ code: '26000' });
    } finally {
      await client.end();
      await other.end();
    }
  });
});

/** Every .ts file under `dir` (recursively), generated queries included, tests excluded. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

test('the packages send no named prepared statement (PgBouncer 1.18 in transaction mode cannot carry one)', () => {
  const packages = join(repoRoot, 'packages');
  const files = readdirSync(packages).flatMap((p) => sources(join(packages, p)));
  expect(files.length).toBeGreaterThan(20);
  // node-pg prepares a named statement only for a query config with `name`; pgtyped never sets one
  const named = files.filter((f) =>
    /\.query\s*(<[^>]*>)?\(\s*\{[^}]*\bname\s*:/s.test(readFileSync(f, 'utf8')),
  );
  expect(named).toEqual([]);
});
