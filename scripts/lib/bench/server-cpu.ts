// CPU the database server spent, from the kernel's own accounting of its processes (/proc/<pid>/stat):
// the postmaster's utime + stime, plus every live child's (backends, WAL writer, checkpointer, autovacuum),
// plus the postmaster's cutime + cstime (what its children that exited, and were reaped, had spent: the
// backends of a pgbench run, autovacuum workers). A difference of two samples is the whole server's CPU
// time over that window, whatever caused it, and nothing of any other process on the machine (the load
// generator, other clusters, other engineers' tests).
//
// Why this and not pg_stat_statements: its total_exec_time is wall time (lock waits, I/O and time spent
// off-CPU while the 2 shared cores run something else all count), it leaves out parse, commit (the WAL
// flush), trigger queues run at commit, and the background work the writes cause. pg_stat_kcache would
// give per-statement CPU, but Debian does not package it for PostgreSQL 15. The kernel's figure is CPU
// only, per server: on a machine shared with other work it moves much less than a tps figure does.
//
// Only for a server on this machine (the local development cluster): with DATABASE_URL elsewhere, or a
// /proc that does not show the server's processes, `openServerCpu` returns undefined and the report
// prints no CPU column.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { withClient } from '@b2b/testing';

/** Clock ticks per second of utime/stime (getconf CLK_TCK; 100 on Linux). */
function clockTicks(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

interface Stat {
  ppid: number;
  /** utime + stime, in clock ticks. */
  own: number;
  /** cutime + cstime: reaped children's, in clock ticks. */
  children: number;
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
export function parseStat(text: string): Stat | undefined {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17
  const n = (field: number) => Number(fields[field - 3]);
  const stat = { ppid: n(4), own: n(14) + n(15), children: n(16) + n(17) };
  return Number.isFinite(stat.own) && Number.isFinite(stat.children) ? stat : undefined;
}

function readStat(pid: number): Stat | undefined {
  try {
    return parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined; // gone between the listing and the read
  }
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

/**
 * The database of a client backend from its process title (`postgres: b2b_app b2b_bench_orders
 * 127.0.0.1(40112) idle`), undefined for every other process (autovacuum workers name a database too:
 * `postgres: autovacuum worker b2b_bench_orders`, and are left out).
 */
export function backendDatabase(title: string): string | undefined {
  const match = /^postgres: (\S+) (\S+) /.exec(title.replace(/\0/g, ' '));
  if (!match || match[1] === 'autovacuum' || match[1] === 'logical') return undefined;
  return match[2];
}

export interface ServerCpu {
  postmasterPid: number;
  /** The server's CPU time so far, in milliseconds (a counter: subtract two samples). */
  sample(): number;
  /**
   * The CPU time so far of the live backends connected to `database` (autovacuum workers excluded), in
   * ms: a counter over the same backends (a pool held open, a running pgbench), so the difference of two
   * samples is what serving that database's clients cost, without the background processes (WAL writer,
   * checkpointer, autovacuum) whose work lands in whichever window they happen to run in. Read from the
   * process titles (`postgres: <user> <database> <client> <state>`), so no query is needed.
   */
  sampleDatabase(database: string): number;
  /** Waits (at most `timeoutMs`) until the server has no backend for database `database` left running. */
  settle(adminUrl: string, database: string, timeoutMs?: number): Promise<void>;
}

/**
 * The CPU counter of the server `adminUrl` connects to (a superuser URL), or undefined when that server's
 * processes are not visible here.
 */
export async function openServerCpu(adminUrl: string): Promise<ServerCpu | undefined> {
  // read while the connection is open: a backend of ours is a child of the postmaster (on another machine,
  // or in another pid namespace, the pid is someone else's, or nobody's)
  const postmasterPid = await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
    const backend = rows[0] && readStat(rows[0].pid);
    if (!backend) return undefined;
    try {
      return /postgres/.test(readFileSync(`/proc/${backend.ppid}/cmdline`, 'utf8'))
        ? backend.ppid
        : undefined;
    } catch {
      return undefined;
    }
  });
  if (postmasterPid === undefined) return undefined;
  const msPerTick = 1000 / clockTicks();
  return {
    postmasterPid,
    sample() {
      const postmaster = readStat(postmasterPid);
      if (!postmaster) throw new Error(`the server (postmaster pid ${postmasterPid}) is gone`);
      let ticks = postmaster.own + postmaster.children;
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        const stat = readStat(Number(entry));
        if (stat?.ppid === postmasterPid) ticks += stat.own;
      }
      return ticks * msPerTick;
    },
    sampleDatabase(database) {
      let ticks = 0;
      for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        const stat = readStat(Number(entry));
        if (stat?.ppid !== postmasterPid) continue;
        if (backendDatabase(readCmdline(Number(entry))) === database) ticks += stat.own;
      }
      return ticks * msPerTick;
    },
    async settle(url, database, timeoutMs = 2000) {
      const until = Date.now() + timeoutMs;
      await withClient(url, async (client) => {
        for (;;) {
          const { rows } = await client.query<{ n: number }>(
            'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [database],
          );
          if (!rows[0]?.n || Date.now() > until) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      });
      // an exited backend's CPU reaches the postmaster's cutime when the postmaster reaps it
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}
