// The statement lint (db-tests/lint/statements.ts) on the migrated schema: every rule finds nothing. Each
// rule's breaking case (db-tests/lint/<rule>.broken.sql) is run by
// db-tests/pipeline/lint_rules_fail_on_broken_objects.test.ts like those of the SQL rules.
import { withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATEMENT_RULES, statementLintOffenders, statementsOf } from './statements';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

describe('the statement lint', () => {
  for (const rule of Object.keys(STATEMENT_RULES)) {
    test(rule, async () => {
      expect(await withClient(db.adminUrl, (c) => statementLintOffenders(c, rule))).toEqual([]);
    });
  }
});

// libpg_query 17.6 writes malformed JSON for an assignment to a field of a variable declared with a
// composite type (orders.place_order does it); the lint must still read such a body, and its expression.
describe('a body that assigns to a field of a composite variable', () => {
  test('is read, its expression included', () => {
    const definition = `create function t.f(p_tenant_id uuid) returns orders.orders language plpgsql as $$
declare
  placed orders.orders;
begin
  placed.total_amount := (select sum(quantity) from orders.order_lines where tenant_id = p_tenant_id);
  return placed;
end
$$;`;
    const texts = statementsOf({
      signature: 't.f(uuid)',
      name: 't.f',
      language: 'plpgsql',
      definition,
      source: '',
      argumentNames: ['p_tenant_id'],
      tenantFunction: true,
      trigger: false,
    }).map((s) => s.text);
    expect(texts.some((t) => t.includes('from orders.order_lines'))).toBe(true);
  });
});
