// Loads tables the way pg_restore does: data first, then indexes and constraints, all in one transaction
// (nothing is half-loaded on failure). Building an index once over all rows is several times faster
// than maintaining it row by row, and foreign keys are validated in one pass instead of per row.
import type pg from 'pg';

export interface Deferred {
  drop: string;
  create: string;
  what: string;
  /** Which step of the load rebuilds it (the loader times each). */
  phase: 'foreignKeys' | 'constraints' | 'indexes';
}

/**
 * Drops the foreign keys, the primary key, unique and exclusion constraints, and the indexes of
 * `tables`. Keys that a table outside the load references stay. Primary keys go too: inserting
 * millions of hash-spread uuids into a btree one by one touches a random page per row, while building
 * it afterwards is one sort.
 */
export async function deferIndexesAndConstraints(
  client: pg.ClientBase,
  tables: string[],
): Promise<Deferred[]> {
  const { rows } = await client.query<Deferred & { ord: number }>(
    `
    with target as (select unnest($1::text[])::regclass as oid)
    -- foreign keys first (they may depend on the unique indexes below)
    select 1 as ord, 'foreignKeys' as phase, format('alter table %s drop constraint %I', k.conrelid::regclass, k.conname) as drop,
      format('alter table %s add constraint %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid)) as create,
      k.conname as what
    from pg_constraint k join target t on t.oid = k.conrelid
    where k.contype = 'f'
    union all
    select 2, 'constraints', format('alter table %s drop constraint %I', k.conrelid::regclass, k.conname),
      format('alter table %s add constraint %I %s', k.conrelid::regclass, k.conname, pg_get_constraintdef(k.oid)),
      k.conname
    from pg_constraint k join target t on t.oid = k.conrelid
    where k.contype in ('p', 'u', 'x')
      -- keep unique keys that a table outside the load references
      and not exists (select from pg_constraint r where r.contype = 'f' and r.conindid = k.conindid
                      and r.conrelid not in (select oid from target))
    union all
    select 3, 'indexes', format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid), i.indexrelid::regclass::text
    from pg_index i join target t on t.oid = i.indrelid
    where not exists (select from pg_constraint k where k.conindid = i.indexrelid)
    order by 1, 5`,
    [tables],
  );
  for (const row of rows) await client.query(row.drop);
  // Recreate in reverse: indexes, then unique/exclusion constraints, then foreign keys.
  return rows.reverse();
}

export async function restoreIndexesAndConstraints(
  client: pg.ClientBase,
  deferred: Deferred[],
  onEach: (item: Deferred, ms: number) => void = () => {},
): Promise<void> {
  for (const item of deferred) {
    const started = performance.now();
    await client.query(item.create);
    onEach(item, performance.now() - started);
  }
}
