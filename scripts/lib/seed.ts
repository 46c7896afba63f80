// Loads a seed profile (seeds/<profile>/*.sql, in name order) in one transaction, once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@b2b/testing/provider';
import pg from 'pg';

export const SEED_PROFILES = ['small'] as const;
export type SeedProfile = (typeof SEED_PROFILES)[number];

export async function seedIsLoaded(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ seeded: boolean }>(
      'select exists (select from tenancy.tenants) as seeded',
    );
    return rows[0]?.seeded ?? false;
  } finally {
    await client.end();
  }
}

export async function loadSeed(
  url: string,
  profile: SeedProfile,
  say: (line: string) => void,
): Promise<void> {
  const dir = join(repoRoot, 'seeds', profile);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin');
    for (const file of files) {
      const started = performance.now();
      await client.query(readFileSync(join(dir, file), 'utf8'));
      say(`  seeds/${profile}/${file} (${Math.round(performance.now() - started)} ms)`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw new Error(`Seeding failed, nothing was loaded: ${(error as Error).message}`);
  } finally {
    await client.end();
  }
}
