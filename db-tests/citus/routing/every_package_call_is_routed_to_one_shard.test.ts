// On Citus (issue 10, "Proof"): every public function of tenancy, accounts, catalog and orders, called as the
// application does (withTenant, b2b_app), sends only statements that Citus runs as one task on the
// tenant's shard: each statement is EXPLAINed with its own parameters before it runs
// (explainEveryStatement), and every Citus scan of its plan must have one task and no subplan. A
// delegated distributed function call (p_tenant_id first) is one task too.
import { createPool } from '@b2b/db';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ExplainedStatement } from '../_support/explaining-client';
import { citusScans } from '../_support/explaining-client';
import { recordEveryCall, routingReport, uncoveredExports } from '../_support/routing-calls';

describe('every package call is routed to the one shard of its tenant (Citus)', () => {
  const db = citusTestDatabase();
  let pool: pg.Pool;
  let tenantId: string;
  let sent: Map<string, ExplainedStatement[]>;

  beforeAll(async () => {
    ({ tenantId } = await freshTenant('routing-catalog'));
    pool = createPool({ connectionString: db.appUrl, max: 1 });
    sent = await recordEveryCall(pool, tenantId);
  }, 600_000);
  afterAll(async () => {
    await pool?.end();
  });

  test('every exported function of tenancy, accounts, catalog and orders has a call', () => {
    expect(uncoveredExports()).toEqual([]);
  });

  test('the calls reach distributed tables (the check is not vacuous)', () => {
    const scans = [...sent.values()].flat().flatMap((s) => citusScans(s.plan));
    expect(scans.length).toBeGreaterThan(30);
  });

  test('every statement of every call runs as one task, without subplans', () => {
    expect(routingReport(sent, tenantId, true)).toEqual([]);
  });
});
