// The persistent development cluster behind `pnpm db:up`, kept in the git-ignored .data/ folder.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  clusterExists,
  clusterIsRunning,
  clusterUrl,
  initCluster,
  type RunningCluster,
  startCluster,
  stopCluster,
} from './local-cluster';
import { serverUserCanReach } from './os-user';
import { repoRoot } from './repo';
import { publishCaFile } from './tls';

export const DEV_DATABASE = 'b2b_dev';
const STATE_FILE = join(repoRoot, '.data', 'dev-cluster.json');
const PREFERRED_PORT = 54329;
/** The development cluster's certificate authority (sslrootcert for sslmode=verify-full). */
export const DEV_CA_FILE = join(repoRoot, '.data', 'ca.crt');

interface DevState {
  dataDir: string;
  port: number;
}

function readState(): DevState | undefined {
  if (!existsSync(STATE_FILE)) return undefined;
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as DevState;
}

function writeState(state: DevState): void {
  mkdirSync(join(repoRoot, '.data'), { recursive: true });
  writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Where the cluster's files live: .data/pg, unless the server's OS user (as root: `postgres`)
 * cannot reach the checkout (for example under /root), then a folder under /var/tmp named after it.
 */
function chooseDataDir(): string {
  const dataRoot = join(repoRoot, '.data');
  mkdirSync(dataRoot, { recursive: true });
  if (serverUserCanReach(dataRoot)) return join(dataRoot, 'pg');
  const tag = createHash('sha256').update(repoRoot).digest('hex').slice(0, 12);
  return join('/var/tmp', `b2b-dev-pg-${tag}`);
}

export function devClusterState(): DevState | undefined {
  return readState();
}

/** Starts (initialising on first use) the development cluster; returns quickly when it already runs. */
export async function ensureDevCluster(): Promise<RunningCluster & { started: boolean; created: boolean }> {
  const previous = readState();
  const dataDir = previous?.dataDir ?? chooseDataDir();
  let created = false;
  if (!clusterExists(dataDir)) {
    await initCluster(dataDir);
    created = true;
  }
  if (previous && (await clusterIsRunning(dataDir))) {
    return {
      url: clusterUrl(previous.port),
      port: previous.port,
      dataDir,
      major: 0,
      caFile: existsSync(DEV_CA_FILE) ? DEV_CA_FILE : undefined,
      started: false,
      created,
    };
  }
  const cluster = await startCluster({
    dataDir,
    port: previous?.port ?? PREFERRED_PORT,
    ephemeral: false,
    tls: true,
  });
  writeState({ dataDir, port: cluster.port });
  // The data directory is the server user's alone (0700): clients read the authority from .data/.
  const caFile = cluster.caFile ? publishCaFile(cluster.caFile, DEV_CA_FILE) : undefined;
  return { ...cluster, caFile, started: true, created };
}

export async function stopDevCluster(): Promise<boolean> {
  const state = readState();
  if (!state || !(await clusterIsRunning(state.dataDir))) return false;
  await stopCluster(state.dataDir, 'fast');
  return true;
}

export async function devClusterRunning(): Promise<DevState | undefined> {
  const state = readState();
  if (state && (await clusterIsRunning(state.dataDir))) return state;
  return undefined;
}
