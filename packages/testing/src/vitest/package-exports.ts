// The two checks every package runs on its public surface: each function of ./index is exported guarded
// by ./public, and no export lets a raw driver error or a TypeError escape for hostile inputs. One
// definition here, so every package (and every package added later) runs the same checks.
import pg from 'pg';
import { expect, test } from 'vitest';
import { callWithHostileInputs, isClass } from './hostile-inputs';
import { createTestDatabase } from './test-database';

/**
 * Declares, in the calling test file, the guard test and the hostile-input test of one package.
 * `impl` is the package's ./index, `pkg` its ./public; `isGuarded`, `actAs` and `isTyped` come from
 * @b2b/db's `packageExportChecks` (this package cannot import @b2b/db). `minFunctions` is the fewest functions the package is
 * known to export (so an empty module cannot pass).
 */
export function testPackageExports(options: {
  name: string;
  impl: Record<string, unknown>;
  pkg: Record<string, unknown>;
  minFunctions: number;
  isGuarded: (value: unknown) => boolean;
  isTyped: (error: unknown) => boolean;
  actAs: (client: pg.ClientBase, context: { tenantId: string; userId?: string }) => Promise<void>;
}): void {
  const { name, impl, pkg, minFunctions } = options;

  test('every function of ./index is exported guarded by ./public (the package entry)', () => {
    const functions = Object.entries(impl).filter(([, v]) => typeof v === 'function' && !isClass(v));
    expect(functions.length).toBeGreaterThanOrEqual(minFunctions);
    const unguarded = functions.map(([fn]) => fn).filter((fn) => !options.isGuarded(pkg[fn]));
    expect(unguarded, 'list these in src/public.ts').toEqual([]);
  });

  test(`every export of ${name} throws only typed errors for hostile inputs`, {
    timeout: 600_000,
  }, async () => {
    const db = await createTestDatabase();
    try {
      const admin = new pg.Client({ connectionString: db.adminUrl });
      await admin.connect();
      const tenantId: string = (await admin.query(`select tests.create_tenant('alpha') as id`)).rows[0].id;
      await admin.end();
      const result = await callWithHostileInputs({
        module: pkg,
        appUrl: db.appUrl,
        actAs: options.actAs,
        tenantId,
        isTyped: options.isTyped,
      });
      expect(result.functions.length).toBeGreaterThanOrEqual(minFunctions);
      expect(result.escapes).toEqual([]);
    } finally {
      await db.drop();
    }
  });
}
