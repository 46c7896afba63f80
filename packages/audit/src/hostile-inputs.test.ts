// No exported function of @b2b/audit lets a raw driver error or a TypeError escape: every export is
// called with oversized, non-NFC, NUL-byte and malformed inputs (functions added later included).
import { actAsTenant, DbError, isGuarded, NotFoundError } from '@b2b/db';
import { callWithHostileInputs, createTestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { expect, test } from 'vitest';
import * as impl from './index';
import * as pkg from './public';

test('every function of ./index is exported guarded by ./public (the package entry)', () => {
  const functions = Object.entries(impl).filter(
    ([, v]) => typeof v === 'function' && !/^class\b/.test(Function.prototype.toString.call(v)),
  );
  expect(functions.length).toBeGreaterThanOrEqual(4);
  const unguarded = functions
    .map(([name]) => name)
    .filter((name) => !isGuarded((pkg as Record<string, unknown>)[name]));
  expect(unguarded, 'list these in src/public.ts').toEqual([]);
});

test('every export of @b2b/audit throws only typed errors for hostile inputs', {
  timeout: 600_000,
}, async () => {
  const db = await createTestDatabase();
  try {
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    const tenantId: string = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
    await admin.end();
    const result = await callWithHostileInputs({
      module: pkg as Record<string, unknown>,
      appUrl: db.appUrl,
      actAs: actAsTenant,
      tenantId,
      isTyped: (e) => e instanceof DbError || e instanceof NotFoundError,
    });
    expect(result.functions.length).toBeGreaterThanOrEqual(4);
    expect(result.escapes).toEqual([]);
  } finally {
    await db.drop();
  }
});
