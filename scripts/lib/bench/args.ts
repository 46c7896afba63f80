// The command line of `pnpm bench` (scripts/bench.ts), parsed into what a run needs: a pure function, so
// its rules are tested (args.test.ts) without running a benchmark.
import { parseArgs } from 'node:util';
import { BENCH_CITUS_PORT } from './suites/orders-citus';
import { COMPARE_DEFAULTS, type CompareOptions } from './suites/orders-compare';

export interface BenchArgs {
  /** The suite named, undefined with --help alone. */
  suite?: string;
  help: boolean;
  json: boolean;
  seconds: number;
  warmupSeconds: number;
  allowSmall: boolean;
  citusPort?: number;
  /** `--compare <rev>` (orders only): the A/B mode instead of the suite's runs. */
  compare?: CompareOptions;
}

function whole(value: string | undefined, fallback: number, flag: string, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min)
    throw new Error(`${flag} takes a whole number${min ? ` of at least ${min}` : ''}, got "${value}"`);
  return n;
}

/** Parses `pnpm bench`'s arguments (without node and the script); throws with the reason on a bad one. */
export function parseBenchArgs(argv: string[], suites: readonly string[]): BenchArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'allow-small': { type: 'boolean', default: false },
      citus: { type: 'boolean', default: false },
      'citus-port': { type: 'string' },
      compare: { type: 'string' },
      rounds: { type: 'string' },
      batch: { type: 'string' },
      clients: { type: 'string' },
      statements: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [suite, ...extra] = positionals;
  if (values.help) return { help: true, json: false, seconds: 0, warmupSeconds: 0, allowSmall: false };
  if (suite === undefined) throw new Error('name a suite');
  if (!suites.includes(suite)) throw new Error(`Unknown suite "${suite}".`);
  if (extra.length) throw new Error(`one suite at a time, got also: ${extra.join(' ')}`);
  const seconds = whole(values.duration, 15, '--duration', 1);
  if (values.citus && suite !== 'orders') throw new Error('--citus runs with the orders suite only');
  const compareOnly = ['rounds', 'batch', 'clients'] as const;
  if (values.compare === undefined) {
    const stray = compareOnly.find((k) => values[k] !== undefined);
    if (stray) throw new Error(`--${stray} belongs to --compare`);
    if (values.statements) throw new Error('--statements belongs to --compare');
  } else {
    if (suite !== 'orders') throw new Error('--compare runs with the orders suite only');
    if (values.citus) throw new Error('--compare and --citus do not go together');
    if (!values.compare.trim() || values.compare.startsWith('-'))
      throw new Error('--compare takes a git revision (a commit, branch or tag)');
  }
  return {
    suite,
    help: false,
    json: values.json,
    seconds,
    warmupSeconds: whole(values.warmup, 5, '--warmup'),
    allowSmall: values['allow-small'],
    ...(values.citus ? { citusPort: whole(values['citus-port'], BENCH_CITUS_PORT, '--citus-port', 1) } : {}),
    ...(values.compare === undefined
      ? {}
      : {
          compare: {
            rev: values.compare,
            rounds: whole(values.rounds, COMPARE_DEFAULTS.rounds, '--rounds', 1),
            batchOrders: whole(values.batch, COMPARE_DEFAULTS.batchOrders, '--batch', 1),
            clients: whole(values.clients, COMPARE_DEFAULTS.clients, '--clients', 1),
            statements: values.statements,
          },
        }),
  };
}
