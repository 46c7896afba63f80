// The data at risk with WAL archiving (the RPO if the server's disk were lost now): the WAL written but
// not yet archived. Sampled from pg_stat_archiver while a load runs: bytes between the end of the last
// archived segment and the current WAL position, and how long ago the oldest of those bytes was written.
import pg from 'pg';

export const WAL_SEGMENT_BYTES = 16n * 1024n * 1024n;

/** An LSN ('16/B374D848') as a byte position. */
export function lsnBytes(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  if (!hi || !lo) throw new Error(`not an LSN: ${lsn}`);
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

/** Where the archived WAL ends: the end of segment file `name` (timeline, then log and segment, 8 hex each). */
export function segmentEnd(name: string, segmentBytes = WAL_SEGMENT_BYTES): bigint {
  if (!/^[0-9A-F]{24}$/.test(name)) throw new Error(`not a WAL segment name: ${name}`);
  const log = BigInt(`0x${name.slice(8, 16)}`);
  const seg = BigInt(`0x${name.slice(16, 24)}`);
  return (log * (0x100000000n / segmentBytes) + seg + 1n) * segmentBytes;
}

/**
 * The end of the archived WAL from pg_stat_archiver.last_archived_wal: a segment's end; for a backup
 * history or timeline file (000000010000000000000025.00000028.backup, 00000002.history), which says nothing
 * newer about the segments, what was known before.
 */
export function archivedEnd(lastArchived: string | null, before: bigint): bigint {
  if (lastArchived && /^[0-9A-F]{24}$/.test(lastArchived)) return segmentEnd(lastArchived);
  return before;
}

export interface LagSample {
  at: number;
  /** The current WAL insert position, bytes. */
  lsn: bigint;
  /** The end of the last archived segment, bytes (0 before anything was archived). */
  archivedTo: bigint;
}

export interface LagSummary {
  samples: number;
  maxBytes: number;
  /** Seconds since the oldest WAL byte not yet archived was written, at the worst sample. */
  maxSeconds: number;
  meanSeconds: number;
}

/** Summary of samples in time order: seconds at risk = now minus when the position first passed `archivedTo`. */
export function summarizeLag(samples: readonly LagSample[]): LagSummary {
  let maxBytes = 0;
  let maxSeconds = 0;
  let sumSeconds = 0;
  samples.forEach((s, i) => {
    const risk = s.lsn > s.archivedTo ? s.lsn - s.archivedTo : 0n;
    maxBytes = Math.max(maxBytes, Number(risk));
    let seconds = 0;
    if (risk > 0n) {
      // the first sample whose position was beyond what is archived now: that WAL is unarchived since then
      const first = samples.slice(0, i + 1).find((p) => p.lsn > s.archivedTo);
      seconds = first ? (s.at - first.at) / 1000 : 0;
    }
    maxSeconds = Math.max(maxSeconds, seconds);
    sumSeconds += seconds;
  });
  return {
    samples: samples.length,
    maxBytes,
    maxSeconds,
    meanSeconds: samples.length ? sumSeconds / samples.length : 0,
  };
}

/** Samples every `intervalMs` until stopped. */
export function sampleArchiveLag(adminUrl: string, intervalMs = 200) {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'b2b-drill-archive-lag' });
  const samples: LagSample[] = [];
  let stopping = false;
  const running = (async () => {
    await client.connect();
    while (!stopping) {
      const { rows } = await client.query<{ lsn: string; archived: string | null }>(
        'select pg_current_wal_insert_lsn()::text as lsn, last_archived_wal as archived from pg_stat_archiver',
      );
      const row = rows[0];
      if (row) {
        samples.push({
          at: performance.now(),
          lsn: lsnBytes(row.lsn),
          archivedTo: archivedEnd(row.archived, samples.at(-1)?.archivedTo ?? 0n),
        });
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    await client.end();
  })();
  return {
    async stop(): Promise<LagSummary> {
      stopping = true;
      await running;
      return summarizeLag(samples);
    },
  };
}

/** Switches to a new WAL segment and waits until the one holding everything written so far is archived. */
export async function archiveNow(
  adminUrl: string,
  timeoutMs = 120_000,
): Promise<{ segment: string; seconds: number }> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ segment: string }>(
      'select pg_walfile_name(pg_switch_wal()) as segment',
    );
    const segment = rows[0]?.segment ?? '';
    for (;;) {
      const { rows: archived } = await client.query<{ last: string | null; failed: string | null }>(
        'select last_archived_wal as last, last_failed_wal as failed from pg_stat_archiver',
      );
      const last = archived[0]?.last;
      if (last && /^[0-9A-F]{24}$/.test(last) && last.slice(8) >= segment.slice(8)) break;
      if (performance.now() - started > timeoutMs) {
        throw new Error(
          `WAL segment ${segment} was not archived within ${timeoutMs / 1000} s (last failed: ${archived[0]?.failed})`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return { segment, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
