// What every suite is: a name on the command line, run against the development database with the
// shared options, returning rows for the report.
import type { DevDatabase } from '../dev-database';
import { seedIsLoaded } from '../seed';
import type { Machine } from './machine';
import type { SuiteResult } from './report';

export interface BenchOptions {
  /** Measured seconds per workload (and for the pgbench run). */
  seconds: number;
  warmupSeconds: number;
  /** Run on whatever is loaded when the large profile is not. */
  allowSmall: boolean;
  /** `--citus`: also run the suite against a throwaway Citus cluster starting at this port (orders only). */
  citusPort?: number;
  /** Progress, kept apart from the result (stderr), so `--json` output can be piped. */
  say: (line: string) => void;
}

export interface Suite {
  summary: string;
  /** Runs against the development database. */
  run?(db: DevDatabase, options: BenchOptions): Promise<SuiteResult>;
  /** Runs on a server of its own, started and stopped by the suite (the development database is not needed). */
  runStandalone?(options: BenchOptions): Promise<SuiteResult & { machine: Machine }>;
}

/**
 * The suites' figures are meant for the large profile; on the small seed they would look fine and mean
 * nothing. Returns the name of the data set to print beside the figures.
 */
export async function requireLargeProfile(db: DevDatabase, options: BenchOptions): Promise<string> {
  options.say('checking which seed profile is loaded (waits while a seed is still loading)');
  if (await seedIsLoaded(db.adminUrl, 'large')) return 'large profile';
  if (!options.allowSmall) {
    throw new Error(
      [
        'The large seed profile is not loaded in the development database, and figures on the small seed',
        'would not be comparable to the targets. Load it with `pnpm db:seed --profile large` (about 2 minutes on a quiet machine),',
        'or pass --allow-small to benchmark whatever is loaded.',
      ].join('\n'),
    );
  }
  options.say('the large profile is NOT loaded: benchmarking whatever is loaded (--allow-small)');
  return 'data loaded (NOT the large profile, --allow-small)';
}
