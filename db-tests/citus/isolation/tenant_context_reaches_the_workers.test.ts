// Row-level security on Citus isolates only if the tenant reaches the workers: the coordinator does not
// apply the policies, each shard does (tenant_id = app.current_tenant_id(), the form Citus accepts), with
// the app.tenant_id the worker's session holds. tests.act_as sets it with SET LOCAL, which Citus sends on
// (citus.propagate_set_commands = 'local'), and switches to b2b_app, whose connections to the workers are
// its own. Acting as one tenant, b2b_app sees that tenant's rows on the workers and none of another's; with
// set_config() instead it would see none at all, and every cross-tenant attack would prove nothing.
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

describe('the tenant context on the workers', () => {
  test('acting as a tenant (tests.act_as), b2b_app sees its own rows on the workers and none of another', async () => {
    const db = citusTestDatabase();
    const [own, other] = [await freshTenant('context own'), await freshTenant('context other')];
    await withClient(db.adminUrl, async (c) => {
      for (const t of [own, other])
        await c.query('select tests.create_staff_user($1, $2)', [t.tenantId, `staff@${t.slug}.example`]);
    });
    const seen = await withClient(db.adminUrl, async (c) => {
      await c.query('begin');
      try {
        await c.query('select tests.act_as($1)', [own.tenantId]);
        const { rows } = await c.query<{ tenant_id: string; n: number }>(
          `select tenant_id, count(*)::int as n from tenancy.staff_users
            where tenant_id = any ($1::uuid[]) group by tenant_id`,
          [[own.tenantId, other.tenantId]],
        );
        const me = await c.query<{ u: string }>('select current_user as u');
        return { rows, user: me.rows[0]?.u };
      } finally {
        await c.query('rollback');
      }
    });
    expect(seen.user).toBe('b2b_app');
    expect(seen.rows).toEqual([{ tenant_id: own.tenantId, n: 1 }]);
  });
});
