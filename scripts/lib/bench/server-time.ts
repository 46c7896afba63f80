// Server time of one request, without the client: a PL/pgSQL loop on the server runs the request's
// statement once per sample, as the application role (row-level security applies), and times each call
// with clock_timestamp(). No protocol, no driver, no Node, no other client: what is left is the cost the
// server pays per request. Divided into the machine's cores it bounds the throughput any client could
// reach, and through Little's law the latency of N clients in a closed loop (see docs/benchmarks.md).
import { withClient } from '@b2b/testing';
import { type LatencySummary, summarize } from './percentiles';
import type { ServerCpu } from './server-cpu';

/** One request: the tenant it runs for, and the values its statement reads as `r ->> 'key'`. */
export type ServerSample = { tenantId: string } & Record<string, string>;

/**
 * Times `statement` (PL/pgSQL, e.g. `perform count(*) from catalog.product_page((r ->> 'tenantId')::uuid, (r ->> 'productId')::uuid, ...)`,
 * reading the sample as the jsonb `r`) once per sample, after one unmeasured pass over the same samples
 * (plans cached, pages in memory), in a single session as the role of `appUrl`. The statement is trusted
 * text from a suite, never user input.
 */
export async function serverTime(
  appUrl: string,
  samples: ServerSample[],
  statement: string,
): Promise<LatencySummary> {
  return summarize((await serverTimes(appUrl, samples, statement)).timesMs);
}

/**
 * serverTime's measurement, unsummarised: each sample's time in ms (in sample order, so that batches can
 * be pooled) and, with `cpu`, the server's CPU time over the measured pass (server-cpu.ts: sampled right
 * before and after the one statement that runs the measured loop, so it is that session's work plus
 * whatever else the server did meanwhile: on an otherwise idle server, the CPU of the calls themselves).
 */
export async function serverTimes(
  appUrl: string,
  samples: ServerSample[],
  statement: string,
  cpu?: ServerCpu,
): Promise<{ timesMs: number[]; serverCpuMs?: number }> {
  if (samples.length === 0) throw new Error('serverTime needs at least one sample');
  const notices: string[] = [];
  let serverCpuMs: number | undefined;
  await withClient(appUrl, async (client) => {
    client.on('notice', (n) => {
      if (n.message?.startsWith('server-time ')) notices.push(n.message.slice('server-time '.length));
    });
    await client.query('begin');
    await client.query(`select set_config('bench.samples', $1, true)`, [JSON.stringify(samples)]);
    const loop = (measure: boolean) => `
      do $loop$
      declare
        r jsonb;
        started timestamptz;
        times float8[] := '{}';
      begin
        for r in select * from jsonb_array_elements(current_setting('bench.samples')::jsonb) loop
          perform app.set_tenant((r ->> 'tenantId')::uuid);
          started := clock_timestamp();
          ${statement};
          times := times || extract(epoch from clock_timestamp() - started) * 1000;
        end loop;
        ${measure ? `raise notice 'server-time %', array_to_string(times, ',');` : ''}
      end
      $loop$`;
    await client.query(loop(false));
    const before = cpu?.sample();
    await client.query(loop(true));
    if (cpu && before !== undefined) serverCpuMs = cpu.sample() - before;
    await client.query('commit');
  });
  const timesMs = (notices[0] ?? '').split(',').filter(Boolean).map(Number);
  if (timesMs.length !== samples.length) {
    throw new Error(`server time: ${timesMs.length} timings for ${samples.length} samples`);
  }
  return { timesMs, ...(serverCpuMs === undefined ? {} : { serverCpuMs }) };
}

/**
 * What a server time allows on this machine: requests per second with every core busy on them and
 * nothing else, and so (Little's law, closed loop) the least mean latency of `clients` clients.
 */
export function serverCeiling(meanMs: number, cores: number, clients: number) {
  const perSecond = (cores * 1000) / meanMs;
  return { perSecond, minMeanLatencyMs: (clients * 1000) / perSecond };
}
