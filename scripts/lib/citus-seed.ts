// The demo profile on a Citus cluster (`pnpm db:citus up`), in two steps: the tenants and their staff (the
// `small` profile, as the owner) committed first, then the worlds as b2b_app. The demo loads both in one
// transaction on plain PostgreSQL, which Citus refuses ("cannot perform query on placements that were
// modified in this transaction by a different user": it keeps one connection per user and placement).
import { loadSeed, type SeedTarget, seedIsLoaded } from './seed';

/**
 * Loads the demo profile onto a Citus coordinator unless it is there already. A failed world is rolled back
 * and leaves the tenants and staff, so a second call loads the worlds on top of them.
 * @throws Error "Seeding the demo world failed, nothing was loaded: ..." with the database's error as cause.
 */
export async function loadCitusDemo(
  target: SeedTarget,
  say: (line: string) => void,
): Promise<'loaded' | 'present'> {
  if (await seedIsLoaded(target.adminUrl, 'demo')) return 'present';
  if (!(await seedIsLoaded(target.adminUrl, 'small'))) {
    say('loading the demo tenants and their staff (seeds/small)');
    await loadSeed(target, 'small', say);
  }
  say('loading the demo worlds (accounts, catalog, orders) as b2b_app');
  await loadSeed(target, 'demo', say);
  return 'loaded';
}
