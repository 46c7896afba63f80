// Helpers for the files of `pnpm db:test:citus` (db-tests/citus/**/*.test.ts). All files share one
// distributed database, so each file works in tenants of its own (freshTenant) and never assumes that
// a table holds only its rows; pgTAP files keep to begin ... rollback as everywhere.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { withClient } from '../client';
import { type PgTapResult, runPgTapFile } from '../pgtap/run-file';
import type { B2bCitusTestContext } from './citus-context';
import './citus-context';

export type CitusTestRole = 'b2b_app' | 'b2b_readonly' | 'b2b_analytics';

export interface CitusTestDatabase {
  /** Superuser on the coordinator: setup and fixtures only (RLS does not apply). */
  adminUrl: string;
  /** The application role b2b_app on the coordinator, with its password: RLS and grants apply. */
  appUrl: string;
  urlFor(role: CitusTestRole): string;
  /** Superuser on each worker's copy of the database. */
  workerAdminUrls: string[];
}

export function citusTestContext(): B2bCitusTestContext {
  return inject('b2bCitus');
}

/** The shared distributed database of this run. */
export function citusTestDatabase(): CitusTestDatabase {
  const ctx = citusTestContext();
  const urlFor = (role: CitusTestRole) => {
    const url = ctx.roleUrls[role];
    if (!url) throw new Error(`no URL for role ${role} in the Citus test context`);
    return url;
  };
  return { adminUrl: ctx.adminUrl, appUrl: urlFor('b2b_app'), urlFor, workerAdminUrls: ctx.workerAdminUrls };
}

export interface TestTenant {
  tenantId: string;
  slug: string;
}

/**
 * A tenant no other file uses, created (committed) as the superuser: `label` names the file or case, a
 * random suffix keeps runs and files apart. Rows a file creates for it stay in the shared database until
 * the throwaway cluster is deleted.
 */
export async function freshTenant(label: string): Promise<TestTenant> {
  const base = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const slug = `${base || 'tenant'}-${randomBytes(4).toString('hex')}`;
  const tenantId = await withClient(citusTestContext().adminUrl, async (client) => {
    const { rows } = await client.query<{ tenant_id: string }>(
      `insert into tenancy.tenants (slug, name) values ($1, $2) returning tenant_id`,
      [slug, `Test ${label}`.slice(0, 200)],
    );
    const id = rows[0]?.tenant_id;
    if (!id) throw new Error('creating a test tenant returned no id');
    return id;
  });
  return { tenantId, slug };
}

/**
 * Runs a pgTAP file (begin; select plan(n); ... rollback;) against the distributed database as the
 * superuser, like db-tests/pgtap.test.ts does on plain PostgreSQL; throws naming the file and the failed
 * assertions.
 */
export async function runCitusPgTapFile(file: string): Promise<PgTapResult> {
  const result = await runPgTapFile(citusTestContext().adminUrl, file);
  if (result.failure) throw new Error(`${file} failed on Citus:\n${result.failure}`);
  return result;
}
