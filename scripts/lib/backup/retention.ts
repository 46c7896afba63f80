// Retention: how many backups are kept, and which archived WAL goes with the base backups removed.
// The policy (docs/operations.md, Backup): the newest `keepBase` base backups, every archived WAL segment
// from the oldest kept base backup's start on (so any moment since then can be recovered), and the newest
// `keepLogical` logical dumps. WAL is removed by pg_archivecleanup, never by hand.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { listBaseBackups } from './base';
import { listBackups } from './layout';
import { pgBin, runTool } from './tools';

export interface RetentionPolicy {
  keepBase: number;
  keepLogical: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { keepBase: 2, keepLogical: 7 };

/** Which names of each list (oldest first) go: all but the newest `keep`. */
export function toRemove(names: string[], keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`keep at least 1 backup, not ${keep}`);
  return names.slice(0, Math.max(0, names.length - keep));
}

export interface PruneResult {
  removedBase: string[];
  removedLogical: string[];
  removedWalSegments: number;
  keptWalSegments: number;
  /** The oldest moment that can still be recovered: the end of the oldest kept base backup. */
  recoverableFrom?: string;
}

const walSegments = (archiveDir: string) =>
  readdirSync(archiveDir).filter((f) => /^[0-9A-F]{24}$/.test(f)).length;

/** Applies the policy to the backups under `root` and to the WAL archive `archiveDir` (when given). */
export async function prune(
  root: string,
  archiveDir: string | undefined,
  policy: RetentionPolicy,
  say: (line: string) => void,
): Promise<PruneResult> {
  const removedLogical = toRemove(listBackups(root, 'logical'), policy.keepLogical);
  for (const name of removedLogical) {
    rmSync(join(root, 'logical', name), { recursive: true, force: true });
    say(`removed logical backup ${name}`);
  }
  const bases = listBaseBackups(root);
  const removedBase = toRemove(
    bases.map((b) => b.name),
    policy.keepBase,
  );
  for (const name of removedBase) {
    rmSync(join(root, 'base', name), { recursive: true, force: true });
    rmSync(join(root, 'base', `${name}.json`), { force: true });
    say(`removed base backup ${name}`);
  }
  const oldestKept = bases.find((b) => !removedBase.includes(b.name));
  let removedWalSegments = 0;
  let keptWalSegments = 0;
  if (archiveDir && oldestKept) {
    const before = walSegments(archiveDir);
    // Removes every segment older than the one the oldest kept base backup starts in.
    await runTool(pgBin('pg_archivecleanup'), [archiveDir, oldestKept.backupHistoryFile], { asServer: true });
    keptWalSegments = walSegments(archiveDir);
    removedWalSegments = before - keptWalSegments;
    say(
      `WAL archive: removed ${removedWalSegments} segments older than ${oldestKept.startWalFile} ` +
        `(base backup ${oldestKept.name}), kept ${keptWalSegments}`,
    );
  } else if (archiveDir) {
    say('WAL archive: no base backup yet, so nothing is removed (the WAL is all there is to recover from)');
  }
  return {
    removedBase,
    removedLogical,
    removedWalSegments,
    keptWalSegments,
    recoverableFrom: oldestKept?.endedAt,
  };
}
