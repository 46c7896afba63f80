// The lint pack on Citus: every tenant table distributed by tenant_id and colocated, every other table of
// ours a reference table, no Citus local table, every p_tenant_id function distributed and colocated with
// force_delegation, and nothing granted to PUBLIC on any node (a worker's defaults differ). Each rule is
// also broken on purpose, in a transaction rolled back, to prove it names the offender.
import { readDomains } from '@b2b/migrate';
import { SQL_DIR, withClient } from '@b2b/testing';
import { citusTestDatabase } from '@b2b/testing/vitest';
import type pg from 'pg';
import { describe, expect, test } from 'vitest';
import {
  citusLocalTables,
  otherTablesNotReference,
  publicGrants,
  tenantFunctionsNotDistributed,
  tenantTablesNotDistributed,
} from '../_support/distribution-lint';

const domains = readDomains(SQL_DIR);
const db = citusTestDatabase();

/** Runs `fn` in a transaction on `url` after `setup`, always rolled back. */
async function inRolledBackTransaction<T>(
  url: string,
  setup: string[],
  fn: (c: pg.Client) => Promise<T>,
): Promise<T> {
  return withClient(url, async (client) => {
    await client.query('begin');
    try {
      await client.query(`set local citus.multi_shard_modify_mode = 'sequential'`);
      for (const statement of setup) await client.query(statement);
      return await fn(client);
    } finally {
      await client.query('rollback');
    }
  });
}

describe('distribution on Citus (the lint pack)', () => {
  test('there are tenant tables, reference tables and tenant functions to check', async () => {
    await withClient(db.adminUrl, async (c) => {
      const { rows } = await c.query<{ kind: string; n: number }>(
        `select citus_table_type as kind, count(*)::int as n from citus_tables group by 1 order by 1`,
      );
      const count = Object.fromEntries(rows.map((r) => [r.kind, r.n]));
      expect(count.distributed).toBeGreaterThan(20);
      expect(count.reference).toBeGreaterThan(5);
    });
  });

  test('every tenant table is distributed by tenant_id, all in one colocation group', async () => {
    await withClient(db.adminUrl, async (c) =>
      expect(await tenantTablesNotDistributed(c, domains)).toEqual([]),
    );
  });

  test('every other table of ours (tenancy.tenants included) is a reference table', async () => {
    await withClient(db.adminUrl, async (c) => expect(await otherTablesNotReference(c, domains)).toEqual([]));
  });

  test('no table is a Citus local table', async () => {
    await withClient(db.adminUrl, async (c) => expect(await citusLocalTables(c)).toEqual([]));
  });

  test('every function whose first argument is p_tenant_id uuid is distributed on it and colocated', async () => {
    await withClient(db.adminUrl, async (c) =>
      expect(await tenantFunctionsNotDistributed(c, domains)).toEqual([]),
    );
  });

  test('nothing is granted to PUBLIC on the coordinator or on any worker', async () => {
    expect(db.workerAdminUrls.length).toBeGreaterThanOrEqual(2);
    for (const url of [db.adminUrl, ...db.workerAdminUrls]) {
      const offenders = await withClient(url, publicGrants);
      expect(offenders, new URL(url).port).toEqual([]);
    }
  });
});

describe('the lint pack on Citus names what breaks it', () => {
  test('a tenant table left local, or distributed by another column or apart, is named', async () => {
    const offenders = await inRolledBackTransaction(
      db.adminUrl,
      [
        'create table catalog.lint_local (tenant_id uuid not null, id int not null)',
        'create table catalog.lint_other_column (tenant_id uuid not null, id int not null)',
        `select create_distributed_table('catalog.lint_other_column', 'id')`,
        'create table catalog.lint_apart (tenant_id uuid not null, id int not null)',
        `select create_distributed_table('catalog.lint_apart', 'tenant_id', colocate_with => 'none')`,
      ],
      (c) => tenantTablesNotDistributed(c, domains),
    );
    expect(offenders).toEqual([
      expect.stringMatching(/^catalog\.lint_apart: not colocated with the other tenant tables/),
      'catalog.lint_local: not a Citus table',
      'catalog.lint_other_column: distributed by id',
    ]);
  });

  test('a table without tenant_id that is not a reference table is named', async () => {
    const offenders = await inRolledBackTransaction(
      db.adminUrl,
      [
        'create table catalog.lint_codes (code text primary key)',
        'create table catalog.lint_hashed (code text primary key)',
        `select create_distributed_table('catalog.lint_hashed', 'code')`,
      ],
      (c) => otherTablesNotReference(c, domains),
    );
    expect(offenders).toEqual([
      'catalog.lint_codes: not a Citus table, not reference',
      'catalog.lint_hashed: distributed table, not reference',
    ]);
  });

  test('a p_tenant_id function that is not distributed, or not on that argument, is named', async () => {
    const offenders = await inRolledBackTransaction(
      db.adminUrl,
      [
        `create function catalog.lint_plain(p_tenant_id uuid) returns int language sql as 'select 1'`,
        `create function catalog.lint_wrong_arg(p_tenant_id uuid, p_other uuid) returns int language sql as 'select 1'`,
        `select create_distributed_function('catalog.lint_wrong_arg(uuid, uuid)', '$2', colocate_with => 'tenancy.staff_users')`,
      ],
      (c) => tenantFunctionsNotDistributed(c, domains),
    );
    expect(offenders).toEqual([
      // Citus propagates every new function to the workers (a distributed object without an argument)
      'catalog.lint_plain(uuid): not distributed on p_tenant_id',
      'catalog.lint_wrong_arg(uuid,uuid): not distributed on p_tenant_id',
    ]);
  });

  test('a privilege granted to PUBLIC on a worker is named', async () => {
    const [worker] = db.workerAdminUrls;
    if (!worker) throw new Error('no worker in the Citus test context');
    const offenders = await inRolledBackTransaction(
      worker,
      [
        'set local citus.enable_ddl_propagation = off',
        'grant usage on schema catalog to public',
        'create function catalog.lint_default_acl() returns int language sql as $$select 1$$',
      ],
      publicGrants,
    );
    expect(offenders).toEqual(['function catalog.lint_default_acl(): EXECUTE', 'schema catalog: USAGE']);
  });
});
