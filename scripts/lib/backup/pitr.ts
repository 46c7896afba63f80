// Point-in-time recovery: a new cluster from a base backup, replaying the archived WAL up to a named
// restore point (pg_create_restore_point) or a time, then promoted so that it accepts writes. The
// development cluster is not touched.
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chownToServerUser, freePort, startCluster, stopCluster } from '@b2b/testing/provider';
import pg from 'pg';
import type { BaseBackupInfo } from './base';
import { clusterParentDir } from './layout';
import { runTool, stamp } from './tools';

/** Preferred first port of recovered clusters (the next free one is taken). */
export const PITR_PORT = 6520;

export type RecoveryTarget = { name: string } | { time: Date };

/** `--to` as given: an ISO time (with a zone, or UTC) is a time, anything else a restore point's name. */
export function parseTarget(to: string): RecoveryTarget {
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(to)) {
    const withZone = /(Z|[+-]\d{2}(:?\d{2})?)$/.test(to) ? to : `${to}Z`;
    const time = new Date(withZone.replace(' ', 'T'));
    if (Number.isNaN(time.getTime())) throw new Error(`not a time: ${to}`);
    return { time };
  }
  if (!/^[A-Za-z0-9_.:-]{1,63}$/.test(to)) throw new Error(`not a restore point name: ${to}`);
  return { name: to };
}

/**
 * The base backup to start from: for a time, the newest that ended before it; for a restore point (whose
 * position the archive does not index), the newest, unless the caller names one.
 */
export function chooseBase(bases: BaseBackupInfo[], target: RecoveryTarget, named?: string): BaseBackupInfo {
  if (named) {
    const found = bases.find((b) => b.name === named);
    if (!found)
      throw new Error(
        `no base backup ${named} (there are: ${bases.map((b) => b.name).join(', ') || 'none'})`,
      );
    return found;
  }
  const usable = 'time' in target ? bases.filter((b) => new Date(b.endedAt) < target.time) : bases;
  const base = usable.at(-1);
  if (!base) {
    throw new Error(
      'time' in target
        ? `no base backup ended before ${target.time.toISOString()} (take one with pnpm db:backup; the oldest is ${bases[0]?.endedAt ?? 'none'})`
        : 'no base backup: take one with `pnpm db:backup`',
    );
  }
  return base;
}

/** The recovery settings written to the new cluster's postgresql.auto.conf. */
export function recoverySettings(archiveDir: string, target: RecoveryTarget): string[] {
  return [
    `restore_command = 'cp ${archiveDir}/%f %p'`,
    'name' in target
      ? `recovery_target_name = '${target.name}'`
      : `recovery_target_time = '${target.time.toISOString()}'`,
    // the target's own transaction (for a time: those committed at exactly it) is included
    'recovery_target_inclusive = on',
    // open for writes at the target: the recovered cluster is a new primary on a new timeline
    `recovery_target_action = 'promote'`,
    // no read-only connections while recovering: the server opens once promoted (so "accepting connections"
    // is the RTO's end), and the primary's connection and WAL sender limits need not be matched
    'hot_standby = off',
  ];
}

export interface RecoveredCluster {
  dataDir: string;
  port: number;
  url: string;
  base: BaseBackupInfo;
  /**
   * From the command's start: the base backup copied; the replay past the backup's end (consistent, still
   * recovering, no connections yet); promoted and accepting connections (the RTO).
   */
  seconds: { copy: number; consistent: number; promoted: number };
  /** The server log's line saying where recovery stopped. */
  stoppedAt: string;
  discard(): Promise<void>;
}

/**
 * Waits until the server accepts connections out of recovery. pg_ctl -w returns earlier, once recovery is
 * under way and consistent (with hot_standby off it reports the server as a standby), so a recovery that
 * then fails ends here: the postmaster is gone (no postmaster.pid).
 */
async function promoted(url: string, dataDir: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!existsSync(join(dataDir, 'postmaster.pid'))) throw new Error('the server stopped during recovery');
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ r: boolean }>('select pg_is_in_recovery() as r');
      if (rows[0]?.r === false) return;
    } catch {
      // still starting
    } finally {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline) throw new Error('the recovered cluster did not leave recovery in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Copies `base` into a new data directory, configures recovery to `target` from `archiveDir`, starts it
 * and waits until it is promoted. `startedAt` (performance.now() at the command's start) is what the
 * timings count from. Throws with the server log's last lines when recovery fails (for example a target
 * the WAL never reaches: "recovery ended before configured recovery target was reached").
 */
export async function recover(options: {
  base: BaseBackupInfo;
  archiveDir: string;
  target: RecoveryTarget;
  startedAt: number;
  say: (line: string) => void;
  timeoutSeconds?: number;
}): Promise<RecoveredCluster> {
  const { base, say } = options;
  const dataDir = join(clusterParentDir(), `pitr-${stamp()}`);
  if (existsSync(dataDir)) throw new Error(`${dataDir} exists already`);
  say(`copying base backup ${base.name} (${(base.bytes / 1e6).toFixed(0)} MB) -> ${dataDir}`);
  await runTool('cp', ['-a', base.dir, dataDir]);
  rmSync(join(dataDir, 'sock'), { recursive: true, force: true });
  writeFileSync(join(dataDir, 'server.log'), '');
  appendFileSync(
    join(dataDir, 'postgresql.auto.conf'),
    `${recoverySettings(options.archiveDir, options.target).join('\n')}\n`,
  );
  writeFileSync(join(dataDir, 'recovery.signal'), '');
  await runTool('chmod', ['-R', 'go-rwx', dataDir]);
  chownToServerUser(dataDir);
  const copied = performance.now();
  const timeout = options.timeoutSeconds ?? 4 * 3600;
  const target =
    'name' in options.target ? `restore point "${options.target.name}"` : options.target.time.toISOString();
  say(`replaying the archived WAL to ${target}`);
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  try {
    cluster = await startCluster({
      dataDir,
      port: await freePort(PITR_PORT),
      ephemeral: false,
      archive: false,
      waitSeconds: timeout,
    });
    const consistent = performance.now();
    await promoted(cluster.url, dataDir, timeout * 1000);
    const done = performance.now();
    const log = readFileSync(join(dataDir, 'server.log'), 'utf8');
    const stoppedAt = /recovery stopping [^\n]*/.exec(log)?.[0] ?? '(no "recovery stopping" line in the log)';
    return {
      dataDir,
      port: cluster.port,
      url: cluster.url,
      base,
      seconds: {
        copy: (copied - options.startedAt) / 1000,
        consistent: (consistent - options.startedAt) / 1000,
        promoted: (done - options.startedAt) / 1000,
      },
      stoppedAt,
      async discard() {
        await stopCluster(dataDir, 'immediate').catch(() => {});
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = existsSync(join(dataDir, 'server.log'))
      ? readFileSync(join(dataDir, 'server.log'), 'utf8')
      : '';
    await stopCluster(dataDir, 'immediate').catch(() => {});
    // the startup process's reason, not the refusals our own connection attempts got while it recovered
    const fatal = /FATAL: +(?!the database system is )[^\n]*/.exec(log)?.[0];
    throw new Error(
      `recovery to ${target} failed${fatal ? `: ${fatal}` : ''} (the recovered cluster is left in ${dataDir} to look at)\n${(error as Error).message}`,
    );
  }
}
