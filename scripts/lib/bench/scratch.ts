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

function drop(adminUrl: string, name: string): Promise<unknown> {
  return withClient(adminUrl, async (c) => {
    // `with (force)` ends the benchmark's own connections still open (a pool being torn down, pgbench);
    // closing the database to new connections first keeps a pool from reconnecting in between, which
    // would make the drop fail. (Fails harmlessly when the database does not exist.)
    await c.query(`alter database ${name} with allow_connections false`).catch(() => {});
    await c.query(`drop database if exists ${name} with (force)`);
  });
}

function onSignal(adminUrl: string) {
  return (signal: NodeJS.Signals) => {
    // Every open scratch database registered a handler, and a Ctrl-C reaches the process more than once
    // (from the terminal, and relayed by tsx and pnpm): the first call acts, the others wait for it.
    if (interrupted) return;
    interrupted = true;
    // The forced drop cuts the benchmark's own connections: their errors are expected now, and an
    // unhandled one must not end the process before every database is dropped.
    process.on('uncaughtException', () => {});
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
  process.on('SIGINT', handler).on('SIGTERM', handler);
  try {
    return await fn(name);
  } catch (error) {
    // Dropping the database on an interrupt is what broke `fn`: let the signal handler finish and exit.
    if (interrupted) await new Promise(() => {});
    throw error;
  } finally {
    process.off('SIGINT', handler).off('SIGTERM', handler);
    if (!interrupted) {
      open.delete(name);
      await drop(adminUrl, name);
    }
  }
}
