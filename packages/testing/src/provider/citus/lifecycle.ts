// Starting and stopping whole Citus clusters: the persistent one of `pnpm db:citus` (in .data/citus/) and
// throwaway ones for `pnpm db:test:citus`, which a watchdog stops and deletes when their owner dies.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PgBinaries } from '../binaries';
import { asServerUser, chownToServerUser } from '../os-user';
import { repoRoot } from '../repo';
import {
  type CitusCluster,
  type CitusNode,
  initNode,
  nodeExists,
  nodeRunning,
  startNode,
  stopNode,
} from './cluster';
import { ensureCitusInstalled } from './install';
import { ensurePasswords, readPasswords } from './secrets';

export const CITUS_ROOT = join(repoRoot, '.data', 'citus');
/** The distributed database of `pnpm db:citus`. */
export const CITUS_DATABASE = 'b2b';
const STATE_FILE = 'cluster.json';
const WORKERS = 2;

interface CitusState {
  nodes: CitusNode[];
}

function readState(root: string): CitusState | undefined {
  const file = join(root, STATE_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CitusState) : undefined;
}

function writeState(root: string, state: CitusState): void {
  writeFileSync(join(root, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

function plannedNodes(root: string, preferredPort: number, workers: number): CitusNode[] {
  return ['coordinator', ...Array.from({ length: workers }, (_, i) => `worker-${i + 1}`)].map((name, i) => ({
    name,
    dataDir: join(root, name),
    port: preferredPort + i,
  }));
}

export interface StartOptions {
  root: string;
  preferredPort: number;
  workers?: number;
  /** Throwaway test clusters trade durability for speed. */
  ephemeral: boolean;
  say: (line: string) => void;
}

/**
 * Starts every node (initialising it on first use), Citus built first when missing. A node keeps its
 * port from run to run, since the coordinator's metadata names it: a recorded port taken by another
 * program is an error naming it.
 */
export async function startCitusCluster(
  options: StartOptions,
): Promise<CitusCluster & { binaries: PgBinaries; started: string[] }> {
  const binaries = ensureCitusInstalled(options.say);
  mkdirSync(options.root, { recursive: true });
  const passwords = ensurePasswords(options.root);
  const previous = readState(options.root);
  const nodes =
    previous?.nodes ?? plannedNodes(options.root, options.preferredPort, options.workers ?? WORKERS);
  const started: string[] = [];
  let nextPort = options.preferredPort;
  for (const [i, node] of nodes.entries()) {
    if (!nodeExists(node.dataDir)) {
      await initNode(options.root, node, i === 0, passwords, binaries, options.ephemeral);
      options.say(`initialised ${node.name} in ${node.dataDir}`);
    }
    if (await nodeRunning(node.dataDir, binaries)) continue;
    const port = await startNode(
      options.root,
      { ...node, port: previous ? node.port : Math.max(node.port, nextPort) },
      binaries,
    );
    if (previous && port !== node.port) {
      await stopNode(node.dataDir, binaries);
      throw new Error(
        `port ${node.port} of the Citus ${node.name}, recorded in the cluster's metadata, is taken by another program: free it and run this again`,
      );
    }
    node.port = port;
    nextPort = port + 1;
    started.push(`${node.name} on 127.0.0.1:${port}`);
  }
  writeState(options.root, { nodes });
  return { root: options.root, nodes, passwords, binaries, started };
}

/** The recorded cluster and whether each node runs; undefined when none was ever created here. */
export async function citusClusterState(
  root: string,
  binaries: PgBinaries,
): Promise<(CitusCluster & { running: boolean[] }) | undefined> {
  const state = readState(root);
  const passwords = readPasswords(root);
  if (!state || !passwords) return undefined;
  const running = await Promise.all(state.nodes.map((n) => nodeRunning(n.dataDir, binaries)));
  return { root, nodes: state.nodes, passwords, running };
}

/** Stops every running node (coordinator first, so no new distributed work starts); returns their names. */
export async function stopCitusCluster(root: string, binaries: PgBinaries): Promise<string[]> {
  const state = readState(root);
  if (!state) return [];
  const stopped: string[] = [];
  for (const node of state.nodes) {
    if (!(await nodeRunning(node.dataDir, binaries))) continue;
    await stopNode(node.dataDir, binaries);
    stopped.push(node.name);
  }
  return stopped;
}

export interface ThrowawayCitusOptions {
  /**
   * Workers initialised and started later, one per `startSpareWorker()` call (the rebalancing drill adds a
   * third worker); not yet in the cluster's metadata: the caller adds each with `citus_add_node`.
   */
  spareWorkers?: number;
  /** Throwaway clusters trade durability for speed (fsync off); a drill that wants the real costs says false. */
  ephemeral?: boolean;
}

export interface ThrowawayCitusCluster extends CitusCluster {
  /** Initialises and starts the next spare worker (it joins `nodes`); throws when none is left. */
  startSpareWorker(): Promise<CitusNode>;
  stop(): Promise<void>;
}

/**
 * A throwaway cluster for one test run, in a temporary folder. A detached watchdog stops every node and
 * deletes the folder as soon as this process is gone (Ctrl-C, a crash, kill -9).
 */
export async function startThrowawayCitusCluster(
  say: (line: string) => void,
  preferredPort = 6410,
  options: ThrowawayCitusOptions = {},
): Promise<ThrowawayCitusCluster> {
  const root = mkdtempSync(join(tmpdir(), 'b2b-test-citus-'));
  chownToServerUser(root);
  const binaries = ensureCitusInstalled(say);
  const spares = options.spareWorkers ?? 0;
  const ephemeral = options.ephemeral ?? true;
  const planned = plannedNodes(root, preferredPort, WORKERS + spares);
  const watchdog = spawnWatchdog(binaries, root, planned);
  try {
    const cluster = await startCitusCluster({ root, preferredPort, ephemeral, say });
    let stopped = false;
    let nextSpare = WORKERS + 1;
    return {
      ...cluster,
      async startSpareWorker() {
        const node = planned[nextSpare];
        if (!node) throw new Error(`this throwaway cluster has no spare worker left (${spares} planned)`);
        nextSpare++;
        await initNode(root, node, false, cluster.passwords, binaries, ephemeral);
        const last = cluster.nodes[cluster.nodes.length - 1];
        node.port = await startNode(
          root,
          { ...node, port: Math.max(node.port, (last?.port ?? 0) + 1) },
          binaries,
        );
        cluster.nodes.push(node);
        return node;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          for (const node of cluster.nodes)
            await stopNode(node.dataDir, binaries, 'immediate').catch(() => {});
        } finally {
          watchdog.kill();
          rmSync(root, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    for (const node of planned)
      if (await nodeRunning(node.dataDir, binaries))
        await stopNode(node.dataDir, binaries, 'immediate').catch(() => {});
    watchdog.kill();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

function spawnWatchdog(binaries: PgBinaries, root: string, nodes: CitusNode[]) {
  const quote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
  const stops = nodes.map((node) => {
    const [cmd, args] = asServerUser(join(binaries.bindir, 'pg_ctl'), [
      '-D',
      node.dataDir,
      '-m',
      'immediate',
      'stop',
    ]);
    return `[ -f ${quote(join(node.dataDir, 'postmaster.pid'))} ] && ${[cmd, ...args].map(quote).join(' ')} >/dev/null 2>&1`;
  });
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 0.5; done`,
    ...stops,
    `rm -rf ${quote(root)}`,
  ].join('; ');
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}
