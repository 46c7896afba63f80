// Passwords of a Citus cluster: generated once, kept in a 0600 file for the tools, and in a 0600 libpq
// passfile owned by the servers' OS user, which the servers read for their internal connections
// (coordinator to workers, worker to worker) through PGPASSFILE.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chownToServerUser } from '../os-user';

/**
 * The roles that log in over TCP on a Citus cluster, each with its own password. Citus opens its
 * connections to the workers as the current role (after SET ROLE too), so every role that runs
 * distributed statements needs a password the servers know: the owner b2b_owner included, since
 * migrations and security definer functions run as it (docs/scaling.md, "Roles on Citus").
 */
export const CITUS_LOGIN_ROLES = [
  'postgres',
  'b2b_owner',
  'b2b_app',
  'b2b_readonly',
  'b2b_analytics',
] as const;
export type CitusRole = (typeof CITUS_LOGIN_ROLES)[number];
export type CitusPasswords = Record<CitusRole, string>;

const SECRETS_FILE = 'passwords.json';
const PASSFILE = 'pgpass';

function generate(): string {
  // base64url: no character that a URL, a passfile (':' and '\\') or SQL quoting would need escaped
  return randomBytes(24).toString('base64url');
}

export function secretsPath(root: string): string {
  return join(root, SECRETS_FILE);
}

export function passfilePath(root: string): string {
  return join(root, PASSFILE);
}

/** The cluster's passwords: read, or generated and written (0600) on first use; missing roles added. */
export function ensurePasswords(root: string): CitusPasswords {
  const file = secretsPath(root);
  const existing = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<CitusPasswords>)
    : {};
  const passwords = Object.fromEntries(
    CITUS_LOGIN_ROLES.map((role) => [role, existing[role] ?? generate()]),
  ) as CitusPasswords;
  writeFileSync(file, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  writePassfile(root, passwords);
  return passwords;
}

export function readPasswords(root: string): CitusPasswords | undefined {
  const file = secretsPath(root);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CitusPasswords) : undefined;
}

/** host:port:database:user:password lines for loopback, any port and database; 0600, the servers' user. */
function writePassfile(root: string, passwords: CitusPasswords): void {
  const lines = CITUS_LOGIN_ROLES.flatMap((role) =>
    ['127.0.0.1', 'localhost'].map((host) => `${host}:*:*:${role}:${passwords[role]}`),
  );
  const file = passfilePath(root);
  writeFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  chownToServerUser(file);
}
