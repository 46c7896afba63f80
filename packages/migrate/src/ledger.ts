// The migrator's own bookkeeping, in schema `migrations` (owned by the owner role, not a domain).
import type pg from 'pg';

export const LEDGER_SCHEMA = 'migrations';
export const MIGRATIONS_TABLE = 'pgmigrations';
export const CHECKSUM_SETTING = 'b2b.migration_checksums';

/**
 * node-pg-migrate's ledger, created ahead of it with one more column. A trigger fills `checksum`
 * from a session setting holding every file's checksum, so the checksum is written in the same
 * transaction as the migration it describes, and leaves with its row on the way down.
 */
const LEDGER_DDL = `
create schema if not exists ${LEDGER_SCHEMA};
create table if not exists ${LEDGER_SCHEMA}.${MIGRATIONS_TABLE} (
  id serial primary key,
  name varchar(255) not null,
  run_on timestamp not null,
  checksum text
);
create or replace function ${LEDGER_SCHEMA}.record_checksum() returns trigger
language plpgsql set search_path = pg_catalog as $$
begin
  new.checksum := coalesce(new.checksum,
    nullif(current_setting('${CHECKSUM_SETTING}', true), '')::jsonb ->> new.name);
  return new;
end $$;
create or replace trigger trg_pgmigrations_before_insert
  before insert on ${LEDGER_SCHEMA}.${MIGRATIONS_TABLE}
  for each row execute function ${LEDGER_SCHEMA}.record_checksum();
create table if not exists ${LEDGER_SCHEMA}.repeatables (
  path text primary key,
  checksum text not null,
  applied_at timestamptz not null default now()
);
comment on schema ${LEDGER_SCHEMA} is 'Migration ledger of @b2b/migrate: versioned migrations with checksums, repeatable objects.';
`;

export async function ensureLedger(client: pg.ClientBase): Promise<void> {
  await client.query(LEDGER_DDL);
}

export interface AppliedMigration {
  name: string;
  checksum: string | null;
}

export async function appliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const { rows } = await client.query<AppliedMigration>(
    `select name, checksum from ${LEDGER_SCHEMA}.${MIGRATIONS_TABLE} order by run_on, id`,
  );
  return rows;
}

export async function setMigrationChecksum(
  client: pg.ClientBase,
  name: string,
  checksum: string,
): Promise<void> {
  await client.query(`update ${LEDGER_SCHEMA}.${MIGRATIONS_TABLE} set checksum = $2 where name = $1`, [
    name,
    checksum,
  ]);
}

export async function appliedRepeatables(client: pg.ClientBase): Promise<Map<string, string>> {
  const { rows } = await client.query<{ path: string; checksum: string }>(
    `select path, checksum from ${LEDGER_SCHEMA}.repeatables`,
  );
  return new Map(rows.map((r) => [r.path, r.checksum]));
}
