// The physical backup: pg_basebackup of the development cluster (plain format, with the WAL it needs and
// a SHA-256 backup manifest, checked by pg_verifybackup), recovered later with the archived WAL.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { listBackups } from './layout';
import { pgBin, runTool, spawnTool } from './tools';

export interface BaseBackupInfo {
  name: string;
  dir: string;
  label: string;
  startedAt: string;
  /** When pg_basebackup finished: a recovery target must be later than this. */
  endedAt: string;
  startLsn: string;
  /** The segment the backup starts in; pg_archivecleanup removes the archived segments before it. */
  startWalFile: string;
  /** The archive's history file for this backup (000000010000000000000002.00000028.backup). */
  backupHistoryFile: string;
  bytes: number;
}

/** Refuses (naming the fix) unless the cluster archives its WAL and has WAL senders. */
export async function requireArchiving(adminUrl: string): Promise<{ archiveCommand: string }> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ mode: string; level: string; command: string; senders: string }>(
      `select current_setting('archive_mode') as mode, current_setting('wal_level') as level,
         current_setting('archive_command') as command, current_setting('max_wal_senders') as senders`,
    );
    const s = rows[0];
    if (!s || s.mode === 'off' || s.level === 'minimal' || Number(s.senders) < 2) {
      throw new Error(
        `The development cluster runs without WAL archiving (archive_mode=${s?.mode}, wal_level=${s?.level}, ` +
          `max_wal_senders=${s?.senders}): it was started before archiving was configured. Restart it with ` +
          '`pnpm db:down && pnpm db:up` (data kept), then back up again.',
      );
    }
    return { archiveCommand: s.command };
  } finally {
    await client.end();
  }
}

/** Parses backup_label: START WAL LOCATION: 0/2000028 (file 000000010000000000000002), START TIME: ... */
export function parseBackupLabel(text: string): {
  startLsn: string;
  startWalFile: string;
  startTime: string;
} {
  const wal = /^START WAL LOCATION: ([0-9A-F]+\/[0-9A-F]+) \(file ([0-9A-F]{24})\)$/m.exec(text);
  const time = /^START TIME: (.+)$/m.exec(text);
  if (!wal?.[1] || !wal[2] || !time?.[1]) throw new Error(`not a backup_label:\n${text}`);
  return { startLsn: wal[1], startWalFile: wal[2], startTime: time[1] };
}

/** The archive's name for a backup's history file: <segment>.<offset in the segment, 8 hex>.backup. */
export function backupHistoryFile(
  startLsn: string,
  startWalFile: string,
  segmentBytes = 16 * 1024 * 1024,
): string {
  const [hi, lo] = startLsn.split('/').map((h) => BigInt(`0x${h}`));
  const lsn = ((hi ?? 0n) << 32n) | (lo ?? 0n);
  const offset = lsn % BigInt(segmentBytes);
  return `${startWalFile}.${offset.toString(16).toUpperCase().padStart(8, '0')}.backup`;
}

export interface BaseBackupOptions {
  /** host and port of the cluster (pg_basebackup connects as postgres over its replication protocol). */
  port: number;
  dir: string;
  name: string;
  say: (line: string) => void;
}

export async function backupBase(options: BaseBackupOptions): Promise<BaseBackupInfo> {
  const { dir, say } = options;
  const label = `b2b-base-${options.name}`;
  const startedAt = new Date().toISOString();
  say(`pg_basebackup -> ${dir} (plain format, WAL streamed, fast checkpoint, SHA-256 manifest)`);
  const basebackup = spawnTool(
    pgBin('pg_basebackup'),
    [
      '--host=127.0.0.1',
      `--port=${options.port}`,
      '--username=postgres',
      `--pgdata=${dir}`,
      '--format=plain',
      '--wal-method=stream',
      '--checkpoint=fast',
      '--manifest-checksums=SHA256',
      `--label=${label}`,
      '--progress',
      '--no-sync',
    ],
    ['ignore', 'ignore', 'pipe'],
  );
  // --progress redraws one line on stderr: pass it through as it comes
  basebackup.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  await basebackup.done;
  process.stderr.write('\n');
  const endedAt = new Date().toISOString();
  say('pg_verifybackup: every file against the backup manifest, and the WAL it needs');
  await runTool(pgBin('pg_verifybackup'), ['--quiet', dir]);
  const parsed = parseBackupLabel(readFileSync(join(dir, 'backup_label'), 'utf8'));
  const bytes = Number((await runTool('du', ['-sb', dir])).split(/\s+/)[0]);
  const info: BaseBackupInfo = {
    name: options.name,
    dir,
    label,
    startedAt,
    endedAt,
    startLsn: parsed.startLsn,
    startWalFile: parsed.startWalFile,
    backupHistoryFile: backupHistoryFile(parsed.startLsn, parsed.startWalFile),
    bytes,
  };
  writeFileSync(`${dir}.json`, `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

/** The base backups of `root` with their info, oldest first (one without its .json is incomplete: left out). */
export function listBaseBackups(root: string): BaseBackupInfo[] {
  return listBackups(root, 'base')
    .map((name) => join(root, 'base', `${name}.json`))
    .filter((path) => existsSync(path))
    .map((path) => JSON.parse(readFileSync(path, 'utf8')) as BaseBackupInfo);
}
