// The migrated template database that every test file clones.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bootstrapDatabase, migrate } from '@b2b/migrate';
import { withClient } from '../client';
import { repoRoot } from '../provider/repo';
import type { ServerSource } from '../provider/resolve';
import { databaseUrl, THROWAWAY_ROLE_PASSWORD } from './server-urls';

export const SQL_DIR = join(repoRoot, 'sql');
const SUPPORT_DIR = join(repoRoot, 'db-tests', '_support');
export const LOGIN_ROLES = ['b2b_app', 'b2b_readonly', 'b2b_analytics'];

export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  await withClient(adminUrl, (c) =>
    c.query(`create database "${name}"${template ? ` template "${template}"` : ''}`),
  );
  // A clone copies the template's contents but not its database-level grants: apply those again.
  if (template) await bootstrapDatabase({ url: databaseUrl(adminUrl, name), sqlDir: SQL_DIR });
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** Test helpers (the `tests` schema, pgTAP in schema `tap`): installed only in test databases. */
export async function installTestSupport(url: string): Promise<void> {
  const files = readdirSync(SUPPORT_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  await withClient(url, async (client) => {
    await client.query('begin');
    await client.query('create schema if not exists tap; create extension if not exists pgtap schema tap');
    for (const file of files) await client.query(readFileSync(join(SUPPORT_DIR, file), 'utf8'));
    await client.query('commit');
  });
}

/** Creates and migrates the template; returns how long each step took. */
export async function buildTemplate(
  adminUrl: string,
  name: string,
  source: ServerSource,
): Promise<{ migrateMs: number }> {
  await dropDatabase(adminUrl, name);
  await createDatabase(adminUrl, name);
  const url = databaseUrl(adminUrl, name);
  const started = performance.now();
  await migrate({ url, sqlDir: SQL_DIR });
  const migrateMs = performance.now() - started;
  await installTestSupport(url);
  if (source !== 'DATABASE_URL') {
    // Throwaway servers only: let the login roles authenticate where the server asks for a password.
    await withClient(url, async (c) => {
      for (const role of LOGIN_ROLES)
        await c.query(`alter role ${role} password '${THROWAWAY_ROLE_PASSWORD}'`);
    });
  }
  return { migrateMs };
}
