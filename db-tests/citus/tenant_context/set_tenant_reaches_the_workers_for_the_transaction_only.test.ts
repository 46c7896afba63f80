// Issue 10, kind 1: the tenant context must reach the workers and end with the transaction. withTenant
// sets it with app.set_tenant (SET LOCAL, which Citus replays on every worker connection of the
// transaction: citus.propagate_set_commands = 'local'); set_config(..., true), the old way, stays on the
// coordinator. Read on the worker: current_setting in the select list of a statement routed to the
// tenant's shard is evaluated there.
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import { beforeAll, describe, expect, test } from 'vitest';

describe('the tenant context on Citus', () => {
  const db = citusTestDatabase();
  let tenantId: string;
  const onWorker = `select current_setting('app.tenant_id', true) as tenant
    from tenancy.staff_users where tenant_id = $1 limit 1`;

  beforeAll(async () => {
    ({ tenantId } = await freshTenant('set-tenant'));
    await withClient(db.adminUrl, (c) =>
      c.query(
        `insert into tenancy.staff_users (tenant_id, email, display_name) values ($1, 'probe@set-tenant.example', 'Probe')`,
        [tenantId],
      ),
    );
  });

  test('app.set_tenant in the begin message reaches the worker, without warnings, and ends with the transaction', async () => {
    await withClient(db.adminUrl, async (c) => {
      const notices: string[] = [];
      c.on('notice', (n) => notices.push(`${n.severity}: ${n.message}`));
      await c.query(`begin; select app.set_tenant('${tenantId}')`);
      expect((await c.query(onWorker, [tenantId])).rows[0]?.tenant).toBe(tenantId);
      await c.query('commit');
      expect(notices).toEqual([]);
      // the worker connection Citus keeps for the next transaction no longer has it
      expect((await c.query(onWorker, [tenantId])).rows[0]?.tenant ?? '').toBe('');
    });
  });

  test('control: set_config(..., true) stays on the coordinator', async () => {
    await withClient(db.adminUrl, async (c) => {
      await c.query(`begin; select set_config('app.tenant_id', $$${tenantId}$$, true)`);
      expect((await c.query(onWorker, [tenantId])).rows[0]?.tenant ?? '').toBe('');
      await c.query('rollback');
    });
  });
});
