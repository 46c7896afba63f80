// The pgTAP runner fails a file for every way it can go wrong, and says why.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../vitest/test-database';
import { runPgTapFile } from './run-file';

describe('runPgTapFile', () => {
  let db: TestDatabase;
  let dir: string;
  const file = (name: string, sql: string) => {
    const path = join(dir, name);
    writeFileSync(path, sql);
    return path;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'b2b-pgtap-'));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a passing file passes', async () => {
    const result = await runPgTapFile(
      db.adminUrl,
      file(
        'pass.test.sql',
        `begin; select plan(2); select ok(true, 'one'); select is(1, 1, 'two'); select * from finish(); rollback;`,
      ),
    );
    expect(result.failure).toBeUndefined();
    expect(result.report.assertions.map((a) => a.description)).toEqual(['one', 'two']);
  });

  test('a failing assertion fails the file, with its description and diagnostics', async () => {
    const result = await runPgTapFile(
      db.adminUrl,
      file(
        'fail.test.sql',
        `begin; select plan(1); select is(1, 2, 'one equals two'); select * from finish(); rollback;`,
      ),
    );
    expect(result.failure).toContain('not ok 1 - one equals two');
    expect(result.failure).toMatch(/have: 1\s+want: 2/);
  });

  test('an error part way fails the file and shows the error', async () => {
    const result = await runPgTapFile(
      db.adminUrl,
      file(
        'error.test.sql',
        `begin; select plan(2); select ok(true, 'fine'); select 1/0; select * from finish(); rollback;`,
      ),
    );
    expect(result.failure).toContain('division by zero');
    expect(result.failure).toContain('planned 2 assertions but ran 1');
  });

  test('a todo fails the file: it would keep a failing assertion green', async () => {
    const result = await runPgTapFile(
      db.adminUrl,
      file(
        'todo.test.sql',
        `begin; select plan(1); select todo('not done yet', 1); select ok(false, 'later'); select * from finish(); rollback;`,
      ),
    );
    expect(result.failure).toContain('todo 1 - later: a todo is not allowed (not done yet)');
  });

  test('a skip passes and its reason is reported for the run to print', async () => {
    const result = await runPgTapFile(
      db.adminUrl,
      file(
        'skip.test.sql',
        `begin; select plan(1); select skip('needs PostgreSQL 99', 1); select * from finish(); rollback;`,
      ),
    );
    expect(result.failure).toBeUndefined();
    expect(result.skipped).toEqual(['skipped 1: needs PostgreSQL 99']);
  });

  test('a file without a plan fails', async () => {
    const result = await runPgTapFile(db.adminUrl, file('noplan.test.sql', `select ok(true, 'orphan');`));
    expect(result.failure).toContain('no plan');
  });
});
