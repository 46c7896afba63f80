// `pnpm bench <suite> [--duration s] [--warmup s] [--allow-small] [--json]`: a benchmark against the
// development database (not a test: nothing here asserts timings). See docs/benchmarks.md.
import { type BenchArgs, parseBenchArgs } from './lib/bench/args';
import { describeMachine, type Machine } from './lib/bench/machine';
import { formatReport, type Report, type SuiteResult } from './lib/bench/report';
import type { Suite } from './lib/bench/suite';
import { auditSuite } from './lib/bench/suites/audit';
import { catalogSuite } from './lib/bench/suites/catalog';
import { connectionsSuite } from './lib/bench/suites/connections';
import { ordersSuite } from './lib/bench/suites/orders';
import { BENCH_CITUS_PORT } from './lib/bench/suites/orders-citus';
import { runOrdersCompare } from './lib/bench/suites/orders-compare';
import { main } from './lib/cli';
import { type DevDatabase, requireDevDatabase } from './lib/dev-database';

const SUITES: Record<string, Suite> = {
  audit: auditSuite,
  catalog: catalogSuite,
  orders: ordersSuite,
  connections: connectionsSuite,
};

function usage(): string {
  return [
    'usage: pnpm bench <suite> [--duration <s>] [--warmup <s>] [--allow-small] [--citus] [--json]',
    '       pnpm bench orders --compare <git-rev> [--rounds <n>] [--batch <orders>] [--clients <n>] [--statements]',
    '',
    'suites:',
    ...Object.entries(SUITES).map(([name, suite]) => `  ${name.padEnd(10)} ${suite.summary}`),
    '',
    '  --duration <s>  measured seconds per workload (default 15)',
    '  --warmup <s>    unmeasured seconds before each workload (default 5)',
    '  --allow-small   run on whatever is loaded when the large seed profile is not',
    '  --citus         orders: also run on a throwaway Citus cluster (coordinator + 2 workers) and print both',
    `  --citus-port <p> first port of that cluster (default ${BENCH_CITUS_PORT})`,
    "  --compare <rev> orders: A/B of server CPU per order, <rev>'s sql/ (A) against the working tree's (B),",
    '                  two scratch databases, alternating batches of placeOrder (docs/benchmarks.md)',
    '  --rounds <n>    with --compare: rounds of one batch per side (default 8)',
    '  --batch <n>     with --compare: orders per batch (default 100)',
    '  --clients <n>   with --compare: concurrent clients per side (default 1)',
    "  --statements    with --compare: each side's top statements (pg_stat_statements, track = all)",
    '  --json          print the result as JSON (progress still goes to stderr)',
  ].join('\n');
}

main(async () => {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2), Object.keys(SUITES));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage()}`);
  }
  if (args.help || args.suite === undefined) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const name = args.suite;
  const suite = SUITES[name] as Suite;
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const options = {
    seconds: args.seconds,
    warmupSeconds: args.warmupSeconds,
    allowSmall: args.allowSmall,
    ...(args.citusPort === undefined ? {} : { citusPort: args.citusPort }),
    say,
  };
  let result: SuiteResult & { machine: Machine };
  const compare = args.compare;
  const run = compare ? (db: DevDatabase, o: typeof options) => runOrdersCompare(db, o, compare) : suite.run;
  if (!compare && suite.runStandalone) {
    result = await suite.runStandalone(options);
  } else if (run) {
    const db = await requireDevDatabase();
    const machine = await describeMachine(db.adminUrl);
    result = { ...(await run(db, options)), machine };
  } else {
    throw new Error(`suite ${name} has nothing to run`);
  }
  const report: Report = {
    suite: name,
    command: `pnpm bench ${process.argv.slice(2).join(' ')}`,
    startedAt,
    ...result,
  };
  process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : `\n${formatReport(report)}\n`);
  // A failed check after the run means the figures came from wrong work: say so in the exit status too.
  if (report.checks?.some((c) => !c.ok)) process.exitCode = 1;
});
