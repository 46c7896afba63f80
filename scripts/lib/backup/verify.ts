// The checks a restored database must pass against its backup's manifest: every table's rows (count and
// checksum), the privileges (roles, owners, grants, policies, leakproof marks) and the search plans as the
// application role. Each check says what it compared; any difference fails the restore.
import pg from 'pg';
import type { LogicalManifest } from './logical';
import { compareDigests, digestTables } from './manifest';
import { checkSearchPlans } from './plan-check';
import { compareFingerprints, privilegeFingerprint } from './privileges';

export interface CheckOutcome {
  check: string;
  ok: boolean;
  /** What matched, or each difference. */
  details: string[];
}

/** Runs every check on the database at `adminUrl` (a superuser); never throws for a failed check. */
export async function verifyRestored(
  adminUrl: string,
  manifest: Pick<LogicalManifest, 'tables' | 'privileges'>,
): Promise<CheckOutcome[]> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'b2b-restore-verify' });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const tables = await digestTables(client);
    await client.query('commit');
    const rowDiffs = compareDigests(manifest.tables, tables);
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    const privilegeDiffs = compareFingerprints(manifest.privileges, await privilegeFingerprint(client));
    const plans = await checkSearchPlans(client);
    return [
      {
        check: 'rows',
        ok: rowDiffs.length === 0,
        details: rowDiffs.length
          ? rowDiffs
          : [
              `${manifest.tables.length} tables, ${rows.toLocaleString('en')} rows: counts and checksums as in the manifest`,
            ],
      },
      {
        check: 'privileges',
        ok: privilegeDiffs.length === 0,
        details: privilegeDiffs.length
          ? privilegeDiffs
          : [
              `${manifest.privileges.length} facts identical (roles, owners, grants, RLS, policies, leakproof marks)`,
            ],
      },
      {
        check: 'plans',
        ok: plans.every((p) => p.ok),
        details: plans.map((p) =>
          p.ok
            ? `${p.what}: an index condition as b2b_app under RLS`
            : `${p.what}: NOT an index condition as b2b_app (is the leakproof step missing?)\n${p.plan}`,
        ),
      },
    ];
  } finally {
    await client.end();
  }
}
