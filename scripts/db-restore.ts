// `pnpm db:restore [<backup folder>]`: restores a logical backup into a new database (or a fresh cluster)
// and verifies it against the backup's manifest: every table's rows and checksum, the privileges, and the
// search plans as the application role. Exits non-zero when a check fails. See docs/operations.md, Restore.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { backupRoot, listBackups } from './lib/backup/layout';
import { restoreLogical } from './lib/backup/restore';
import { log, main } from './lib/cli';
import { requireDevDatabase } from './lib/dev-database';

const USAGE = `usage: pnpm db:restore [<backup folder>] [--fresh-cluster] [--database <name>] [--key-file <file>] [--jobs <n>] [--drop-after]

  <backup folder>   a logical backup (default: the newest under .data/backups/logical, or B2B_BACKUP_DIR)
  --fresh-cluster   restore into a new cluster (initdb, port 6500 or the next free one) instead of a new
                    database of the development cluster
  --database        the new database's name (default <database>_restored_<time>)
  --key-file        the key file an encrypted dump was made with
  --jobs            pg_restore --jobs for an unencrypted dump (default 2)
  --drop-after      a drill: verify, then drop the restored database (and the fresh cluster)`;

main(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'fresh-cluster': { type: 'boolean', default: false },
      database: { type: 'string' },
      'key-file': { type: 'string' },
      jobs: { type: 'string' },
      'drop-after': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return log(USAGE);
  if (positionals.length > 1) throw new Error(USAGE);
  const root = backupRoot();
  const newest = listBackups(root, 'logical').at(-1);
  const backupDir = positionals[0] ?? (newest ? join(root, 'logical', newest) : undefined);
  if (!backupDir) throw new Error(`no logical backup under ${root}: take one with pnpm db:backup`);
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new Error('--jobs takes a whole number');
  const started = performance.now();
  const result = await restoreLogical({
    backupDir,
    freshCluster: values['fresh-cluster'],
    serverUrl: values['fresh-cluster'] ? undefined : (await requireDevDatabase()).adminUrl,
    database: values.database,
    keyFile: values['key-file'],
    jobs,
    say: log,
  });
  const failed = result.checks.filter((c) => !c.ok);
  for (const check of result.checks) {
    log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.check}`);
    for (const line of check.details) log(`       ${line.replace(/\n/g, '\n       ')}`);
  }
  const total = (performance.now() - started) / 1000;
  log(
    `restored ${result.manifest.database} (backup of ${result.manifest.takenAt}) into ${result.target.database}` +
      `${result.target.cluster ? ` on a fresh cluster at 127.0.0.1:${result.target.cluster.port} (${result.target.cluster.dataDir})` : ''}: ` +
      `restore ${result.seconds.restore.toFixed(1)} s, verify ${result.seconds.verify.toFixed(1)} s, ${total.toFixed(1)} s in all`,
  );
  if (values['drop-after']) {
    await result.target.discard();
    log(`dropped ${result.target.cluster ? 'the fresh cluster' : result.target.database} (--drop-after)`);
  } else {
    log(`  DATABASE_URL=${result.target.adminUrl}`);
  }
  if (failed.length)
    throw new Error(
      `the restored database differs from the backup: ${failed.map((c) => c.check).join(', ')} failed`,
    );
});
