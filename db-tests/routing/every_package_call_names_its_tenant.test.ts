// On plain PostgreSQL: every public function of tenancy, accounts, catalog and orders sends only statements
// that name their tenant as a value (a parameter: tenant_id = :tenantId, or p_tenant_id of a function), the
// condition for Citus to route them to one shard (issue 10, kind 2); inserts take it from the tenant_id
// default. And none has a shape Citus cannot run as one task (explaining-client.ts, routingProblems): a
// tenant function called together with table reads, a tenant function given a computed argument (a
// volatile call, a subquery: Citus does not delegate such a call), a data-modifying CTE, an insert of rows
// from a function. The same calls run on Citus in db-tests/citus/routing/ (pnpm db:test:citus), where the
// check is the plan's task count.
import { createPool } from '@b2b/db';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExplainedStatement, tenantFunctions } from '../citus/_support/explaining-client';
import { recordEveryCall, routingReport, uncoveredExports } from '../citus/_support/routing-calls';

describe('every package call names its tenant in every statement (plain PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  let tenantId: string;
  let sent: Map<string, ExplainedStatement[]>;
  let functions: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      tenantId = (await admin.query(`select tests.create_tenant('routing') as id`)).rows[0].id;
      functions = await tenantFunctions(admin);
    } finally {
      await admin.end();
    }
    pool = createPool({ connectionString: db.appUrl, max: 1 });
    sent = await recordEveryCall(pool, tenantId);
  }, 300_000);
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  test('every exported function of tenancy, accounts, catalog and orders has a call', () => {
    expect(uncoveredExports()).toEqual([]);
  });

  test('each call sends statements, and each names the tenant as a parameter (inserts: the default)', () => {
    expect([...sent.values()].flat().length).toBeGreaterThan(40);
    expect(functions.length).toBeGreaterThan(40);
    expect(routingReport(sent, tenantId, false, functions)).toEqual([]);
  });
});
