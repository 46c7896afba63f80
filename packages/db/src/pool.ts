import pg from 'pg';

export interface PoolOptions {
  /** Defaults to DATABASE_URL. */
  connectionString?: string;
  max?: number;
  applicationName?: string;
}

/**
 * A connection pool. bigint and numeric stay strings (exact; money is never a float), as pgtyped
 * types them.
 */
export function createPool(options: PoolOptions = {}): pg.Pool {
  const connectionString = options.connectionString ?? process.env.DATABASE_URL;
  if (!connectionString) throw new Error('createPool needs a connectionString or DATABASE_URL');
  return new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'b2b',
    connectionTimeoutMillis: 10_000,
  });
}
