// Once per `pnpm db:test:citus`: a throwaway Citus cluster (a coordinator and two workers, Citus built
// first when missing), one distributed database migrated by the migrator (which distributes it), the test
// helpers installed; all stopped and deleted at the end. Per-file database clones do not work on Citus
// (CREATE DATABASE ... TEMPLATE copies no shards), so files share this database and isolate by tenant.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, splitSqlStatements } from '@b2b/migrate';
import type { TestProject } from 'vitest/node';
import { withClient } from '../client';
import { ensureDistributedDatabase, nodeUrl } from '../provider/citus/cluster';
import { startThrowawayCitusCluster } from '../provider/citus/lifecycle';
import { CITUS_LOGIN_ROLES } from '../provider/citus/secrets';
import { repoRoot } from '../provider/repo';
import { SQL_DIR } from '../template/build-template';
import './citus-context';

export const CITUS_TEST_DATABASE = 'b2b_citus_test';
const SUPPORT_DIR = join(repoRoot, 'db-tests', '_support');

let stop: (() => Promise<void>) | undefined;

async function teardown(): Promise<void> {
  const current = stop;
  stop = undefined;
  await current?.();
}

/** pgTAP and the `tests` helpers, one statement at a time (Citus propagates some DDL by its query text). */
async function installTestSupport(url: string): Promise<void> {
  const files = readdirSync(SUPPORT_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  await withClient(url, async (client) => {
    await client.query('begin');
    await client.query(`set local citus.multi_shard_modify_mode = 'sequential'`);
    await client.query('create schema if not exists tap');
    await client.query('create extension if not exists pgtap schema tap');
    for (const file of files) {
      for (const statement of splitSqlStatements(readFileSync(join(SUPPORT_DIR, file), 'utf8'))) {
        try {
          await client.query(statement);
        } catch (error) {
          throw new Error(
            `db-tests/_support/${file}: ${(error as Error).message}\n${statement.slice(0, 300)}`,
          );
        }
      }
    }
    await client.query('commit');
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const cluster = await startThrowawayCitusCluster(say);
  stop = cluster.stop;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      teardown().finally(() => process.exit(130));
    });
  }
  try {
    const [coordinator, ...workers] = cluster.nodes;
    if (!coordinator) throw new Error('the Citus cluster has no coordinator');
    await ensureDistributedDatabase(cluster, CITUS_TEST_DATABASE);
    const adminUrl = nodeUrl(coordinator, cluster.passwords, CITUS_TEST_DATABASE);
    const migrating = performance.now();
    await migrate({ url: adminUrl, sqlDir: SQL_DIR });
    const migrateMs = performance.now() - migrating;
    await installTestSupport(adminUrl);
    say(
      `Citus: coordinator 127.0.0.1:${coordinator.port}, workers ${workers.map((w) => `127.0.0.1:${w.port}`).join(', ')}; ` +
        `database ${CITUS_TEST_DATABASE} migrated and distributed in ${Math.round(migrateMs)} ms, ready in ${Math.round(performance.now() - started)} ms`,
    );
    project.provide('b2bCitus', {
      adminUrl,
      // b2b_owner logs in on the workers only (the coordinator's pg_hba.conf rejects it)
      roleUrls: Object.fromEntries(
        CITUS_LOGIN_ROLES.filter((role) => role !== 'b2b_owner').map((role) => [
          role,
          nodeUrl(coordinator, cluster.passwords, CITUS_TEST_DATABASE, role),
        ]),
      ),
      workerAdminUrls: workers.map((w) => nodeUrl(w, cluster.passwords, CITUS_TEST_DATABASE)),
    });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
