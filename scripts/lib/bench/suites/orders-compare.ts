// `pnpm bench orders --compare <git-rev>`: what a change of the SQL did to the server CPU of an order,
// head to head and robust to the load. Two scratch databases on the development cluster, A migrated from
// <rev>'s sql/ (extracted with `git archive`) and B from the working tree's, the same fixture, primed with
// the same number of orders and analyzed (same age: statistics of fresh, empty order tables make some
// checks cost several times more), then batches of placeOrder alternate between them, A B, B A, ...
// (interleave.ts), each batch a fixed number of orders on a pool opened once per side. Each batch's server
// CPU (server-cpu.ts) over its orders; the medians per side and the median of the rounds' B/A ratios.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { databaseUrl } from '@b2b/testing';
import { repoRoot } from '@b2b/testing/provider';
import { type DevDatabase, SQL_DIR } from '../../dev-database';
import { assertApplicationRole, withPool } from '../clients';
import {
  alternation,
  type Batch,
  backendCpuPerTransaction,
  cpuPerTransaction,
  median,
  pooled,
  spread,
} from '../interleave';
import type { ResultRow, SuiteResult } from '../report';
import { withBenchDatabase } from '../scratch';
import { openServerCpu } from '../server-cpu';
import { resetStatements, statementsTable, topStatements, trackAllStatements } from '../statements';
import type { BenchOptions } from '../suite';
import { LINES_PER_ORDER, orderOperation, PRIME_ORDERS, primeOrders, runCount } from './orders-batches';
import { FIXTURE, type FixtureSizes, type OrdersFixture, prepareOrdersDatabase } from './orders-fixture';
import { type PlacedCount, verifyOrders } from './orders-verify';

const exec = promisify(execFile);

export interface CompareOptions {
  /** The git revision whose sql/ is side A. */
  rev: string;
  /** Rounds of one batch per side. */
  rounds: number;
  /** Orders per batch. */
  batchOrders: number;
  /** Concurrent clients per side. */
  clients: number;
  /** Also print each side's top statements (pg_stat_statements, track = all) over the measured batches. */
  statements?: boolean;
}

export const COMPARE_DEFAULTS = { rounds: 8, batchOrders: 100, clients: 1 } as const;

/**
 * The fixture of each side: the bench's, with 2 tenants of 5,000 variants (two fixtures of full size take
 * minutes to load on a busy machine, most of it in the audit and journal triggers). The same on both sides,
 * which is what the comparison needs; an order's work does not depend on the catalog's size beyond an
 * index level.
 */
export const COMPARE_FIXTURE: FixtureSizes = { ...FIXTURE, tenants: 2, productsPerTenant: 2_500 };

/** Scratch database names (fixed: a run killed with -9 leaves them, the next one drops them first). */
export const COMPARE_DATABASES = { A: 'b2b_bench_orders_a', B: 'b2b_bench_orders_b' } as const;

type Side = keyof typeof COMPARE_DATABASES;

/** The full commit of `rev` in the repository (refuses anything git does not resolve to a commit). */
export async function resolveCommit(rev: string): Promise<string> {
  if (rev.startsWith('-')) throw new Error(`--compare takes a git revision, got "${rev}"`);
  try {
    const { stdout } = await exec('git', ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], {
      cwd: repoRoot,
    });
    return stdout.trim();
  } catch {
    throw new Error(`--compare: "${rev}" is not a commit of this repository`);
  }
}

/**
 * `commit`'s sql/ in a temporary directory (with a package.json saying ESM, for the .js migrations, as
 * the repository's root one does); removed by `cleanup`.
 */
async function extractSql(commit: string): Promise<{ sqlDir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'b2b-compare-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    await new Promise<void>((resolve, reject) => {
      const archive = spawn('git', ['archive', '--format=tar', commit, 'sql'], { cwd: repoRoot });
      const tar = spawn('tar', ['-x', '-C', dir]);
      archive.stdout.pipe(tar.stdin);
      let stderr = '';
      archive.stderr.on('data', (d) => {
        stderr += d;
      });
      archive.on('error', reject);
      tar.on('error', reject);
      tar.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`git archive ${commit} sql | tar failed: ${stderr}`)),
      );
    });
    return { sqlDir: join(dir, 'sql'), cleanup };
  } catch (error) {
    cleanup();
    throw error;
  }
}

interface SideState {
  name: string;
  adminUrl: string;
  appUrl: string;
  fixture: OrdersFixture;
  batches: Batch[];
  placed: PlacedCount[];
}

/** Runs the A/B comparison (see the file comment) and returns it as a report. */
export async function runOrdersCompare(
  db: DevDatabase,
  options: BenchOptions,
  compare: CompareOptions,
): Promise<SuiteResult> {
  const { say } = options;
  const commit = await resolveCommit(compare.rev);
  const cpu = await openServerCpu(db.adminUrl);
  if (!cpu)
    throw new Error(
      '--compare measures server CPU from /proc: it needs the development cluster on this machine',
    );
  const { sqlDir, cleanup } = await extractSql(commit);
  try {
    return await withBenchDatabase(db.adminUrl, COMPARE_DATABASES.A, (nameA) =>
      withBenchDatabase(db.adminUrl, COMPARE_DATABASES.B, async (nameB) => {
        const sides = {} as Record<Side, SideState>;
        for (const [side, name, dir] of [
          ['A', nameA, sqlDir],
          ['B', nameB, SQL_DIR],
        ] as const) {
          const adminUrl = databaseUrl(db.adminUrl, name);
          const appUrl = databaseUrl(db.appUrl, name);
          say(
            `compare: ${side} = ${name}, migrating from ${side === 'A' ? `${commit.slice(0, 10)}'s sql/` : 'the working tree'}, loading the fixture`,
          );
          const fixture = await prepareOrdersDatabase(adminUrl, COMPARE_FIXTURE, dir);
          await withPool(appUrl, 1, assertApplicationRole);
          sides[side] = { name, adminUrl, appUrl, fixture, batches: [], placed: [] };
        }
        // the same age: the same number of orders before ANALYZE, on both
        for (const side of ['A', 'B'] as const) {
          const s = sides[side];
          say(`compare: priming ${side} with ${PRIME_ORDERS} orders, then ANALYZE`);
          s.placed.push(await primeOrders(s.adminUrl, s.appUrl, s.fixture, Math.max(compare.clients, 4)));
        }
        if (compare.statements)
          for (const side of ['A', 'B'] as const) await trackAllStatements(db.adminUrl, sides[side].name);
        const prefixes = { A: `bench-compare-A-${commit.slice(0, 8)}`, B: 'bench-compare-B-worktree' };
        const completed = { A: 0, B: 0 };
        await withPool(sides.A.appUrl, compare.clients, (poolA) =>
          withPool(sides.B.appUrl, compare.clients, async (poolB) => {
            const ops = {
              A: orderOperation(poolA, sides.A.fixture, 'placeOrder', prefixes.A, () => {
                completed.A += 1;
              }),
              B: orderOperation(poolB, sides.B.fixture, 'placeOrder', prefixes.B, () => {
                completed.B += 1;
              }),
            };
            // one unmeasured batch each: functions compiled and statements planned in every backend
            for (const side of ['A', 'B'] as const)
              await runCount(compare.batchOrders, compare.clients, ops[side]);
            if (compare.statements)
              for (const side of ['A', 'B'] as const) await resetStatements(sides[side].adminUrl);
            const rounds = alternation(['A', 'B'] as const, compare.rounds);
            for (const [i, round] of rounds.entries()) {
              for (const side of round) {
                const batch = await runCount(
                  compare.batchOrders,
                  compare.clients,
                  ops[side],
                  cpu,
                  sides[side].name,
                );
                sides[side].batches.push(batch);
              }
              const last = (side: Side) => cpuPerTransaction(sides[side].batches.at(-1) as Batch).toFixed(2);
              say(
                `compare: round ${i + 1}/${rounds.length} (${round.join(' ')}): A ${last('A')}, B ${last('B')} ms of server CPU per order`,
              );
            }
          }),
        );
        const measured = compare.rounds * compare.batchOrders;
        for (const side of ['A', 'B'] as const) {
          sides[side].placed.push({
            prefix: prefixes[side],
            workload: `side ${side}: placeOrder batches`,
            completed: completed[side],
            measured,
          });
        }
        // read before the verification, whose own queries would be counted with the orders'
        const statementNotes: string[] = [];
        if (compare.statements) {
          for (const side of ['A', 'B'] as const)
            statementNotes.push(
              `top statements of ${side} over its measured batches (pg_stat_statements, track = all):\n\n` +
                statementsTable(side, await topStatements(sides[side].adminUrl, measured)),
            );
        }
        say('compare: verifying the orders placed on both sides');
        const checks = [];
        for (const side of ['A', 'B'] as const) {
          const s = sides[side];
          const sideChecks = await verifyOrders(s.adminUrl, s.placed, LINES_PER_ORDER);
          checks.push(...sideChecks.map((c) => ({ ...c, what: `${side}: ${c.what}` })));
        }
        const result = compareResult(
          commit,
          compare,
          sides.A.batches,
          sides.B.batches,
          sides.A.fixture.summary,
          checks,
        );
        result.notes.push(...statementNotes);
        return result;
      }),
    );
  } finally {
    cleanup();
  }
}

/** The report of a comparison: one row per side (server CPU: the median batch), B/A ratios. */
export function compareResult(
  commit: string,
  compare: CompareOptions,
  a: Batch[],
  b: Batch[],
  fixture: string,
  checks: SuiteResult['checks'] = [],
): SuiteResult {
  const row = (workload: string, batches: Batch[]): ResultRow => {
    const all = pooled(batches);
    return {
      workload,
      clients: compare.clients,
      count: all.count,
      perSecond: all.count / all.seconds,
      meanMs: (all.seconds * 1000 * compare.clients) / all.count,
      serverCpuMs: median(batches.map(cpuPerTransaction)),
    };
  };
  const perRound = a.map((batch, i) => {
    const other = b[i];
    return other ? cpuPerTransaction(other) / cpuPerTransaction(batch) : Number.NaN;
  });
  const backendPerRound = a.map((batch, i) => {
    const other = b[i];
    return other ? backendCpuPerTransaction(other) / backendCpuPerTransaction(batch) : Number.NaN;
  });
  return {
    dataset: `two scratch databases, each with the ${fixture}`,
    rows: [
      row(`A: placeOrder, sql/ of ${commit.slice(0, 10)}`, a),
      row('B: placeOrder, sql/ of the working tree', b),
    ],
    ratios: [
      {
        what: "B / A backend CPU per order (the side's own backends; median of the rounds)",
        value: median(backendPerRound),
      },
      { what: 'B / A server CPU per order (whole server; median of the rounds)', value: median(perRound) },
      {
        what: 'B / A server CPU per order (pooled)',
        value: cpuPerTransaction(pooled(b)) / cpuPerTransaction(pooled(a)),
      },
    ],
    checks,
    notes: [
      `${compare.rounds} rounds of one batch of ${compare.batchOrders} orders per side (A B, then B A, ...), ${compare.clients} client(s) per side, ` +
        'each side on a pool opened once and warmed by one unmeasured batch; both databases primed with ' +
        `${PRIME_ORDERS} orders and analyzed before the first batch`,
      'server CPU ms/tx: the median batch (the whole server over the batch, from /proc, over its orders); ' +
        `per s and mean ms: all batches pooled. Per batch, A: ${a.map((x) => cpuPerTransaction(x).toFixed(2)).join(', ')}; ` +
        `B: ${b.map((x) => cpuPerTransaction(x).toFixed(2)).join(', ')}`,
      `backend CPU per order (the side's own backends, without background processes), median batch: A ${median(a.map(backendCpuPerTransaction)).toFixed(2)} ms, B ${median(b.map(backendCpuPerTransaction)).toFixed(2)} ms; ` +
        `per batch, A: ${a.map((x) => backendCpuPerTransaction(x).toFixed(2)).join(', ')}; B: ${b.map((x) => backendCpuPerTransaction(x).toFixed(2)).join(', ')}`,
      `B / A per round: whole server ${spread(perRound)}, backends ${spread(backendPerRound)}`,
    ],
  };
}
