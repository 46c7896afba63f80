// URLs for databases and roles on a resolved test server.
import type { ServerSource } from '../provider/resolve';

/** Password given to login roles on throwaway servers only (local trust auth ignores it). */
export const THROWAWAY_ROLE_PASSWORD = 'b2b-test-only';

/**
 * `url` with `options=-c role=<role>`: the session switches to the role at connection start. Encoded
 * by hand, since URLSearchParams writes the space as '+', which libpq (psql) does not decode.
 */
export function withRoleOption(url: string, role: string): string {
  const u = new URL(url);
  u.searchParams.delete('options');
  return `${u.toString()}${u.search ? '&' : '?'}options=${encodeURIComponent(`-c role=${role}`)}`;
}

export function databaseUrl(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A URL that acts as `role`. On throwaway servers the role logs in itself; on a DATABASE_URL server,
 * whose passwords we do not know, the admin session switches to the role at connection start.
 * Either way current_user is `role`, so RLS and grants apply as they will in production.
 */
export function roleUrl(
  adminUrl: string,
  database: string,
  role: string,
  source: ServerSource,
  pgbouncerPort?: number,
): string {
  if (source === 'DATABASE_URL') return withRoleOption(databaseUrl(adminUrl, database), role);
  const u = new URL(databaseUrl(adminUrl, database));
  u.username = role;
  u.password = THROWAWAY_ROLE_PASSWORD;
  // Through the run's PgBouncer (B2B_TEST_PGBOUNCER=1): same host, the pooler's port; its auth_file holds
  // the SCRAM secret of the same password.
  if (pgbouncerPort) u.port = String(pgbouncerPort);
  return u.toString();
}
