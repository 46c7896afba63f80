// URLs for databases and roles on a resolved test server.
import type { ServerSource } from '../provider/resolve';

/** Password given to login roles on throwaway servers only (local trust auth ignores it). */
export const THROWAWAY_ROLE_PASSWORD = 'b2b-test-only';

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
export function roleUrl(adminUrl: string, database: string, role: string, source: ServerSource): string {
  const u = new URL(databaseUrl(adminUrl, database));
  if (source === 'DATABASE_URL') {
    u.searchParams.set('options', `-c role=${role}`);
  } else {
    u.username = role;
    u.password = THROWAWAY_ROLE_PASSWORD;
  }
  return u.toString();
}
