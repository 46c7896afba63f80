// Where backups live: `.data/backups/` of the checkout (git-ignored), or --dir. One folder per backup,
// named by its UTC start time, so a listing sorts oldest first:
//   logical/<stamp>/<database>.dump[.enc]  + .sha256 (sha256sum format) + manifest.json
//   base/<stamp>/                           pg_basebackup's copy of the data directory (with backup_manifest)
//   base/<stamp>.json                       when it started and ended, its first WAL segment
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { devClusterState, repoRoot } from '@b2b/testing/provider';

export const DEFAULT_BACKUP_DIR = join(repoRoot, '.data', 'backups');

export function backupRoot(dir?: string): string {
  return dir ?? process.env.B2B_BACKUP_DIR ?? DEFAULT_BACKUP_DIR;
}

/** The backups of one kind, oldest first (folder names are time stamps). */
export function listBackups(root: string, kind: 'logical' | 'base'): string[] {
  const dir = join(root, kind);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d{8}T\d{6}Z(-\d+)?$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** A new, empty folder `<root>/<kind>/<stamp>` (a suffix when two backups start in the same second). */
export function newBackupDir(root: string, kind: 'logical' | 'base', name: string): string {
  for (let n = 1; ; n++) {
    const dir = join(root, kind, n === 1 ? name : `${name}-${n}`);
    if (!existsSync(dir)) {
      mkdirSync(dirname(dir), { recursive: true });
      return dir;
    }
  }
}

/**
 * Where clusters made by restore and recovery go: beside the development cluster's data directory (a
 * folder the server's OS user can reach), else /var/tmp.
 */
export function clusterParentDir(): string {
  const state = devClusterState();
  return state ? dirname(state.dataDir) : '/var/tmp';
}
