// What a suite returns and how it is shown: one row per workload (and one for the pgbench yardstick),
// targets with pass/fail markers, and the machine. `--json` prints the same object.
import type { LoadResult } from './clients';
import { formatMachine, type Machine } from './machine';
import type { PgbenchResult } from './pgbench';
import { markdownTable } from './table';

export interface ResultRow {
  workload: string;
  clients: number;
  count: number;
  perSecond: number;
  meanMs: number;
  /** Absent for pgbench, which reports only an average. */
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  maxMs?: number;
  /** The target for this workload, as the suite judged it. */
  target?: { text: string; met: boolean };
}

/** The row of a measured load: throughput and latency percentiles, with the target when there is one. */
export function loadRow(workload: string, result: LoadResult, target?: ResultRow['target']): ResultRow {
  const { latency } = result;
  return {
    workload,
    clients: result.clients,
    count: latency.count,
    perSecond: result.perSecond,
    meanMs: latency.meanMs,
    p50Ms: latency.p50Ms,
    p95Ms: latency.p95Ms,
    p99Ms: latency.p99Ms,
    maxMs: latency.maxMs,
    ...(target ? { target } : {}),
  };
}

/** The row of a pgbench run: pgbench reports only an average latency. */
export function pgbenchRow(workload: string, result: PgbenchResult): ResultRow {
  return {
    workload,
    clients: result.clients,
    count: result.transactions,
    perSecond: result.tps,
    meanMs: result.latencyAverageMs,
  };
}

/** A throughput ratio the issue sets a target for, e.g. orders per second over pgbench's tps. */
export interface Ratio {
  what: string;
  value: number;
  /** The ratio must be at least this; none: a figure to read, not a target (Citus / single node). */
  atLeast?: number;
}

/** A correctness check made after the run: a figure is worth something only if the work was right. */
export interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

export interface SuiteResult {
  /** What data the suite ran on, e.g. "large profile". */
  dataset: string;
  rows: ResultRow[];
  ratios?: Ratio[];
  checks?: Check[];
  notes: string[];
}

export interface Report extends SuiteResult {
  suite: string;
  command: string;
  startedAt: string;
  machine: Machine;
}

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(2));
const whole = (v: number) => Math.round(v).toLocaleString('en');

export function formatReport(report: Report): string {
  const table = markdownTable(
    [
      { header: 'workload' },
      { header: 'clients', align: 'right' },
      { header: 'count', align: 'right' },
      { header: 'per s', align: 'right' },
      { header: 'mean ms', align: 'right' },
      { header: 'p50 ms', align: 'right' },
      { header: 'p95 ms', align: 'right' },
      { header: 'p99 ms', align: 'right' },
      { header: 'max ms', align: 'right' },
      { header: 'target' },
      { header: 'result' },
    ],
    report.rows.map((r) => [
      r.workload,
      String(r.clients),
      whole(r.count),
      whole(r.perSecond),
      ms(r.meanMs),
      ms(r.p50Ms),
      ms(r.p95Ms),
      ms(r.p99Ms),
      ms(r.maxMs),
      r.target?.text ?? '',
      r.target ? (r.target.met ? '✓ pass' : '✗ FAIL') : '',
    ]),
  );
  const ratios = report.ratios?.length
    ? markdownTable(
        [
          { header: 'ratio' },
          { header: 'value', align: 'right' },
          { header: 'target' },
          { header: 'result' },
        ],
        report.ratios.map((r) => [
          r.what,
          `${r.value.toFixed(2)}x`,
          r.atLeast === undefined ? '' : `>= ${r.atLeast}x`,
          r.atLeast === undefined ? '' : r.value >= r.atLeast ? '✓ pass' : '✗ FAIL',
        ]),
      )
    : undefined;
  return [
    `bench ${report.suite} on the ${report.dataset}, ${report.startedAt}`,
    `command: ${report.command}`,
    formatMachine(report.machine),
    '',
    table,
    ...(ratios ? ['', ratios] : []),
    ...(report.checks?.length
      ? [
          '',
          'checks after the run:',
          ...report.checks.map((c) => `${c.ok ? '✓' : '✗'} ${c.what}: ${c.detail}`),
        ]
      : []),
    ...(report.notes.length ? ['', ...report.notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}
