// pgbench on the same server in the same run: the baseline every benchmark prints its ratios against.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findPgBinaries } from '@b2b/testing/provider';

const run = promisify(execFile);

function pgbenchPath(): string {
  const bindir = findPgBinaries()?.bindir;
  const candidates = [bindir && join(bindir, 'pgbench'), '/usr/lib/postgresql/15/bin/pgbench'].filter(
    Boolean,
  ) as string[];
  return candidates.find((c) => existsSync(c)) ?? 'pgbench';
}

/** Initialises pgbench tables (scale `scale`) in the database at `url`. */
export async function initPgbench(url: string, scale: number): Promise<void> {
  await run(pgbenchPath(), ['-i', '-q', '-s', String(scale), url], { maxBuffer: 16 << 20 });
}

/** Transactions per second; `selectOnly` runs pgbench's built-in select-only script (-S). */
export async function pgbenchTps(
  url: string,
  options: { clients: number; seconds: number; selectOnly: boolean },
): Promise<number> {
  const args = [
    '-n',
    '-c',
    String(options.clients),
    '-j',
    String(Math.min(options.clients, 2)),
    '-T',
    String(options.seconds),
  ];
  if (options.selectOnly) args.push('-S');
  const { stdout } = await run(pgbenchPath(), [...args, url], { maxBuffer: 16 << 20 });
  const match = /tps = ([\d.]+)/.exec(stdout);
  if (!match) throw new Error(`could not read tps from pgbench:\n${stdout}`);
  return Number(match[1]);
}
