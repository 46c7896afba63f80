// `pnpm bench <suite> [--duration s] [--warmup s] [--allow-small] [--json]`: a benchmark against the
// development database (not a test: nothing here asserts timings). See docs/benchmarks.md.
import { parseArgs } from 'node:util';
import { describeMachine, type Machine } from './lib/bench/machine';
import { formatReport, type Report, type SuiteResult } from './lib/bench/report';
import type { Suite } from './lib/bench/suite';
import { auditSuite } from './lib/bench/suites/audit';
import { catalogSuite } from './lib/bench/suites/catalog';
import { connectionsSuite } from './lib/bench/suites/connections';
import { ordersSuite } from './lib/bench/suites/orders';
import { BENCH_CITUS_PORT } from './lib/bench/suites/orders-citus';
import { main } from './lib/cli';
import { requireDevDatabase } from './lib/dev-database';

const SUITES: Record<string, Suite> = {
  audit: auditSuite,
  catalog: catalogSuite,
  orders: ordersSuite,
  connections: connectionsSuite,
};

function usage(): string {
  return [
    'usage: pnpm bench <suite> [--duration <s>] [--warmup <s>] [--allow-small] [--citus] [--json]',
    '',
    'suites:',
    ...Object.entries(SUITES).map(([name, suite]) => `  ${name.padEnd(10)} ${suite.summary}`),
    '',
    '  --duration <s>  measured seconds per workload (default 15)',
    '  --warmup <s>    unmeasured seconds before each workload (default 5)',
    '  --allow-small   run on whatever is loaded when the large seed profile is not',
    '  --citus         orders: also run on a throwaway Citus cluster (coordinator + 2 workers) and print both',
    `  --citus-port <p> first port of that cluster (default ${BENCH_CITUS_PORT})`,
    '  --json          print the result as JSON (progress still goes to stderr)',
  ].join('\n');
}

function seconds(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${flag} takes a whole number of seconds, got "${value}"`);
  return n;
}

main(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      duration: { type: 'string' },
      warmup: { type: 'string' },
      'allow-small': { type: 'boolean', default: false },
      citus: { type: 'boolean', default: false },
      'citus-port': { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [name, ...extra] = positionals;
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const suite = name === undefined ? undefined : SUITES[name];
  if (!suite || extra.length) throw new Error(`${name ? `Unknown suite "${name}".\n` : ''}${usage()}`);
  const duration = seconds(values.duration, 15, '--duration');
  if (duration < 1) throw new Error('--duration must be at least 1 second');

  if (values.citus && name !== 'orders') throw new Error('--citus runs with the orders suite only');
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const options = {
    seconds: duration,
    warmupSeconds: seconds(values.warmup, 5, '--warmup'),
    allowSmall: values['allow-small'],
    ...(values.citus ? { citusPort: seconds(values['citus-port'], BENCH_CITUS_PORT, '--citus-port') } : {}),
    say,
  };
  let result: SuiteResult & { machine: Machine };
  if (suite.runStandalone) {
    result = await suite.runStandalone(options);
  } else if (suite.run) {
    const db = await requireDevDatabase();
    const machine = await describeMachine(db.adminUrl);
    result = { ...(await suite.run(db, options)), machine };
  } else {
    throw new Error(`suite ${name} has nothing to run`);
  }
  const report: Report = {
    suite: name as string,
    command: `pnpm bench ${process.argv.slice(2).join(' ')}`,
    startedAt,
    ...result,
  };
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `\n${formatReport(report)}\n`);
  // A failed check after the run means the figures came from wrong work: say so in the exit status too.
  if (report.checks?.some((c) => !c.ok)) process.exitCode = 1;
});
