// The grants files produce the same privileges on the coordinator and on every worker. Citus sends GRANT
// and REVOKE on its distributed objects to the workers, but not ALTER DEFAULT PRIVILEGES (the coordinator's
// `revoke execute on functions from public` for b2b_owner does not exist on a worker), so an object that
// no grants file names explicitly can differ: a function was executable by PUBLIC on the workers only until
// sql/tenancy/grants revoked the schema's functions like the other domains. The listing covers schemas,
// tables, views and sequences, column grants and functions of our domains: each node's, line by line.
import { NODE_LOCAL_SCHEMAS, readDomains } from '@b2b/migrate';
import { SQL_DIR, withClient } from '@b2b/testing';
import { citusTestDatabase } from '@b2b/testing/vitest';
import type pg from 'pg';
import { describe, expect, test } from 'vitest';

const db = citusTestDatabase();
// The node-local schemas (ops: each node's own health views) are created on the coordinator only.
const schemas = [...readDomains(SQL_DIR), 'extensions'].filter((s) => !NODE_LOCAL_SCHEMAS.includes(s));

/** One line per object and its privileges (the stored ACL, or the owner's default when none is stored). */
async function privileges(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(
    `select format('schema %s: %s', n.nspname, coalesce(n.nspacl, acldefault('n', n.nspowner))) as line
       from pg_namespace n where n.nspname = any ($1)
     union all
     select format('%s %s: %s', c.relkind, c.oid::regclass,
              coalesce(c.relacl, acldefault(case c.relkind when 'S' then 's' else 'r' end::"char", c.relowner)))
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any ($1) and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and not c.relispartition
        and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
     union all
     select format('column %s.%s: %s', c.oid::regclass, a.attname, a.attacl)
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any ($1) and a.attacl is not null and a.attnum > 0 and not a.attisdropped
     union all
     select format('function %s: %s', p.oid::regprocedure, coalesce(p.proacl, acldefault('f', p.proowner)))
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any ($1) and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     order by 1`,
    [schemas],
  );
  return rows.map((r) => r.line);
}

/** Lines only one side has, marked with the side. */
function difference(coordinator: string[], worker: string[]): string[] {
  const w = new Set(worker);
  const c = new Set(coordinator);
  return [
    ...coordinator.filter((l) => !w.has(l)).map((l) => `coordinator only: ${l}`),
    ...worker.filter((l) => !c.has(l)).map((l) => `worker only: ${l}`),
  ];
}

describe('privileges on every node', () => {
  test("each worker holds exactly the coordinator's privileges on our schemas, tables, columns and functions", async () => {
    expect(db.workerAdminUrls.length).toBeGreaterThanOrEqual(2);
    const coordinator = await withClient(db.adminUrl, privileges);
    expect(coordinator.filter((l) => l.startsWith('r tenancy.'))).not.toEqual([]);
    for (const url of db.workerAdminUrls) {
      const worker = await withClient(url, privileges);
      expect(difference(coordinator, worker), `worker ${new URL(url).port}`).toEqual([]);
    }
  });

  test('a grant made on a worker alone is named', async () => {
    const [url] = db.workerAdminUrls;
    if (!url) throw new Error('no worker in the Citus test context');
    const coordinator = await withClient(db.adminUrl, privileges);
    const worker = await withClient(url, async (c) => {
      await c.query('begin');
      try {
        await c.query('set local citus.enable_ddl_propagation = off');
        await c.query('grant insert on tenancy.staff_roles to b2b_app');
        return await privileges(c);
      } finally {
        await c.query('rollback');
      }
    });
    expect(difference(coordinator, worker)).toEqual([
      expect.stringMatching(/^coordinator only: r tenancy\.staff_roles: /),
      expect.stringMatching(/^worker only: r tenancy\.staff_roles: .*b2b_app=ar\//),
    ]);
  });
});
