// A private clone of the migrated template for one test file (or one pgTAP file).
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase, dropDatabase } from '../template/build-template';
import { databaseUrl, roleUrl } from '../template/server-urls';
import type { B2bTestContext } from './context';

export interface TestDatabase {
  name: string;
  /** Superuser: setup and fixtures only. RLS does not apply. */
  adminUrl: string;
  /** Connects as the application role b2b_app: RLS and grants apply. */
  appUrl: string;
  /** Connects as any of our roles. */
  urlFor(role: 'b2b_app' | 'b2b_readonly' | 'b2b_analytics'): string;
  drop(): Promise<void>;
}

export function testContext(): B2bTestContext {
  return inject('b2b');
}

/** A clone of the migrated template (or, with `empty`, a database with nothing in it yet). */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const ctx = testContext();
  const name = `b2b_test_${randomBytes(6).toString('hex')}`;
  await createDatabase(ctx.adminUrl, name, options.empty ? undefined : ctx.template);
  return {
    name,
    adminUrl: databaseUrl(ctx.adminUrl, name),
    appUrl: roleUrl(ctx.adminUrl, name, 'b2b_app', ctx.source, ctx.pgbouncerPort),
    urlFor: (role) => roleUrl(ctx.adminUrl, name, role, ctx.source, ctx.pgbouncerPort),
    drop: () => dropDatabase(ctx.adminUrl, name),
  };
}
