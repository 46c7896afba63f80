// `pnpm db:replica up|down|status|lag|failover`: the development cluster's streaming replica, and the
// replica drills (on scratch clusters of their own). See docs/operations.md, "Replica and read routing".
import { devReplicaStatus, ensureDevReplica, stopDevReplica } from '@b2b/testing/provider';
import { fail, log, main } from './lib/cli';
import { type FailoverMode, failoverDrill } from './lib/replica/failover-drill';
import { lagDrill } from './lib/replica/lag-drill';

const USAGE = `usage:
  pnpm db:replica up [--port n]        make (pg_basebackup -R) and start the development cluster's replica
  pnpm db:replica down [--remove]      stop it (--remove: also delete its files and drop its slot)
  pnpm db:replica status               streaming state, lag, slot, as seen from both sides
  pnpm db:replica lag [--clients 8] [--seconds 20] [--warmup 2] [--sample-ms 100]
                                       replication lag under order load (scratch primary and replica)
  pnpm db:replica failover [--mode sync|async|both] [--clients 8] [--seconds 10] [--rounds 1] [--stall-ms n]
                                       kill -9 the primary under order load, promote the replica, count losses`;

function flag(args: string[], name: string): boolean {
  return args.includes(`--${name}`);
}

function value(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} needs a positive whole number\n${USAGE}`);
  return n;
}

function text(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i < 0 ? fallback : (args[i + 1] ?? '');
}

const lagText = (ms: number | null) =>
  ms === null ? 'none measured lately (caught up)' : `${ms.toFixed(1)} ms`;

async function up(args: string[]): Promise<void> {
  const port = args.includes('--port') ? value(args, 'port', 0) : undefined;
  const replica = await ensureDevReplica({ port });
  if (replica.created) log(`made the replica with pg_basebackup -R in ${replica.dataDir}`);
  log(
    replica.started
      ? `started the replica on 127.0.0.1:${replica.port}: streaming from the development cluster`
      : `the replica already runs on 127.0.0.1:${replica.port}`,
  );
  log(`  REPLICA_DATABASE_URL=postgres://postgres@127.0.0.1:${replica.port}/b2b_dev`);
  log(`  application role (read only): postgres://b2b_app@127.0.0.1:${replica.port}/b2b_dev`);
  log('  pnpm db:replica status for the lag, pnpm db:replica down to stop it.');
}

async function down(args: string[]): Promise<void> {
  const done = await stopDevReplica({ remove: flag(args, 'remove') });
  log(done.length ? done.join('\n') : 'the replica was not running');
}

async function status(): Promise<void> {
  const s = await devReplicaStatus();
  log(`development cluster: ${s.primary ? `running on 127.0.0.1:${s.primary.port}` : 'not running'}`);
  if (!s.replica) {
    log('replica: none (pnpm db:replica up makes one)');
    return;
  }
  log(
    `replica: ${s.replica.running ? `running on 127.0.0.1:${s.replica.port}` : 'stopped'} (${s.replica.dataDir})`,
  );
  if (s.standby)
    log(
      `  in recovery: ${s.standby.inRecovery}, replay: ${s.standby.replayPaused}, last replayed commit at ${s.standby.lastReplayAt ?? '-'}`,
    );
  if (s.streaming) {
    log(`  streaming: ${s.streaming.state} (${s.streaming.syncState})`);
    log(
      `  lag: write ${lagText(s.streaming.writeLagMs)}, flush ${lagText(s.streaming.flushLagMs)}, ` +
        `replay ${lagText(s.streaming.replayLagMs)}; replay behind by ${s.streaming.replayBehindBytes.toLocaleString('en')} bytes`,
    );
  } else if (s.primary) {
    log('  streaming: not connected to the primary');
  }
  if (s.slot) {
    log(
      `  slot: ${s.slot.active ? 'active' : 'inactive'}, wal_status ${s.slot.walStatus}, ` +
        `${s.slot.retainedBytes.toLocaleString('en')} bytes of WAL kept for it`,
    );
    if (s.slot.walStatus === 'lost')
      log('  the slot lost WAL the replica needs: pnpm db:replica down --remove && pnpm db:replica up');
  }
}

async function lag(args: string[]): Promise<void> {
  const ok = await lagDrill({
    clients: value(args, 'clients', 8),
    seconds: value(args, 'seconds', 20),
    warmupSeconds: args.includes('--warmup') ? value(args, 'warmup', 2) : 2,
    sampleMs: value(args, 'sample-ms', 100),
    say: log,
  });
  if (!ok) fail('the replica lag drill failed its check (see above)');
}

async function failover(args: string[]): Promise<void> {
  const mode = text(args, 'mode', 'both');
  if (!['sync', 'async', 'both'].includes(mode)) fail(`--mode is sync, async or both\n${USAGE}`);
  const modes: FailoverMode[] = mode === 'both' ? ['sync', 'async'] : [mode as FailoverMode];
  const results = await failoverDrill({
    modes,
    clients: value(args, 'clients', 8),
    seconds: value(args, 'seconds', 10),
    rounds: value(args, 'rounds', 1),
    stallMs: args.includes('--stall-ms') ? value(args, 'stall-ms', 0) : 0,
    say: log,
  });
  log('');
  log(
    '| mode | round | acknowledged | missing after promotion | in doubt (present) | cut before commit | acked during stall | flush lag before kill | old WAL past the switch | its commits | promote to writable | kill to writable |',
  );
  log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    log(
      `| ${r.mode} | ${r.round} | ${r.acknowledged.toLocaleString('en')} | ${r.missing} | ${r.inDoubt} (${r.inDoubtPresent}) | ${r.cut} | ${r.ackedDuringStall} | ` +
        `${r.lastFlushBehindBytes === null ? '-' : `${Math.round(r.lastFlushBehindBytes).toLocaleString('en')} B`} | ` +
        `${r.lostWal.bytes.toLocaleString('en')} B | ${r.lostWal.commits} | ${(r.promoteOnlyMs / 1000).toFixed(2)} s | ${(r.promoteMs / 1000).toFixed(2)} s |`,
    );
  }
  const problems: string[] = [];
  for (const r of results) {
    if (r.mode === 'sync' && r.missing > 0)
      problems.push(
        `sync round ${r.round}: ${r.missing} acknowledged orders are missing on the promoted replica`,
      );
    if (r.acknowledged === 0)
      problems.push(`${r.mode} round ${r.round}: no order was acknowledged before the kill`);
    for (const c of r.failedChecks) problems.push(`${r.mode} round ${r.round}: ${c}`);
  }
  log('');
  log(
    'sync: a commit is acknowledged only after the replica flushed it, so an acknowledged order cannot be lost ' +
      'when the primary is; async: a commit is acknowledged after the local flush, and what the replica had not ' +
      'received when the primary died (up to the flush lag above) is lost although the client saw it committed.',
  );
  if (problems.length) fail(problems.join('\n'));
  log(
    'check: no acknowledged order is missing where replication was synchronous; the promoted data is consistent',
  );
}

main(async () => {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'up') await up(args);
  else if (command === 'down') await down(args);
  else if (command === 'status') await status();
  else if (command === 'lag') await lag(args);
  else if (command === 'failover') await failover(args);
  else fail(USAGE);
});
