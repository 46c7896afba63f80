// Checks a server given by URL: reachable fast, with a clear error naming host and port.
import pg from 'pg';

const CONNECT_TIMEOUT_MS = 10_000;

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}`;
  } catch {
    throw new Error(`DATABASE_URL is not a valid connection URL (expected postgres://user@host:port/db)`);
  }
}

/** Connects once; throws within about 10 s, naming host and port, when the server cannot be reached. */
export async function checkServer(url: string): Promise<{ major: number }> {
  const where = describeUrl(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await client.connect();
    const { rows } = await client.query<{ v: string }>(`select current_setting('server_version_num') as v`);
    const major = Math.floor(Number(rows[0]?.v) / 10000);
    if (major < 15)
      throw new Error(`The server at ${where} runs PostgreSQL ${major}; 15 or newer is required.`);
    return { major };
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('The server at')) throw error;
    throw new Error(`Cannot reach PostgreSQL at ${where} (from DATABASE_URL): ${message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/** pgTAP must be installable on the server that runs the tests. */
export async function checkPgTap(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await client.connect();
  try {
    const { rowCount } = await client.query(`select 1 from pg_available_extensions where name = 'pgtap'`);
    if (!rowCount) {
      throw new Error(
        `The PostgreSQL server at ${describeUrl(url)} has no pgTAP extension. Add it with ` +
          '`sudo apt-get install -y postgresql-<major>-pgtap` (Debian/Ubuntu), `brew install pgtap`, ' +
          'or run ./scripts/setup.sh as root.',
      );
    }
  } finally {
    await client.end();
  }
}
