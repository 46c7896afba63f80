// TLS for local clusters: a self-signed certificate authority and a server certificate for 127.0.0.1, ::1
// and localhost, made with openssl on first start and kept in the data directory (tls/), so that
// `sslmode=verify-full` with the authority's certificate works against the server.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chownToServerUser } from './os-user';

export interface ServerTls {
  /** The authority's certificate: give it to clients as sslrootcert (PEM). */
  caFile: string;
  /** Server settings (`ssl=on` and the files, relative to the data directory). */
  settings: string[];
}

const TLS_DIR = 'tls';

function openssl(args: string[], cwd: string): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    throw new Error(
      `openssl ${args[0]} failed (is openssl installed?): ${e.stderr?.toString() || e.message}`,
    );
  }
}

/**
 * Makes the authority and the server certificate when they are missing (EC P-256 keys: generated in
 * milliseconds, where RSA 2048 takes a noticeable fraction of a second). The authority's key stays beside
 * it, readable by the server's OS user only, so a certificate can be issued again; delete tls/ to start
 * over. The server key must be owned by the server user with mode 0600, or PostgreSQL refuses to start.
 */
export function ensureServerTls(dataDir: string): ServerTls {
  const dir = join(dataDir, TLS_DIR);
  const caFile = join(dir, 'ca.crt');
  if (!existsSync(join(dir, 'server.crt')) || !existsSync(join(dir, 'server.key')) || !existsSync(caFile)) {
    mkdirSync(dir, { recursive: true });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    openssl(
      [
        'req',
        '-x509',
        ...ec,
        '-days',
        '3650',
        '-subj',
        '/CN=b2b local development CA',
        '-addext',
        'basicConstraints=critical,CA:TRUE',
        '-addext',
        'keyUsage=critical,keyCertSign,cRLSign',
        '-keyout',
        'ca.key',
        '-out',
        'ca.crt',
      ],
      dir,
    );
    openssl(
      ['req', '-new', ...ec, '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr'],
      dir,
    );
    writeFileSync(
      join(dir, 'server.ext'),
      [
        'subjectAltName = IP:127.0.0.1, IP:::1, DNS:localhost',
        'basicConstraints = critical, CA:FALSE',
        'keyUsage = critical, digitalSignature',
        'extendedKeyUsage = serverAuth',
        '',
      ].join('\n'),
    );
    openssl(
      [
        'x509',
        '-req',
        '-in',
        'server.csr',
        '-CA',
        'ca.crt',
        '-CAkey',
        'ca.key',
        '-CAcreateserial',
        '-days',
        '825',
        '-extfile',
        'server.ext',
        '-out',
        'server.crt',
      ],
      dir,
    );
    chmodSync(join(dir, 'server.key'), 0o600);
    chmodSync(join(dir, 'ca.key'), 0o600);
    chownToServerUser(dir);
  }
  return {
    caFile,
    settings: ['ssl=on', `ssl_cert_file=${TLS_DIR}/server.crt`, `ssl_key_file=${TLS_DIR}/server.key`],
  };
}

/** Copies the authority's certificate where any local user may read it (the data directory is 0700). */
export function publishCaFile(caFile: string, target: string): string {
  copyFileSync(caFile, target);
  chmodSync(target, 0o644);
  return target;
}
