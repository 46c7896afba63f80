// Every function b2b_app may call whose first argument is p_tenant_id (a distributed function on Citus,
// delegated to the worker that holds the tenant named by that argument) refuses another tenant's id with
// B2002 and a call with no tenant set with B2001, as b2b_app: enumerated from the catalog like the plain
// suite's db-tests/app/check_tenant/every_entry_point_refuses_another_tenants_id.test.sql, so a function
// added later is covered. Called with the victim's id while acting as the attacker, the call is delegated
// to the victim's worker, where the attacker's tenant arrived with SET LOCAL: the check runs there, before
// anything is read. Each call is its own transaction (as withTenant opens it), every other argument null.
import { withClient } from '@b2b/testing';
import { citusTestDatabase, freshTenant } from '@b2b/testing/vitest';
import { describe, expect, test } from 'vitest';

const db = citusTestDatabase();

describe('the tenant argument on Citus, as b2b_app', () => {
  test("every tenant-argument function refuses another tenant's id (B2002) and a missing tenant (B2001)", async () => {
    const victim = await freshTenant('tenant argument victim');
    const attacker = await freshTenant('tenant argument attacker');
    const functions = await withClient(db.adminUrl, async (c) => {
      const { rows } = await c.query<{ name: string; call: string; distributed: boolean }>(`
        select p.oid::regprocedure::text as name,
          format('select %s(%s)', p.oid::regproc,
            (select string_agg(case when a.n = 1 then '$1' else format('null::%s', format_type(a.t, null)) end, ', ' order by a.n)
             from unnest(p.proargtypes::oid[]) with ordinality a(t, n))) as call,
          exists (select from pg_dist_object o where o.classid = 'pg_proc'::regclass and o.objid = p.oid
                  and o.distribution_argument_index = 0) as distributed
        from pg_proc p
        join tests.linted_schemas s on s.oid = p.pronamespace
        where p.proargnames[1] = 'p_tenant_id' and p.proargtypes[0] = 'uuid'::regtype
          and p.prokind = 'f'
          and p.oid <> 'app.check_tenant(uuid)'::regprocedure
          and has_function_privilege('b2b_app', p.oid, 'execute')
        order by 1`);
      return rows;
    });

    const outcomes = await withClient(db.appUrl, async (app) => {
      const codeOf = async (tenant: string | null, call: string, argument: string) => {
        await app.query('begin');
        try {
          await app.query('select app.set_tenant($1, null)', [tenant]);
          await app.query(call, [argument]);
          return 'no error';
        } catch (error) {
          return (error as { code?: string }).code ?? String(error);
        } finally {
          await app.query('rollback');
        }
      };
      const found: { name: string; other: string; none: string }[] = [];
      for (const f of functions)
        found.push({
          name: f.name,
          other: await codeOf(attacker.tenantId, f.call, victim.tenantId),
          none: await codeOf(null, f.call, victim.tenantId),
        });
      return found;
    });

    expect(functions.length).toBeGreaterThanOrEqual(48); // 48 when this test was written
    // the migrator made every one of them a distributed function keyed on the tenant argument
    expect(functions.filter((f) => !f.distributed).map((f) => f.name)).toEqual([]);
    expect(outcomes.filter((o) => o.other !== 'B2002').map((o) => `${o.name}: ${o.other}`)).toEqual([]);
    expect(outcomes.filter((o) => o.none !== 'B2001').map((o) => `${o.name}: ${o.none}`)).toEqual([]);
  });
});
