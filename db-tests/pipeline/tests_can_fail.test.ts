// The suite's own hygiene: no assertion that passes whatever the error, no todo, no silent skip.
// Scans every pgTAP file (db-tests/**/*.test.sql) and every vitest file (packages/*/src, db-tests,
// scripts/lib), so tests added later are held to it too. Each finding names the file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '@b2b/testing';
import { describe, expect, test } from 'vitest';

const SELF = relative(repoRoot, import.meta.filename);

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix) && !f.split('/').includes('node_modules'))
    .map((f) => join(dir, f))
    .filter((f) => f !== SELF)
    .sort();
}

/** The top-level arguments of the call whose opening parenthesis ends at `start` (SQL quoting aware). */
function sqlArguments(src: string, start: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  let quote: string | null = null;
  for (let i = start; i < src.length; i++) {
    const c = src[i] as string;
    if (quote) {
      if (src.startsWith(quote, i)) {
        current += quote;
        i += quote.length - 1;
        quote = null;
      } else current += c;
      continue;
    }
    const dollar = /^\$\w*\$/.exec(src.slice(i, i + 40));
    if (dollar) {
      quote = dollar[0];
      current += quote;
      i += quote.length - 1;
      continue;
    }
    if (c === "'") {
      quote = "'";
      current += c;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') {
      if (depth === 0) {
        out.push(current.trim());
        return out;
      }
      depth--;
    }
    if (c === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  return out;
}

const lineOf = (src: string, index: number) => src.slice(0, index).split('\n').length;

function pgTapFindings(file: string, src = readFileSync(join(repoRoot, file), 'utf8')): string[] {
  const findings: string[] = [];
  for (const m of src.matchAll(
    /\b(throws_ok|throws_like|throws_ilike|throws_matching|throws_imatching|todo|todo_start|skip)\s*\(/g,
  )) {
    const at = `${file}:${lineOf(src, m.index)}`;
    const args = sqlArguments(src, m.index + m[0].length);
    if (m[1] === 'throws_ok' && !/^'[0-9A-Z]{5}'$/.test(args[1] ?? '')) {
      findings.push(`${at}: throws_ok without an SQLSTATE as its second argument (any error would pass)`);
    } else if (m[1]?.startsWith('throws_') && m[1] !== 'throws_ok') {
      findings.push(`${at}: ${m[1]} matches the message: assert the SQLSTATE with throws_ok`);
    } else if (m[1] === 'todo' || m[1] === 'todo_start') {
      findings.push(`${at}: ${m[1]} keeps a failing assertion green: assert today's state exactly`);
    } else if (m[1] === 'skip' && !/^'.+'$/s.test(args[0] ?? '')) {
      findings.push(`${at}: skip without a reason`);
    }
  }
  return findings;
}

const VITEST_RULES: [RegExp, string][] = [
  [
    /\b(?:test|it|describe|suite|bench)(?:\.\w+)*\.(skip|todo|only|fails|skipIf|runIf)\b/g,
    'a skipped, todo or exclusive test',
  ],
  [/\b(?:ctx|context|t)\.skip\(\s*\)/g, 'a skip without a reason'],
  [/\.toThrow(?:Error)?\(\s*\)/g, 'toThrow() without the error class, code or message'],
  [
    /\.rejects\.(?:toBeDefined|toBeTruthy|toBeInstanceOf\(Error\))/g,
    'a rejection asserted without its class or code',
  ],
];

function vitestFindings(file: string, src = readFileSync(join(repoRoot, file), 'utf8')): string[] {
  return VITEST_RULES.flatMap(([pattern, what]) =>
    [...src.matchAll(pattern)].map((m) => `${file}:${lineOf(src, m.index)}: ${what}: ${m[0]}`),
  );
}

describe('every test can fail', () => {
  test('pgTAP: throws_ok names its SQLSTATE; no throws_like, no todo; a skip says why', () => {
    const files = filesUnder('db-tests', '.test.sql');
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((f) => pgTapFindings(f))).toEqual([]);
  });

  test('vitest: no skipped, todo or exclusive test; no bare toThrow(); a skip says why', () => {
    const files = [
      ...readdirSync(join(repoRoot, 'packages')).flatMap((p) => filesUnder(`packages/${p}/src`, '.test.ts')),
      ...filesUnder('db-tests', '.test.ts'),
      ...filesUnder('scripts/lib', '.test.ts'),
    ];
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => vitestFindings(f))).toEqual([]);
  });

  test('the scanners find what they look for', () => {
    const sql = `select throws_ok('select 1/0');\nselect throws_like('x', '%y%');\nselect todo('later', 1);\nselect skip(1);`;
    expect(pgTapFindings('x', sql)).toEqual([
      'x:1: throws_ok without an SQLSTATE as its second argument (any error would pass)',
      'x:2: throws_like matches the message: assert the SQLSTATE with throws_ok',
      "x:3: todo keeps a failing assertion green: assert today's state exactly",
      'x:4: skip without a reason',
    ]);
    const ts =
      "test.skip('a', () => {});\nawait expect(p).rejects.toThrow();\nctx.skip();\nawait expect(p).rejects.toBeDefined();";
    expect(vitestFindings('y', ts)).toEqual([
      'y:1: a skipped, todo or exclusive test: test.skip',
      'y:3: a skip without a reason: ctx.skip()',
      'y:2: toThrow() without the error class, code or message: .toThrow()',
      'y:4: a rejection asserted without its class or code: .rejects.toBeDefined',
    ]);
  });
});
