// The node settings are written at every start, not only at init: a node whose configuration holds other
// values (a cluster under .data/citus created by an older version, or an edit since) runs with today's
// settings (nodeSettings in cluster.ts) after a restart. One node of a Citus cluster, started, changed the
// way an older version left it, restarted; SHOW tells what it runs with.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { withClient } from '../../client';
import { findPgBinaries } from '../binaries';
import { chownToServerUser } from '../os-user';
import {
  CITUS_SHARD_COUNT,
  type CitusNode,
  initNode,
  NODE_SETTINGS_FILE,
  nodeUrl,
  startNode,
  stopNode,
} from './cluster';
import { citusInstalled, ensureCitusInstalled } from './install';
import { ensurePasswords } from './secrets';

const root = mkdtempSync(join(tmpdir(), 'b2b-citus-settings-'));
chownToServerUser(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Citus node settings', () => {
  test('are written at every start: an older configuration gets today settings on restart', async (ctx) => {
    const found = findPgBinaries();
    if (!found || !citusInstalled(found)) {
      const why = 'needs Citus installed (pnpm db:citus up builds it from the vendored source)';
      console.warn(`citus node settings: skipped: ${why}`);
      ctx.skip(why);
    }
    const binaries = ensureCitusInstalled(() => {});
    const passwords = ensurePasswords(root);
    const node: CitusNode = { name: 'coordinator', dataDir: join(root, 'coordinator'), port: 6480 };
    await initNode(root, node, true, passwords, binaries, true);
    const show = async (setting: string) =>
      withClient(nodeUrl(node, passwords), async (c) => {
        const { rows } = await c.query<{ value: string }>(`select current_setting($1) as value`, [setting]);
        return rows[0]?.value;
      });
    try {
      node.port = await startNode(root, node, binaries, { coordinator: true, ephemeral: true });
      expect(await show('citus.shard_count')).toBe(String(CITUS_SHARD_COUNT));
      await stopNode(node.dataDir, binaries);

      // what an older version left: its settings appended to postgresql.conf, no conf.d include, and a
      // settings file of its own day
      const conf = join(node.dataDir, 'postgresql.conf');
      writeFileSync(
        conf,
        `${readFileSync(conf, 'utf8').replace("include_dir = 'conf.d'", '')}\ncitus.shard_count = 32\nmax_connections = 100\ncitus.allow_modifications_from_workers_to_replicated_tables = on\n`,
      );
      writeFileSync(join(node.dataDir, NODE_SETTINGS_FILE), 'citus.shard_count = 7\n');

      node.port = await startNode(root, node, binaries, { coordinator: true, ephemeral: true });
      expect(await show('citus.shard_count')).toBe(String(CITUS_SHARD_COUNT));
      expect(await show('max_connections')).toBe('300');
      expect(await show('citus.allow_modifications_from_workers_to_replicated_tables')).toBe('off');
      expect(readFileSync(conf, 'utf8').match(/^include_dir = 'conf\.d'$/gm)).toHaveLength(1);
    } finally {
      await stopNode(node.dataDir, binaries, 'immediate').catch(() => {});
    }
  }, 120_000);
});
