// Scratch databases for a benchmark (pgbench's tables, the orders fixture): created on the server of the
// development database, dropped afterwards, also on Ctrl-C or SIGTERM. One signal handler drops every
// scratch database still open, so a suite that holds two at once leaves neither behind.
import { withClient } from '@b2b/testing';

/** Databases created by withBenchDatabase and not dropped yet. */
const open = new Set<string>();
let interrupted = false;

/** True once a Ctrl-C (or SIGTERM) began dropping the scratch databases: the process is about to exit. */
export function benchInterrupted(): boolean {
  return interrupted;
}

export function benchDatabaseUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function drop(adminUrl: string, name: string): Promise<unknown> {
  // `with (force)` ends the benchmark's own connections still open (a pool being torn down, pgbench).
  return withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
}

function onSignal(adminUrl: string) {
  return (signal: NodeJS.Signals) => {
    interrupted = true;
    const names = [...open];
    process.stderr.write(`\n${signal}: dropping the scratch database(s) ${names.join(', ')}\n`);
    Promise.allSettled(names.map((n) => drop(adminUrl, n))).finally(() =>
      process.exit(signal === 'SIGINT' ? 130 : 143),
    );
  };
}

/**
 * Runs `fn` with the name of a new, empty database `name` on the server of `adminUrl` (a superuser or a
 * role with CREATEDB), dropped afterwards. A database of that name left by a run killed with -9 is
 * dropped first: the names are fixed so that the next run clears what a crashed one left.
 */
export async function withBenchDatabase<T>(
  adminUrl: string,
  name: string,
  fn: (name: string) => Promise<T>,
): Promise<T> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  await drop(adminUrl, name);
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  const handler = onSignal(adminUrl);
  open.add(name);
  process.once('SIGINT', handler).once('SIGTERM', handler);
  try {
    return await fn(name);
  } finally {
    process.off('SIGINT', handler).off('SIGTERM', handler);
    if (!interrupted) {
      open.delete(name);
      await drop(adminUrl, name);
    }
  }
}
