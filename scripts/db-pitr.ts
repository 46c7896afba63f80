// `pnpm db:pitr --to <time | restore point>`: recovers a new cluster from the newest fitting base backup
// and the archived WAL of the development cluster, to that moment, and leaves it running (promoted).
// `pnpm db:pitr --drill [--fast]`: the drill (scripts/lib/drills/pitr-drill.ts). See docs/operations.md.
import { parseArgs } from 'node:util';
import { devClusterState, walArchiveDir } from '@b2b/testing/provider';
import { listBaseBackups } from './lib/backup/base';
import { backupRoot } from './lib/backup/layout';
import { chooseBase, parseTarget, recover } from './lib/backup/pitr';
import { FIXTURE } from './lib/bench/suites/orders-fixture';
import { log, main } from './lib/cli';
import { requireDevDatabase } from './lib/dev-database';
import { pitrDrill } from './lib/drills/pitr-drill';

const USAGE = `usage: pnpm db:pitr --to <time | restore point> [--base <name>]
       pnpm db:pitr --drill [--fast] [--clients <n>] [--seconds <n>] [--no-new-base]

  --to       an ISO time (2026-11-30T00:15:00Z; without a zone: UTC) or the name given to
             pg_create_restore_point; a new cluster is recovered to it (port 6520 or the next free one)
  --base     the base backup to start from (a folder name under .data/backups/base; default: for a time
             the newest that ended before it, for a restore point the newest)
  --drill    place orders, take a restore point, keep placing, recover to it, prove the orders, print
             RPO and RTO; exits non-zero when the proof fails
  --fast     the drill with a small fixture, 4 clients and 3 s of load on each side of the point (CI)
  --clients  drill clients (default 8)
  --seconds  drill seconds of load on each side of the point (default 15)
  --no-new-base  start the drill's recovery from the newest base backup instead of taking a new one`;

/** The fast drill's fixture: 4 tenants of 500 variants (the benchmark's has 10,000 each). */
const FAST_FIXTURE = { ...FIXTURE, companiesPerTenant: 5, productsPerTenant: 250 };

const whole = (value: string | undefined, fallback: number, flag: string) => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number of at least 1`);
  return n;
};

main(async () => {
  const started = performance.now();
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      base: { type: 'string' },
      drill: { type: 'boolean', default: false },
      fast: { type: 'boolean', default: false },
      clients: { type: 'string' },
      seconds: { type: 'string' },
      'no-new-base': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return log(USAGE);
  if (values.drill === Boolean(values.to)) throw new Error(`--to or --drill\n${USAGE}`);
  const state = devClusterState();
  if (!state)
    throw new Error(
      'point-in-time recovery needs the local development cluster (pnpm db:up) and its WAL archive',
    );

  if (values.to) {
    const target = parseTarget(values.to);
    const base = chooseBase(listBaseBackups(backupRoot()), target, values.base);
    const recovered = await recover({
      base,
      archiveDir: walArchiveDir(state.dataDir),
      target,
      startedAt: started,
      say: log,
    });
    log(recovered.stoppedAt);
    log(
      `recovered from base backup ${base.name} in ${recovered.seconds.promoted.toFixed(1)} s (copy ${recovered.seconds.copy.toFixed(1)} s, ` +
        `consistent at ${recovered.seconds.consistent.toFixed(1)} s, promoted and accepting connections at ${recovered.seconds.promoted.toFixed(1)} s)`,
    );
    log(
      `  DATABASE_URL=${recovered.url.replace(/\/postgres$/, '/b2b_dev')}  (data in ${recovered.dataDir}; stop it with`,
    );
    log(`  pg_ctl -D ${recovered.dataDir} stop, and delete the folder)`);
    return;
  }

  const db = await requireDevDatabase();
  const seconds = whole(values.seconds, values.fast ? 3 : 15, '--seconds');
  const result = await pitrDrill(db, {
    clients: whole(values.clients, values.fast ? 4 : 8, '--clients'),
    beforeSeconds: seconds,
    afterSeconds: seconds,
    newBase: !values['no-new-base'],
    fixture: values.fast ? FAST_FIXTURE : undefined,
    say: (line) => log(`[${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s] ${line}`),
  });
  const v = result.verdict;
  log('');
  log(`point-in-time recovery drill: ${v.ok ? 'PASSED' : 'FAILED'}`);
  log(
    `  orders acknowledged before the restore point: ${v.before}, all present: ${v.missingBefore.length === 0 ? 'yes' : `NO, ${v.missingBefore.length} missing`}`,
  );
  log(
    `  orders sent after it: ${v.after}, none present: ${v.presentAfter.length === 0 ? 'yes' : `NO, ${v.presentAfter.length} present`}`,
  );
  log(`  orders in flight while it was taken: ${v.during} (${v.duringPresent} present, either is right)`);
  if (v.unexpected.length) log(`  orders present that were never acknowledged: ${v.unexpected.length}`);
  log(`  load: ${result.orders.acknowledged} orders at ${result.orders.perSecond.toFixed(0)}/s`);
  log(
    `  RPO (WAL not yet archived, ${result.rpo.samples} samples during the load, archive_timeout ${result.rpo.archiveTimeout}): ` +
      `at most ${result.rpo.maxSeconds.toFixed(1)} s / ${(result.rpo.maxBytes / 1e6).toFixed(1)} MB, mean ${result.rpo.meanSeconds.toFixed(1)} s`,
  );
  log(
    `  RTO (recovery's start to a promoted cluster, base backup ${result.base.name} of ${(result.base.bytes / 1e6).toFixed(0)} MB, ` +
      `databases ${(result.databaseBytes / 1e6).toFixed(0)} MB): ${result.rto.promoted.toFixed(1)} s ` +
      `(copy ${result.rto.copy.toFixed(1)} s, replayed to consistency ${result.rto.consistent.toFixed(1)} s)`,
  );
  log(`  ${result.stoppedAt}`);
  if (!v.ok) {
    for (const key of [...v.missingBefore, ...v.presentAfter, ...v.unexpected].slice(0, 10))
      log(`  wrong: ${key}`);
    throw new Error(
      v.before === 0 || v.after === 0
        ? 'the drill placed no orders on one side of the point: it proves nothing'
        : 'the recovered orders are not exactly those committed before the restore point',
    );
  }
});
