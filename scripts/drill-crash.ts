// `pnpm drill:crash [--runs 5] [--placers 50] [--seconds 6] [--kill alternate|postmaster|backend] [--unsafe]`:
// kill -9 under order load, restart, and prove that every acknowledged order is there and complete, that
// amcheck finds every btree index clean and that stock reconciles; exits non-zero when a check fails.
// See docs/operations.md (## Crash recovery).
import { parseArgs } from 'node:util';
import { log, main } from './lib/cli';
import { type KillTarget, runCrashDrill } from './lib/drills/crash';

function whole(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number >= 1, got "${value}"`);
  return n;
}

main(async () => {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string' },
      placers: { type: 'string' },
      seconds: { type: 'string' },
      kill: { type: 'string', default: 'alternate' },
      unsafe: { type: 'boolean', default: false },
    },
  });
  if (!['alternate', 'postmaster', 'backend'].includes(values.kill)) {
    throw new Error(`--kill takes alternate, postmaster or backend, got "${values.kill}"`);
  }
  const ok = await runCrashDrill({
    runs: whole(values.runs, 5, '--runs'),
    placers: whole(values.placers, 50, '--placers'),
    seconds: whole(values.seconds, 6, '--seconds'),
    kill: values.kill as KillTarget | 'alternate',
    unsafe: values.unsafe,
    say: log,
  });
  if (!ok) throw new Error('crash drill FAILED');
  log('crash drill passed: nothing acknowledged was lost, every index is clean, stock reconciles');
});
