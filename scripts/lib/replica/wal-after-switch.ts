// What an asynchronous replica did not have when its primary died, read from the dead primary's own WAL:
// the promoted replica's timeline history names the LSN where its history leaves the old primary's (the end
// of what it replayed); pg_waldump lists the old primary's records after that point. Their commit records
// are transactions the old primary made durable (and may have acknowledged) that the new primary lacks.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withClient } from '@b2b/testing';
import { findPgBinaries, serverTool } from '@b2b/testing/provider';

const run = promisify(execFile);

export interface WalAfterSwitch {
  /** Where the promoted node's timeline leaves the old one (pg_lsn text). */
  switchLsn: string;
  /** Bytes of the old primary's WAL past the switch point (to the start of its last readable record). */
  bytes: number;
  /** Commit records past the switch point: transactions the promoted node does not have. */
  commits: number;
}

function lsnToBigInt(lsn: string): bigint {
  const [hi, lo] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/** The switch point of the newest timeline of the (promoted) server at `adminUrl`. */
export async function switchPoint(adminUrl: string): Promise<string> {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ name: string }>(
      `select name from pg_ls_waldir() where name like '%.history' order by name desc limit 1`,
    );
    const name = rows[0]?.name;
    if (!name) throw new Error('the promoted server has no timeline history file');
    const file = await c.query<{ text: string }>('select pg_read_file($1) as text', [`pg_wal/${name}`]);
    const last = (file.rows[0]?.text ?? '').trim().split('\n').at(-1) ?? '';
    const lsn = last.split('\t')[1];
    if (!lsn) throw new Error(`no switch point in ${name}: ${last}`);
    return lsn;
  });
}

/** Reads the old primary's WAL (in `oldDataDir`, server stopped) from the promoted node's switch point on. */
export async function walAfterSwitch(oldDataDir: string, switchLsn: string): Promise<WalAfterSwitch> {
  const binaries = findPgBinaries();
  if (!binaries) throw new Error('no PostgreSQL binaries');
  const waldump = serverTool(binaries.bindir, 'pg_waldump');
  let out: string;
  try {
    ({ stdout: out } = await run(waldump, ['-p', join(oldDataDir, 'pg_wal'), '-s', switchLsn, '-t', '1'], {
      maxBuffer: 256 * 1024 * 1024,
    }));
  } catch (error) {
    // pg_waldump ends with an error at the end of the valid WAL: what it printed before is the answer.
    out = (error as { stdout?: string }).stdout ?? '';
  }
  const records = out.split('\n').filter((l) => l.startsWith('rmgr:'));
  const commits = records.filter((l) => /desc: COMMIT\b/.test(l)).length;
  const lastLsn = /lsn: ([0-9A-F]+\/[0-9A-F]+)/.exec(records.at(-1) ?? '')?.[1];
  const bytes = lastLsn ? Number(lsnToBigInt(lastLsn) - lsnToBigInt(switchLsn)) : 0;
  return { switchLsn, bytes, commits };
}
