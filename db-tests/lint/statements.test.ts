// The statement lint (db-tests/lint/statements.ts) on the migrated schema: every rule finds nothing. Each
// rule's breaking case (db-tests/lint/<rule>.broken.sql) is run by
// db-tests/pipeline/lint_rules_fail_on_broken_objects.test.ts like those of the SQL rules.
import { withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATEMENT_RULES, statementLintOffenders } from './statements';

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
