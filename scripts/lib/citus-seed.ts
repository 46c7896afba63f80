// The demo profile on a Citus cluster (`pnpm db:citus up`), in two steps: the tenants and their staff (the
// `small` profile, as the owner) committed first, then the worlds as b2b_app. The demo loads both in one
// transaction on plain PostgreSQL, which Citus refuses ("cannot perform query on placements that were
// modified in this transaction by a different user": it keeps one connection per user and placement).
import { scriptDataKey, withClient } from '@b2b/testing';
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
  // The first use of a data key records its check value in app.data_key_checks (a reference table), from
  // the security-definer app.verify_data_key. Inside the worlds' load (a superuser session that SETs ROLE
  // b2b_app) Citus's connection to the workers is refused: "permission denied to set role b2b_app". So the
  // key is checked, and its check value recorded, first, in a transaction of its own.
  await withClient(target.adminUrl, (c) => c.query('select app.verify_data_key($1)', [scriptDataKey()]));
  say('loading the demo worlds (accounts, catalog, orders) as b2b_app');
  await loadSeed(target, 'demo', say);
  return 'loaded';
}
