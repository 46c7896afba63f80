// The clusters we start serve TLS with a self-signed authority made on first start (the development
// cluster always, see dev-cluster.ts): sslmode=verify-full with that authority works from node-postgres
// and psql, also by the name localhost; a client that trusts another authority is refused; URLs without
// sslmode keep working. Non-development roles log in with SCRAM passwords over TLS only (hba.ts):
// refused without the password, with a wrong one, and without TLS; development roles keep trust.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SQL_DIR } from '../template/build-template';
import { findPgBinaries } from './binaries';
import { startThrowawayCluster } from './local-cluster';

const PASSWORD = 'ops-health-test-only';

function url(port: number, user: string, query = '', host = '127.0.0.1', password = ''): string {
  return `postgres://${user}${password ? `:${password}` : ''}@${host}:${port}/postgres${query ? `?${query}` : ''}`;
}

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function psql(connectionString: string, sql: string) {
  const bindir = findPgBinaries()?.bindir;
  // Debian puts psql in the client package (/usr/bin), not always beside the server binaries
  const bin = bindir && existsSync(join(bindir, 'psql')) ? join(bindir, 'psql') : 'psql';
  const env = { ...process.env };
  delete env.PGPASSWORD;
  const result = spawnSync(bin, ['-w', '-X', '-At', '-c', sql, connectionString], { encoding: 'utf8', env });
  return { status: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

const SSL_ROW = 'select ssl, version from pg_stat_ssl where pid = pg_backend_pid()';

describe('TLS and SCRAM on local clusters', () => {
  let cluster: Awaited<ReturnType<typeof startThrowawayCluster>>;
  let caFile: string;
  let otherCa: string;
  let scratch: string;

  beforeAll(async () => {
    cluster = await startThrowawayCluster({ tls: true });
    if (!cluster.caFile) throw new Error('no CA file');
    // The data directory is the server user's: read the authority from there as the test process may
    // not be that user (as root it is), and keep a copy with the other authority in a scratch folder.
    scratch = mkdtempSync(join(tmpdir(), 'b2b-tls-test-'));
    caFile = join(scratch, 'ca.crt');
    execFileSync('cp', [cluster.caFile, caFile]);
    otherCa = join(scratch, 'other-ca.crt');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=someone else',
        '-keyout',
        join(scratch, 'other-ca.key'),
        '-out',
        otherCa,
      ],
      { stdio: 'ignore' },
    );
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      // the cluster-level bootstrap creates the roles (b2b_monitor among them), as before every migrate
      const dir = join(SQL_DIR, 'bootstrap', 'cluster');
      for (const file of readdirSync(dir).sort()) await admin.query(readFileSync(join(dir, file), 'utf8'));
      await admin.query(`alter role b2b_monitor password '${PASSWORD}'`);
    } finally {
      await admin.end();
    }
  });

  afterAll(async () => {
    await cluster?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('node-postgres connects with sslmode=verify-full and the cluster authority, by IP and by localhost', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const rows = await query<{ ssl: boolean; version: string }>(
        url(cluster.port, 'postgres', `sslmode=verify-full&sslrootcert=${caFile}`, host),
        SSL_ROW,
      );
      expect(rows, host).toEqual([{ ssl: true, version: 'TLSv1.3' }]);
    }
  });

  test('psql connects with sslmode=verify-full; a client trusting another authority is refused', () => {
    expect(
      psql(url(cluster.port, 'postgres', `sslmode=verify-full&sslrootcert=${caFile}`), SSL_ROW),
    ).toMatchObject({
      status: 0,
      out: 't|TLSv1.3',
    });
    const refused = psql(
      url(cluster.port, 'postgres', `sslmode=verify-full&sslrootcert=${otherCa}`),
      SSL_ROW,
    );
    expect(refused.status).toBe(2);
    expect(refused.err).toMatch(/certificate verify failed/);
  });

  test('node-postgres refuses the server when it trusts another authority', async () => {
    await expect(
      query(url(cluster.port, 'postgres', `sslmode=verify-full&sslrootcert=${otherCa}`), SSL_ROW),
    ).rejects.toMatchObject({
      code: expect.stringMatching(
        /^(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT)$/,
      ),
    });
  });

  test('URLs without sslmode keep working: node-postgres in plain text, psql prefers TLS', async () => {
    expect(await query(url(cluster.port, 'postgres'), SSL_ROW)).toEqual([{ ssl: false, version: null }]);
    expect(psql(url(cluster.port, 'postgres'), SSL_ROW)).toMatchObject({ status: 0, out: 't|TLSv1.3' });
  });

  test('the monitoring role logs in with its SCRAM password over TLS, and its password is stored as a SCRAM verifier', async () => {
    const tls = `sslmode=verify-full&sslrootcert=${caFile}`;
    expect(
      await query(url(cluster.port, 'b2b_monitor', tls, '127.0.0.1', PASSWORD), 'select current_user as who'),
    ).toEqual([{ who: 'b2b_monitor' }]);
    const [row] = await query<{ scram: boolean }>(
      url(cluster.port, 'postgres'),
      `select rolpassword like 'SCRAM-SHA-256$%' as scram from pg_authid where rolname = 'b2b_monitor'`,
    );
    expect(row?.scram).toBe(true);
  });

  test('the monitoring role is refused without its password, with a wrong one, and without TLS', async () => {
    const tls = `sslmode=verify-full&sslrootcert=${caFile}`;
    // psql: the server asks for the password (SCRAM) and none is given
    const noPassword = psql(url(cluster.port, 'b2b_monitor', tls), 'select 1');
    expect(noPassword.status).toBe(2);
    expect(noPassword.err).toMatch(/no password supplied/);
    // node-postgres: a wrong password is refused by the server
    await expect(
      query(url(cluster.port, 'b2b_monitor', tls, '127.0.0.1', 'wrong'), 'select 1'),
    ).rejects.toMatchObject({
      code: '28P01',
    });
    // the right password in plain text: pg_hba rejects the connection before any password is asked
    await expect(
      query(url(cluster.port, 'b2b_monitor', 'sslmode=disable', '127.0.0.1', PASSWORD), 'select 1'),
    ).rejects.toMatchObject({ code: '28000' });
  });

  test('development roles keep trust on loopback (no password)', async () => {
    expect(await query(url(cluster.port, 'postgres'), 'select current_user as who')).toEqual([
      { who: 'postgres' },
    ]);
  });
});
