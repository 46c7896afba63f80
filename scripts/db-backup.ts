// `pnpm db:backup`: a logical dump of the development database (checksummed, with a manifest of every
// table's rows and checksum and of the privileges, optionally encrypted) and a physical base backup of its
// cluster (pg_basebackup; the cluster archives its WAL continuously). `--prune` applies the retention
// policy instead. See docs/operations.md, Backup.
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { devClusterRunning, walArchiveDir } from '@b2b/testing/provider';
import { backupBase, requireArchiving } from './lib/backup/base';
import { backupRoot, newBackupDir } from './lib/backup/layout';
import { backupLogical } from './lib/backup/logical';
import { DEFAULT_RETENTION, prune } from './lib/backup/retention';
import { stamp } from './lib/backup/tools';
import { log, main } from './lib/cli';
import { requireDevDatabase } from './lib/dev-database';

const USAGE = `usage: pnpm db:backup [--logical-only | --base-only] [--encrypt-key-file <file>] [--dir <folder>]
       pnpm db:backup --prune [--keep-base <n>] [--keep-logical <n>] [--dir <folder>]

  (default)             a logical dump of the development database and a base backup of its cluster
  --logical-only        only the dump (works on a DATABASE_URL server too)
  --base-only           only the base backup (the local development cluster)
  --encrypt-key-file    encrypt the dump with openssl aes-256-cbc, key derived (PBKDF2) from this file
  --dir                 where backups go (default .data/backups, or B2B_BACKUP_DIR)
  --prune               apply the retention policy and back up nothing: keep the newest --keep-base base
                        backups (default ${DEFAULT_RETENTION.keepBase}) and the archived WAL from the oldest of them on, and the
                        newest --keep-logical dumps (default ${DEFAULT_RETENTION.keepLogical})`;

function count(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${flag} takes a whole number of at least 1, got "${value}"`);
  return n;
}

function checkKeyFile(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0)
    throw new Error(`--encrypt-key-file ${path}: no such file, or empty`);
  if (statSync(path).mode & 0o077) {
    log(
      `warning: ${path} can be read by other users (chmod 600 it); the backup is only as secret as its key`,
    );
  }
}

main(async () => {
  const { values } = parseArgs({
    options: {
      'logical-only': { type: 'boolean', default: false },
      'base-only': { type: 'boolean', default: false },
      'encrypt-key-file': { type: 'string' },
      dir: { type: 'string' },
      prune: { type: 'boolean', default: false },
      'keep-base': { type: 'string' },
      'keep-logical': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return log(USAGE);
  const root = backupRoot(values.dir);
  const cluster = await devClusterRunning();

  if (values.prune) {
    const policy = {
      keepBase: count(values['keep-base'], DEFAULT_RETENTION.keepBase, '--keep-base'),
      keepLogical: count(values['keep-logical'], DEFAULT_RETENTION.keepLogical, '--keep-logical'),
    };
    log(
      `retention: newest ${policy.keepBase} base backups and their WAL, newest ${policy.keepLogical} logical dumps (${root})`,
    );
    const result = await prune(root, cluster ? walArchiveDir(cluster.dataDir) : undefined, policy, log);
    log(
      `removed ${result.removedBase.length} base backups, ${result.removedLogical.length} logical dumps, ` +
        `${result.removedWalSegments} WAL segments; recoverable from ${result.recoverableFrom ?? '(no base backup)'}`,
    );
    return;
  }
  if (values['logical-only'] && values['base-only'])
    throw new Error(`--logical-only or --base-only, not both\n${USAGE}`);
  if (values['encrypt-key-file']) checkKeyFile(values['encrypt-key-file']);
  const db = await requireDevDatabase();
  const name = stamp();
  mkdirSync(root, { recursive: true });
  chmodSync(root, 0o700); // the dumps hold every tenant's data: for this OS user only

  if (!values['base-only']) {
    const dir = newBackupDir(root, 'logical', name);
    mkdirSync(dir);
    const started = performance.now();
    const manifest = await backupLogical({
      adminUrl: db.adminUrl,
      dir,
      keyFile: values['encrypt-key-file'],
      say: log,
    });
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    log(
      `logical backup ${dir}: ${manifest.dump.file} ${(manifest.dump.bytes / 1e6).toFixed(1)} MB, ` +
        `${manifest.tables.length} tables, ${rows.toLocaleString('en')} rows, ${manifest.privileges.length} privilege facts, ` +
        `sha256 ${manifest.dump.sha256.slice(0, 16)}..., in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  if (!values['logical-only']) {
    if (!cluster)
      throw new Error(
        'a base backup needs the local development cluster (pnpm db:up); with DATABASE_URL use --logical-only',
      );
    await requireArchiving(db.adminUrl);
    const dir = newBackupDir(root, 'base', name);
    const started = performance.now();
    const info = await backupBase({ port: cluster.port, dir, name: dir.split('/').at(-1) ?? name, say: log });
    log(
      `base backup ${dir}: ${(info.bytes / 1e6).toFixed(0)} MB, starts at WAL ${info.startLsn} (${info.startWalFile}), ` +
        `verified, in ${((performance.now() - started) / 1000).toFixed(1)} s; WAL archive ${walArchiveDir(cluster.dataDir)}`,
    );
  }
});
