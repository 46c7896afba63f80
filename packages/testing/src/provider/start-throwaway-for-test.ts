// Used by throwaway-cluster.test.ts: starts a throwaway cluster, prints where it is, then waits to be killed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startThrowawayCluster } from './local-cluster';

const cluster = await startThrowawayCluster();
const postmasterPid = Number(readFileSync(join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
process.stdout.write(`${JSON.stringify({ dataDir: cluster.dataDir, postmasterPid })}\n`);
setInterval(() => {}, 1000);
