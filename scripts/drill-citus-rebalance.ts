// `pnpm drill:citus-rebalance [--fast] [--placers 4] [--warmup 5] [--no-isolate] [--no-orders] [--port 6650]
// [--transfer-mode block_writes|auto|force_logical] [--stall 180]`:
// on a throwaway Citus cluster, add a third worker and rebalance while orders are placed, then isolate the
// largest tenant onto a fourth worker; prove with per-tenant counts and checksums of every distributed
// table that no row was lost or duplicated; exits non-zero when a check fails. See docs/scaling.md.
import { parseArgs } from 'node:util';
import { log, main } from './lib/cli';
import { runRebalanceDrill, TRANSFER_MODES, type TransferMode } from './lib/drills/citus-rebalance';

function whole(value: string | undefined, fallback: number, flag: string, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${flag} takes a whole number >= ${min}, got "${value}"`);
  return n;
}

main(async () => {
  const { values } = parseArgs({
    options: {
      fast: { type: 'boolean', default: false },
      placers: { type: 'string' },
      warmup: { type: 'string' },
      'no-isolate': { type: 'boolean', default: false },
      'no-orders': { type: 'boolean', default: false },
      port: { type: 'string' },
      'transfer-mode': { type: 'string', default: 'block_writes' },
      stall: { type: 'string' },
    },
  });
  const mode = values['transfer-mode'] as TransferMode;
  if (!TRANSFER_MODES.includes(mode))
    throw new Error(`--transfer-mode takes ${TRANSFER_MODES.join(', ')}, got "${values['transfer-mode']}"`);
  const ok = await runRebalanceDrill({
    fast: values.fast,
    placers: values['no-orders'] ? 0 : whole(values.placers, values.fast ? 2 : 4, '--placers'),
    warmupSeconds: values['no-orders'] ? 0 : whole(values.warmup, values.fast ? 2 : 5, '--warmup'),
    isolate: !values['no-isolate'],
    port: whole(values.port, 6650, '--port', 1024),
    transferMode: mode,
    stallSeconds: whole(values.stall, 180, '--stall', 1),
    say: log,
  });
  if (!ok) throw new Error('rebalancing drill FAILED');
  log('rebalancing drill passed: no row lost or duplicated, every acknowledged order there and complete');
});
