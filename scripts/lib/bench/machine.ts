// What the figures were measured on: printed with every result, since they mean little without it.
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { withClient } from '@b2b/testing';

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  sharedBuffers: string;
  /** Durability settings: a commit that waits for the WAL flush bounds every write workload. */
  synchronousCommit: string;
  fsync: string;
  /** 1-minute load average when the run started: well above the core count means a busy machine. */
  loadAverage: number;
}

export async function describeMachine(adminUrl: string): Promise<Machine> {
  const server = await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{
      version: string;
      shared_buffers: string;
      synchronous_commit: string;
      fsync: string;
    }>(
      `select current_setting('server_version') as version, current_setting('shared_buffers') as shared_buffers,
         current_setting('synchronous_commit') as synchronous_commit, current_setting('fsync') as fsync`,
    );
    return rows[0];
  });
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${type()} ${release()}`,
    node: process.version,
    postgres: server?.version ?? 'unknown',
    sharedBuffers: server?.shared_buffers ?? 'unknown',
    synchronousCommit: server?.synchronous_commit ?? 'unknown',
    fsync: server?.fsync ?? 'unknown',
    loadAverage: loadavg()[0] ?? Number.NaN,
  };
}

export function formatMachine(m: Machine): string {
  return [
    `${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB RAM, ${m.os}`,
    `PostgreSQL ${m.postgres} (shared_buffers ${m.sharedBuffers}, synchronous_commit ${m.synchronousCommit}, fsync ${m.fsync}), Node ${m.node}`,
    `load average at start: ${m.loadAverage.toFixed(2)} (1 min)`,
  ].join('\n');
}
