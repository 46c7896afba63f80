// Closed-loop load: `clients` connections each run `op` back to back for `seconds`; latencies in ms.
import pg from 'pg';

export interface LatencyResult {
  operations: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

export async function measureLatency(
  url: string,
  clients: number,
  seconds: number,
  op: (client: pg.Client, i: number) => Promise<unknown>,
): Promise<LatencyResult> {
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  try {
    await Promise.all(
      connections.map(async (client, worker) => {
        for (let i = worker; performance.now() < deadline; i += clients) {
          const t = performance.now();
          await op(client, i);
          latencies.push(performance.now() - t);
        }
      }),
    );
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    operations: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}
