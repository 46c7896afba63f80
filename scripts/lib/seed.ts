// Seed profiles: `small` (SQL files under seeds/small, for db:up and examples) and `large` (generated,
// streamed through COPY; for benchmarks). Each loads in one transaction, once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withClient } from '@b2b/testing';
import { repoRoot } from '@b2b/testing/provider';
import type pg from 'pg';
import { loadLarge } from './seed-large';

export const SEED_PROFILES = ['small', 'large'] as const;
export type SeedProfile = (typeof SEED_PROFILES)[number];

/** A tenant slug each profile creates: its presence means the profile is loaded. */
const MARKER_SLUG: Record<SeedProfile, string> = { small: 'acme-industrial', large: 'bulk-0000' };

export function seedIsLoaded(url: string, profile: SeedProfile): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ seeded: boolean }>(
      'select exists (select from tenancy.tenants where slug = $1) as seeded',
      [MARKER_SLUG[profile]],
    );
    return rows[0]?.seeded ?? false;
  });
}

async function loadSqlFiles(
  client: pg.Client,
  profile: SeedProfile,
  say: (line: string) => void,
): Promise<void> {
  const dir = join(repoRoot, 'seeds', profile);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  await client.query('begin');
  try {
    for (const file of files) {
      const started = performance.now();
      await client.query(readFileSync(join(dir, file), 'utf8'));
      say(`  seeds/${profile}/${file} (${Math.round(performance.now() - started)} ms)`);
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw new Error(`Seeding failed, nothing was loaded: ${(error as Error).message}`);
  }
}

export async function loadSeed(
  url: string,
  profile: SeedProfile,
  say: (line: string) => void,
): Promise<void> {
  await withClient(url, async (client) => {
    if (profile === 'large') {
      const { rows, seconds, phases } = await loadLarge(client, say);
      say(
        `phases (s): ${Object.entries(phases)
          .map(([phase, s]) => `${phase} ${s.toFixed(1)}`)
          .join(', ')}`,
      );
      say(
        `large profile: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s (wall time of the whole load: copy, index and constraint builds, checks, commit, analyze)`,
      );
    } else {
      await loadSqlFiles(client, profile, say);
    }
  });
}
