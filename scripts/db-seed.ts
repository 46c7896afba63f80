// `pnpm db:seed [--profile demo|small|large] [--without-audit-trail]`: load a seed profile into the
// development database (`--without-audit-trail`: large only, its rows get no insert events).
import { log, main } from './lib/cli';
import { describeDemo } from './lib/demo';
import { requireDevDatabase } from './lib/dev-database';
import { loadSeed, SEED_PROFILES, type SeedProfile, seedIsLoaded } from './lib/seed';

function profileArg(args: string[]): SeedProfile {
  const at = args.indexOf('--profile');
  const value = at >= 0 ? args[at + 1] : 'demo';
  if (!SEED_PROFILES.includes(value as SeedProfile)) {
    throw new Error(`Unknown seed profile "${value}". Profiles: ${SEED_PROFILES.join(', ')}`);
  }
  return value as SeedProfile;
}

main(async () => {
  const profile = profileArg(process.argv.slice(2));
  const db = await requireDevDatabase();
  if (await seedIsLoaded(db.adminUrl, profile)) {
    throw new Error(`The ${profile} profile is already loaded; \`pnpm db:reset\` starts again from empty.`);
  }
  const started = performance.now();
  const auditTrail = !process.argv.includes('--without-audit-trail');
  if (!auditTrail && profile !== 'large')
    throw new Error('--without-audit-trail applies to --profile large only.');
  await loadSeed(db, profile, log, { auditTrail });
  log(`seed profile ${profile} loaded in ${Math.round(performance.now() - started)} ms`);
  if (profile === 'demo') await describeDemo(db.adminUrl, log, { counts: true });
});
