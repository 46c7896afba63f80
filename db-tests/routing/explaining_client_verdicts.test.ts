// The routing verdict of explaining-client.ts on plans as Citus and PostgreSQL write them, so that the
// routing check fails for a statement that fans out (more than one task, a subplan) or, on plain
// PostgreSQL, does not name its tenant.
import { describe, expect, test } from 'vitest';
import { type ExplainedStatement, type PlanNode, routingProblems } from '../citus/_support/explaining-client';

const TENANT = '11111111-1111-1111-1111-111111111111';

/** A Citus Adaptive scan with `tasks` tasks and `subplans` subplans, as EXPLAIN (FORMAT JSON) shows it. */
const citusScan = (tasks: number, subplans = 0): PlanNode => ({
  'Node Type': 'Custom Scan',
  'Custom Plan Provider': 'Citus Adaptive',
  'Distributed Query': {
    ...(subplans ? { Subplans: Array.from({ length: subplans }, () => ({})) } : {}),
    Job: { 'Task Count': tasks, Tasks: [] },
  },
});
const statement = (plan: PlanNode, text = 'select 1', values: unknown[] = []): ExplainedStatement => ({
  text,
  values,
  plan,
});

describe('routingProblems', () => {
  test('on Citus: one task is routed; more tasks or a subplan are not, wherever the scan sits', () => {
    expect(routingProblems(statement(citusScan(1)), TENANT, true)).toEqual([]);
    expect(routingProblems(statement(citusScan(12)), TENANT, true)).toEqual(['12 tasks']);
    expect(routingProblems(statement(citusScan(1, 2)), TENANT, true)).toEqual(['2 subplans']);
    const nested: PlanNode = {
      'Node Type': 'Limit',
      Plans: [{ 'Node Type': 'Sort', Plans: [citusScan(2)] }],
    };
    expect(routingProblems(statement(nested), TENANT, true)).toEqual(['2 tasks']);
    // a statement that reads no distributed table (only the coordinator) has no Citus scan: nothing to route
    expect(routingProblems(statement({ 'Node Type': 'Result' }), TENANT, true)).toEqual([]);
  });

  test('on plain PostgreSQL: the tenant must be one of the parameters, except for an insert', () => {
    const seqScan: PlanNode = { 'Node Type': 'Seq Scan' };
    expect(routingProblems(statement(seqScan, 'select 1', [TENANT, 5]), TENANT, false)).toEqual([]);
    expect(routingProblems(statement(seqScan, 'select 1', ['other']), TENANT, false)).toEqual([
      'the tenant is not one of its parameters',
    ]);
    expect(routingProblems(statement(seqScan, ' insert into x values (1)', []), TENANT, false)).toEqual([]);
  });

  test('on plain PostgreSQL: a tenant function is called alone, not joined with table reads', () => {
    const fns = ['accounts.acting_buyer'];
    const text = 'select * from accounts.acting_buyer($1, $2, $3) b join accounts.companies c on true';
    const joined: PlanNode = {
      'Node Type': 'Nested Loop',
      Plans: [{ 'Node Type': 'Function Scan' }, { 'Node Type': 'Index Scan', 'Relation Name': 'companies' }],
    };
    expect(routingProblems(statement(joined, text, [TENANT]), TENANT, false, fns)).toEqual([
      'accounts.acting_buyer is called in a statement that also reads tables',
    ]);
    const alone = statement(
      { 'Node Type': 'Function Scan' },
      'select * from accounts.acting_buyer($1, $2, $3) b',
      [TENANT],
    );
    expect(routingProblems(alone, TENANT, false, fns)).toEqual([]);
  });

  test('on plain PostgreSQL: a tenant function gets plain values only (no volatile call, no subquery)', () => {
    const fns = ['orders.place_order'];
    const call = { 'Node Type': 'Function Scan' };
    const plain =
      "select * from orders.place_order(p_tenant_id => $1::uuid, p_lines => $2::jsonb, p_note => 'a, (b)', p_n => -1, p_tags => $3::text[], p_x => null)";
    expect(routingProblems(statement(call, plain, [TENANT]), TENANT, false, fns)).toEqual([]);
    // as the pgbench script of the Citus bench had it: Citus does not delegate the call (volatile argument)
    const volatile =
      'select * from orders.place_order(p_tenant_id => $1::uuid, p_idempotency_key => $2::text || gen_random_uuid()::text)';
    expect(routingProblems(statement(call, volatile, [TENANT]), TENANT, false, fns)).toEqual([
      'orders.place_order gets an argument that is not a plain value:  p_idempotency_key => $2::text || gen_random_uuid()::text',
    ]);
    const stable = 'select * from orders.place_order($1, coalesce($2::timestamptz, now()), ($3)::int)';
    expect(routingProblems(statement(call, stable, [TENANT]), TENANT, false, fns)).toEqual([]);
    const computed = "select * from orders.place_order($1, 'k-' || random()::text, (select 1), app.x($2))";
    expect(routingProblems(statement(call, computed, [TENANT]), TENANT, false, fns)).toEqual([
      "orders.place_order gets an argument that is not a plain value:  'k-' || random()::text",
      'orders.place_order gets an argument that is not a plain value:  (select 1)',
      'orders.place_order gets an argument that is not a plain value:  app.x($2)',
    ]);
  });

  test('on plain PostgreSQL: no data-modifying CTE, no insert of rows from a function alone', () => {
    const cte: PlanNode = {
      'Node Type': 'CTE Scan',
      Plans: [{ 'Node Type': 'ModifyTable', Operation: 'Insert', 'Relation Name': 'approval_rules' }],
    };
    expect(routingProblems(statement(cte, 'with r as (insert ...) select', [TENANT]), TENANT, false)).toEqual(
      ['a data-modifying CTE'],
    );
    const fromFunction: PlanNode = {
      'Node Type': 'ModifyTable',
      Operation: 'Insert',
      'Relation Name': 'buyer_role_permissions',
      Plans: [{ 'Node Type': 'Function Scan' }],
    };
    expect(
      routingProblems(statement(fromFunction, 'insert into x select from unnest($1)'), TENANT, false),
    ).toEqual(['an insert of rows from a function alone (use VALUES)']);
    const fromValues: PlanNode = { ...fromFunction, Plans: [{ 'Node Type': 'Values Scan' }] };
    expect(routingProblems(statement(fromValues, 'insert into x values ($1), ($2)'), TENANT, false)).toEqual(
      [],
    );
  });
});
