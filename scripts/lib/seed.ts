// Seed profiles: `demo` (loaded by db:up: the small profile's tenants, each with a whole world built
// through the packages' functions, scripts/lib/demo/), `small` (SQL files under seeds/small: three tenants
// and their staff) and `large` (generated, streamed through COPY; for benchmarks). Each loads in one
// transaction, once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withClient } from '@b2b/testing';
import { repoRoot } from '@b2b/testing/provider';
import type pg from 'pg';
import { demoIsLoaded, loadDemo, withApplicationName } from './demo';
import { loadLarge } from './seed-large';

export const SEED_PROFILES = ['demo', 'small', 'large'] as const;
export type SeedProfile = (typeof SEED_PROFILES)[number];

/** Where a profile is loaded: the owner's URL, and the application role's (the demo acts as it). */
export interface SeedTarget {
  adminUrl: string;
  appUrl: string;
}

/** A tenant slug each SQL or COPY profile creates: its presence means the profile is loaded. */
const MARKER_SLUG: Record<Exclude<SeedProfile, 'demo'>, string> = {
  small: 'acme-industrial',
  large: 'bulk-0000',
};

export function seedIsLoaded(url: string, profile: SeedProfile): Promise<boolean> {
  return withClient(url, async (client) => {
    if (profile === 'demo') return demoIsLoaded(client);
    const { rows } = await client.query<{ seeded: boolean }>(
      // `select 1`: Citus cannot plan a zero-column EXISTS over a distributed or reference table
      'select exists (select 1 from tenancy.tenants where slug = $1) as seeded',
      [MARKER_SLUG[profile]],
    );
    return rows[0]?.seeded ?? false;
  });
}

/** Runs the SQL files of seeds/<profile>/ in name order, in the caller's transaction. */
async function runSqlFiles(
  client: pg.ClientBase,
  profile: string,
  say: (line: string) => void,
): Promise<void> {
  const dir = join(repoRoot, 'seeds', profile);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const file of files) {
    const started = performance.now();
    await client.query(readFileSync(join(dir, file), 'utf8'));
    say(`  seeds/${profile}/${file} (${Math.round(performance.now() - started)} ms)`);
  }
}

async function loadSqlFiles(client: pg.Client, profile: string, say: (line: string) => void): Promise<void> {
  await client.query('begin');
  try {
    await runSqlFiles(client, profile, say);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw new Error(`Seeding failed, nothing was loaded: ${(error as Error).message}`);
  }
}

export async function loadSeed(
  target: SeedTarget,
  profile: SeedProfile,
  say: (line: string) => void,
  /** large only: false leaves the loaded rows out of the audit trail (`--without-audit-trail`). */
  { auditTrail = true }: { auditTrail?: boolean } = {},
): Promise<void> {
  if (profile === 'demo') {
    // the small profile's tenants and staff, then their worlds, in one transaction
    await loadDemo(target, say, (client) => runSqlFiles(client, 'small', say));
    return;
  }
  // b2b-seed: the audit trail attributes these writes to the seed (audit.source_of)
  await withClient(withApplicationName(target.adminUrl, `b2b-seed:${profile}`), async (client) => {
    if (profile === 'large') {
      const { rows, seconds, phases } = await loadLarge(client, say, { auditTrail });
      say(
        `phases (s): ${Object.entries(phases)
          .map(([phase, s]) => `${phase} ${s.toFixed(1)}`)
          .join(', ')}`,
      );
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
      say(
        `large profile: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s (wall time of the whole load: copy, checks, journals${auditTrail ? ' and audit trail' : ', no audit trail'}, index and constraint builds, derived data, commit, analyze); without derived data ${Math.round(rows / (seconds - phases.derived)).toLocaleString('en')} rows/s; load average ${load}`,
      );
    } else {
      await loadSqlFiles(client, profile, say);
    }
  });
}
