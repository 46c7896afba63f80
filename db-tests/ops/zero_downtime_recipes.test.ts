// The zero-downtime recipes of docs/operations.md, run through this repo's migrations (pnpm db:migrate's
// migrate(), with `.js` --no-transaction migrations as `pnpm db:new <domain> <name> --no-transaction` writes
// them) on a table under concurrent writes. The writers wait at most 1 s for a lock (lock_timeout), so a
// step that blocks writes for longer makes them fail with 55P03. Each slow step is made slow on purpose (a
// check or index expression that sleeps 2 ms a row over 800 rows and more), so "writes went on during it" is not
// luck. Each recipe has its control: the plain form of the same change, which does block the writers.
//   create index concurrently             vs create index
//   add constraint ... not valid, then validate constraint (no transaction)   vs add constraint
//   expand/contract: rename and widen a column (integer amount -> bigint amount_minor) with a sync trigger,
//   a batched backfill that commits per batch, old and new writers side by side, then contract.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '@b2b/migrate';
import { withClient } from '@b2b/testing';
import { createTestDatabase, type TestDatabase } from '@b2b/testing/vitest';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copySqlDir } from '../pipeline/helpers';

const ROWS = 800;
const WRITERS = 4;

interface WriteStats {
  ok: number;
  errors: Record<string, number>;
}

/** Runs `step` while WRITERS sessions each run `write` in a loop (autocommit, lock_timeout 1 s). */
async function underWrites(url: string, write: () => string, step: () => Promise<void>) {
  const stats: WriteStats = { ok: 0, errors: {} };
  let stop = false;
  const clients = await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      const c = new pg.Client({ connectionString: url, application_name: 'zero-downtime-writer' });
      await c.connect();
      await c.query(`set lock_timeout = '1s'`);
      return c;
    }),
  );
  const loops = clients.map(async (c) => {
    while (!stop) {
      try {
        await c.query(write());
        stats.ok++;
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'unknown';
        stats.errors[code] = (stats.errors[code] ?? 0) + 1;
      }
      // about 50 writes a second per writer: steady traffic that the slow steps cannot outrun
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  // writers are running before the step starts
  while (stats.ok < WRITERS * 5 && Object.keys(stats.errors).length === 0)
    await new Promise((r) => setTimeout(r, 20));
  const before = stats.ok;
  try {
    await step();
  } finally {
    const during = stats.ok - before;
    stop = true;
    await Promise.all(loops);
    await Promise.all(clients.map((c) => c.end()));
    Object.assign(stats, { during });
  }
  return stats as WriteStats & { during: number };
}

describe('zero-downtime recipes under concurrent writes', () => {
  let db: TestDatabase;
  let sql: ReturnType<typeof copySqlDir>;
  let stamp = 20991231000000;

  /** Adds a migration to the private sql/ copy (domain drill) and runs pnpm db:migrate's migrate(). */
  async function release(files: Array<{ name: string; body: string; noTransaction?: boolean }>) {
    for (const f of files) {
      stamp += 1;
      writeFileSync(
        join(sql.dir, 'drill', 'migrations', `${stamp}_${f.name}.${f.noTransaction ? 'js' : 'sql'}`),
        f.body,
      );
    }
    await migrate({ url: db.adminUrl, sqlDir: sql.dir });
  }

  const sqlMigration = (up: string, down: string) => `-- Up Migration\n${up}\n\n-- Down Migration\n${down}\n`;
  // What `pnpm db:new drill <name> --no-transaction` writes, with its one statement filled in.
  const noTransactionMigration = (
    up: string,
    down: string,
  ) => `/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const up = (pgm) => {
  pgm.noTransaction();
  pgm.sql(${JSON.stringify(up)});
};

/** @param {import('node-pg-migrate').MigrationBuilder} pgm */
export const down = (pgm) => {
  pgm.noTransaction();
  pgm.sql(${JSON.stringify(down)});
};
`;

  const insert = () => `insert into drill.events (amount) values (${Math.floor(Math.random() * 1000)})`;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = copySqlDir();
    const domains = JSON.parse(readFileSync(join(sql.dir, 'domains.json'), 'utf8')) as string[];
    writeFileSync(join(sql.dir, 'domains.json'), JSON.stringify([...domains, 'drill']));
    mkdirSync(join(sql.dir, 'drill', 'migrations'), { recursive: true });
    await release([
      {
        name: 'create_events',
        body: sqlMigration(
          `create schema drill;
create table drill.events (event_id bigint generated always as identity primary key, amount integer not null);
-- 2 ms a row: the slow steps below take a second or more, not luck
create function drill.slow_check(v bigint) returns boolean language plpgsql immutable as
  $$ begin perform pg_sleep(0.002); return v >= 0; end $$;
create function drill.slow_key(v bigint) returns bigint language plpgsql immutable as
  $$ begin perform pg_sleep(0.002); return v; end $$;
insert into drill.events (amount) select g % 1000 from generate_series(1, ${ROWS}) g;
-- An ALTER that queues behind autovacuum waits up to deadlock_timeout (1 s) for it to be cancelled, and
-- the writers queue behind the ALTER: real (docs/operations.md says what to do), but not what is tested here.
alter table drill.events set (autovacuum_enabled = false);`,
          'drop schema drill cascade;',
        ),
      },
    ]);
  });

  afterAll(async () => {
    await db.drop();
    sql.remove();
  });

  test('control: a plain create index blocks the writers', async () => {
    const stats = await underWrites(db.adminUrl, insert, () =>
      release([
        {
          name: 'create_index_events_plain',
          body: sqlMigration(
            'create index idx_events_plain on drill.events (drill.slow_key(amount));',
            'drop index drill.idx_events_plain;',
          ),
        },
      ]),
    );
    expect(stats.errors['55P03'] ?? 0).toBeGreaterThan(0);
    await withClient(db.adminUrl, (c) => c.query('drop index drill.idx_events_plain'));
  });

  test('create index concurrently in a --no-transaction migration: writes go on, the index is valid', async () => {
    const stats = await underWrites(db.adminUrl, insert, () =>
      release([
        {
          name: 'create_index_events_slow_key',
          noTransaction: true,
          body: noTransactionMigration(
            'create index concurrently if not exists idx_events_slow_key on drill.events (drill.slow_key(amount))',
            'drop index concurrently if exists drill.idx_events_slow_key',
          ),
        },
      ]),
    );
    expect(stats.errors).toEqual({});
    expect(stats.during).toBeGreaterThan(0);
    const [index] = await withClient(
      db.adminUrl,
      async (c) =>
        (
          await c.query(
            `select indisvalid from pg_index where indexrelid = 'drill.idx_events_slow_key'::regclass`,
          )
        ).rows,
    );
    expect(index).toEqual({ indisvalid: true });
  });

  test('control: adding a check constraint that validates at once blocks the writers', async () => {
    const stats = await underWrites(db.adminUrl, insert, () =>
      release([
        {
          name: 'add_events_check_plain',
          body: sqlMigration(
            'alter table drill.events add constraint chk_events_plain check (drill.slow_check(amount));',
            'alter table drill.events drop constraint chk_events_plain;',
          ),
        },
      ]),
    );
    expect(stats.errors['55P03'] ?? 0).toBeGreaterThan(0);
    await withClient(db.adminUrl, (c) =>
      c.query('alter table drill.events drop constraint chk_events_plain'),
    );
  });

  test('not valid, then validate constraint in a --no-transaction migration: writes go on, the constraint is validated', async () => {
    const stats = await underWrites(db.adminUrl, insert, () =>
      // released together: the no-transaction migration commits the first one (and its brief ACCESS
      // EXCLUSIVE lock) before validating under SHARE UPDATE EXCLUSIVE, which writers do not wait for
      release([
        {
          name: 'add_events_amount_check',
          body: sqlMigration(
            'alter table drill.events add constraint chk_events_amount check (drill.slow_check(amount)) not valid;',
            'alter table drill.events drop constraint chk_events_amount;',
          ),
        },
        {
          name: 'validate_events_amount_check',
          noTransaction: true,
          body: noTransactionMigration(
            'alter table drill.events validate constraint chk_events_amount',
            'select 1',
          ),
        },
      ]),
    );
    expect(stats.errors).toEqual({});
    expect(stats.during).toBeGreaterThan(0);
    const [constraint] = await withClient(
      db.adminUrl,
      async (c) =>
        (await c.query(`select convalidated from pg_constraint where conname = 'chk_events_amount'`)).rows,
    );
    expect(constraint).toEqual({ convalidated: true });
  });

  test('expand/contract: amount integer becomes amount_minor bigint while old and new writers write', async () => {
    const [{ n: rowsBefore } = { n: '0' }] = await withClient(
      db.adminUrl,
      async (c) => (await c.query<{ n: string }>('select count(*) as n from drill.events')).rows,
    );
    let version: 'old' | 'both' | 'new' = 'old';
    let turn = 0;
    // a rolling deploy: old writers know only amount, new writers only amount_minor
    const write = () => {
      const value = Math.floor(Math.random() * 1000);
      const writesNew = version === 'new' || (version === 'both' && turn++ % 2 === 0);
      return writesNew
        ? `insert into drill.events (amount_minor) values (${value})`
        : `insert into drill.events (amount) values (${value})`;
    };
    const stats = await underWrites(db.adminUrl, write, async () => {
      // 1. expand: the new column, a trigger that keeps both in step, the old column nullable for new writers
      await release([
        {
          name: 'expand_events_amount_minor',
          // Functions first (they lock no table), then one ALTER TABLE and the trigger: the ACCESS EXCLUSIVE
          // lock is held from the ALTER to the commit, so that stretch stays a few statements long.
          body: sqlMigration(
            `create function drill.sync_amount_minor() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' or new.amount is distinct from old.amount then
    new.amount_minor := coalesce(new.amount_minor, new.amount);
  end if;
  new.amount := coalesce(new.amount, new.amount_minor::integer);
  return new;
end $$;
-- the backfill: batches of 200 rows, each committed, so no row stays locked for long
create procedure drill.backfill_amount_minor() language plpgsql as $$
declare
  done integer;
begin
  loop
    update drill.events set amount_minor = amount
    where event_id in (select event_id from drill.events where amount_minor is null limit 200 for update skip locked);
    get diagnostics done = row_count;
    exit when done = 0;
    commit;
  end loop;
end $$;
alter table drill.events add column amount_minor bigint, alter column amount drop not null;
create trigger trg_events_before_write_sync before insert or update on drill.events
  for each row execute function drill.sync_amount_minor();`,
            `drop trigger trg_events_before_write_sync on drill.events;
alter table drill.events drop column amount_minor;
drop procedure drill.backfill_amount_minor();
drop function drill.sync_amount_minor();`,
          ),
        },
        // 2. backfill outside a transaction (the procedure commits per batch)
        {
          name: 'backfill_events_amount_minor',
          noTransaction: true,
          body: noTransactionMigration('call drill.backfill_amount_minor()', 'select 1'),
        },
        // 3. not null without a long lock: a validated check lets set not null skip its scan
        {
          name: 'add_events_amount_minor_not_null_check',
          body: sqlMigration(
            'alter table drill.events add constraint chk_events_amount_minor_not_null check (amount_minor is not null) not valid;',
            'alter table drill.events drop constraint chk_events_amount_minor_not_null;',
          ),
        },
        {
          name: 'validate_events_amount_minor_not_null_check',
          noTransaction: true,
          body: noTransactionMigration(
            'alter table drill.events validate constraint chk_events_amount_minor_not_null',
            'select 1',
          ),
        },
      ]);
      // 4. deploy: new writers beside old ones, then only new ones
      version = 'both';
      await new Promise((r) => setTimeout(r, 300));
      version = 'new';
      await new Promise((r) => setTimeout(r, 300));
      // 5. contract, once no old writer is left
      await release([
        {
          name: 'contract_events_amount',
          // one ALTER TABLE: set not null skips its scan thanks to the validated check
          body: sqlMigration(
            `drop trigger trg_events_before_write_sync on drill.events;
alter table drill.events alter column amount_minor set not null,
  drop constraint chk_events_amount_minor_not_null, drop column amount;`,
            `select 1;`,
          ),
        },
      ]);
      // 6. what no table lock needs: later
      await release([
        {
          name: 'drop_events_amount_helpers',
          body: sqlMigration(
            'drop function drill.sync_amount_minor();\ndrop procedure drill.backfill_amount_minor();',
            'select 1;',
          ),
        },
      ]);
    });
    expect(stats.errors).toEqual({});
    expect(stats.during).toBeGreaterThan(0);
    const [after] = await withClient(
      db.adminUrl,
      async (c) =>
        (
          await c.query<{ n: string; nulls: string; type: string; old_column: boolean }>(`
          select count(*) as n, count(*) filter (where amount_minor is null) as nulls,
            (select format_type(atttypid, atttypmod) from pg_attribute
             where attrelid = 'drill.events'::regclass and attname = 'amount_minor') as type,
            exists (select from pg_attribute where attrelid = 'drill.events'::regclass and attname = 'amount'
                    and not attisdropped) as old_column
          from drill.events`)
        ).rows,
    );
    expect(after).toMatchObject({ nulls: '0', type: 'bigint', old_column: false });
    expect(Number(after?.n)).toBe(Number(rowsBefore) + stats.ok);
  });
});
