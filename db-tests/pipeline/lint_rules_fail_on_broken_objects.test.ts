// Every lint rule fails on a deliberately broken object and names it. Each rule file
// db-tests/lint/<rule>.test.sql has a sibling <rule>.broken.sql: the DDL that breaks it, run in the rule
// file's own transaction (so it is rolled back with it, roles included), and in its header
//   -- expect: <text the failure must contain: the offender as the rule names it>   (one or more;
//      {database} stands for the clone's name)
//   -- keeps passing: <assertion description> | <why no object can make it fail>       (optional)
// Every other assertion of the rule file must fail on the broken objects, so a rule that cannot fail, or
// an assertion that a later edit made blind, shows up here. A rule file without a .broken.sql fails the
// guard below: a new lint rule brings its breaking case with it. The statement rules
// (db-tests/lint/statements.ts, rules about the statements inside function bodies, run by a parser) follow
// the same convention: their breaking case is run in a transaction, their offenders must contain each
// expected text.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withClient } from '@b2b/testing';
import { createTestDatabase, runPgTapFile } from '@b2b/testing/vitest';
import { afterAll, describe, expect, test } from 'vitest';
import { STATEMENT_RULES, statementLintOffenders } from '../lint/statements';

const LINT_DIR = join(import.meta.dirname, '..', 'lint');
const RULE = '.test.sql';
const BROKEN = '.broken.sql';

const files = readdirSync(LINT_DIR).sort();
const sqlRules = files.filter((f) => f.endsWith(RULE)).map((f) => f.slice(0, -RULE.length));
const statementRules = Object.keys(STATEMENT_RULES);
const rules = [...sqlRules, ...statementRules];
const broken = files.filter((f) => f.endsWith(BROKEN)).map((f) => f.slice(0, -BROKEN.length));

interface BreakingCase {
  sql: string;
  expect: string[];
  keepsPassing: Map<string, string>;
}

function readCase(rule: string): BreakingCase {
  const sql = readFileSync(join(LINT_DIR, rule + BROKEN), 'utf8');
  const header = (name: string) =>
    [...sql.matchAll(new RegExp(`^-- ${name}: (.+)$`, 'gm'))].map((m) => (m[1] ?? '').trim());
  const keepsPassing = new Map(
    header('keeps passing').map((line) => {
      const [description = '', reason = ''] = line.split(' | ');
      return [description.trim(), reason.trim()] as const;
    }),
  );
  return { sql, expect: header('expect'), keepsPassing };
}

/** The rule file with the breaking DDL run first, inside the rule file's own transaction. */
function composed(rule: string, brokenSql: string): string {
  const text = readFileSync(join(LINT_DIR, rule + RULE), 'utf8');
  const begin = /^begin;$/m.exec(text);
  if (!begin) throw new Error(`db-tests/lint/${rule}${RULE} has no "begin;" line`);
  return `${text.slice(0, begin.index)}begin;\n${brokenSql}\n${text.slice(begin.index + begin[0].length)}`;
}

const scratch = mkdtempSync(join(tmpdir(), 'b2b-lint-broken-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test('every lint rule has a breaking case (db-tests/lint/<rule>.broken.sql), and every breaking case a rule', () => {
  expect(rules.length).toBeGreaterThanOrEqual(11);
  expect(
    rules.filter((r) => !broken.includes(r)).map((r) => `db-tests/lint/${r}${RULE} has no ${r}${BROKEN}`),
  ).toEqual([]);
  expect(
    broken.filter((b) => !rules.includes(b)).map((b) => `db-tests/lint/${b}${BROKEN} breaks no rule`),
  ).toEqual([]);
});

describe('each statement lint rule finds its broken objects, naming them', () => {
  for (const rule of statementRules.filter((r) => broken.includes(r))) {
    test.concurrent(rule, async () => {
      const c = readCase(rule);
      expect(c.expect.length, `${rule}${BROKEN} names no expected offender (-- expect: ...)`).toBeGreaterThan(
        0,
      );
      const db = await createTestDatabase();
      try {
        const offenders = await withClient(db.adminUrl, async (client) => {
          await client.query('begin');
          try {
            await client.query(c.sql);
            return await statementLintOffenders(client, rule);
          } finally {
            await client.query('rollback');
          }
        });
        for (const text of c.expect) expect(offenders.join('\n')).toContain(text);
      } finally {
        await db.drop();
      }
    });
  }
});

describe('each lint rule fails on its broken objects, naming them', () => {
  for (const rule of sqlRules.filter((r) => broken.includes(r))) {
    test.concurrent(rule, async () => {
      const c = readCase(rule);
      expect(c.expect.length, `${rule}${BROKEN} names no expected offender (-- expect: ...)`).toBeGreaterThan(
        0,
      );
      const db = await createTestDatabase();
      try {
        const file = join(scratch, `${rule}${RULE}`);
        writeFileSync(file, composed(rule, c.sql));
        const result = await runPgTapFile(db.adminUrl, file);
        expect(result.failure, `${rule} passed with its broken objects`).toBeDefined();
        expect(result.failure).not.toContain('the file stopped with an error');
        for (const text of c.expect) expect(result.failure).toContain(text.replaceAll('{database}', db.name));
        const stillPassing = result.report.assertions.filter((a) => a.ok).map((a) => a.description);
        expect(stillPassing, 'assertions the broken objects did not make fail').toEqual([
          ...c.keepsPassing.keys(),
        ]);
      } finally {
        await db.drop();
      }
    });
  }
});
