import pg from 'pg';

export interface PoolOptions {
  /** Defaults to DATABASE_URL. */
  connectionString?: string;
  max?: number;
  applicationName?: string;
  /**
   * Settings every session of the pool starts with, as libpq `options` words (for example
   * `-c default_transaction_read_only=on`), added to any `options` the connection string has.
   */
  sessionOptions?: readonly string[];
  /** How long an idle connection stays open, ms; 0 keeps it until the pool ends (pg-pool's default: 10 s). */
  idleTimeoutMillis?: number;
}

/** `url` with `words` appended to its `options` parameter (kept: a role set there by withRoleOption). */
function withOptions(url: string, words: readonly string[]): string {
  if (!words.length) return url;
  const u = new URL(url);
  const existing = u.searchParams.get('options');
  u.searchParams.delete('options');
  const options = [existing, ...words].filter(Boolean).join(' ');
  return `${u.toString()}${u.search ? '&' : '?'}options=${encodeURIComponent(options)}`;
}

/**
 * A connection pool. bigint and numeric stay strings (exact; money is never a float), as pgtyped
 * types them.
 */
export function createPool(options: PoolOptions = {}): pg.Pool {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error('createPool needs a connectionString or DATABASE_URL');
  const pool = new pg.Pool({
    connectionString: withOptions(connectionString, options.sessionOptions ?? []),
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'b2b',
    connectionTimeoutMillis: 10_000,
    ...(options.idleTimeoutMillis === undefined ? {} : { idleTimeoutMillis: options.idleTimeoutMillis }),
  });
  // A server that dies (crash, shutdown, pg_terminate_backend) can send its FATAL (57P01) in the same packet
  // as the answer that hands a new connection out: pg-pool has then removed its listener and the caller has
  // not attached one yet, and an 'error' event with no listener ends the process (seen by `pnpm drill:crash`).
  // This listener only keeps the process alive: the error still reaches the caller's query, or the pool's
  // 'error' event for an idle connection.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
