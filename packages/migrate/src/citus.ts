// Distribution on Citus, done by the migrator: when the database has the citus extension, every table a
// versioned migration creates is made a reference or distributed table right after that migration's
// statements, in the same transaction; after the repeatables, every function whose first argument is
// `p_tenant_id uuid` becomes a distributed function. On plain PostgreSQL none of this runs.
//
// The rule (docs/scaling.md, "Distribution plan"): a table of a domain schema (sql/domains.json) with a
// `tenant_id` column, tenancy.tenants excepted, is hash-distributed by tenant_id, all such tables in one colocation group, so a
// tenant's rows of every table live on one node and joins and foreign keys between them stay local;
// every other table of ours is a reference table (a copy on every node); `migrations.*` stays on the
// coordinator. Released migrations stay untouched: the rule reads the catalog, not the files.
import type pg from 'pg';

/**
 * Migrations released before Citus support contain DDL that Citus refuses on a distributed table (8 files
 * add a constraint in one ALTER TABLE together with other subcommands, for example
 * 20261123160700_add_tenants_reference_foreign_keys), and released migrations are immutable. So the tables
 * they create stay plain local tables while they run and are distributed together at the end of the last
 * of them, in the same transaction and before any repeatable function exists (a plain table is distributed
 * in place; nothing is recreated). From this timestamp on, every migration's tables are distributed at
 * the end of that migration, so a new migration meets Citus's rules where it is written. The first Citus
 * migrations (20261130010000 to 20261130030100) belong to the released group: they drop the old function
 * signatures and replace the two foreign key actions Citus refuses (`on delete set null` of
 * memberships.granted_by, `on update cascade` of buyers' minor units), which must be gone before their
 * tables are distributed.
 */
export const CITUS_DISTRIBUTES_FROM = '20261130030200';

/** The distribution column of every tenant table, and the distribution argument of tenant functions. */
export const TENANT_COLUMN = 'tenant_id';
export const TENANT_ARGUMENT = 'p_tenant_id';
/**
 * The registry of tenants has tenant_id too, but is a reference table: every node needs it (each tenant
 * table's foreign key points at it), and its slug is unique across tenants, which a table hash-distributed
 * by tenant_id cannot enforce.
 */
export const TENANT_REGISTRY = 'tenancy.tenants';

export async function hasCitus(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ citus: boolean }>(
    `select exists (select from pg_catalog.pg_extension where extname = 'citus') as citus`,
  );
  return rows[0]?.citus ?? false;
}

/**
 * Session settings for migrating on Citus (set once, before any migration runs):
 * - multi_shard_modify_mode = sequential: all migrations run in one transaction; after a parallel
 *   multi-shard statement Citus refuses foreign keys to reference tables and DDL on them within the same
 *   transaction, and sequential mode also makes it propagate new schemas, types and functions to the
 *   workers at once (instead of deferring them), so a later statement of the transaction finds them.
 * - create_object_propagation = immediate: the same, stated explicitly.
 * - enable_local_reference_table_foreign_keys = off: a table created with a foreign key to a reference
 *   table (catalog.currencies) is still a plain local table until the hook distributes it; with this on,
 *   Citus would instead turn it into a Citus local table, and converting that later recreates the table,
 *   dropping the functions that use its row type.
 */
export async function prepareCitusSession(client: pg.ClientBase): Promise<void> {
  await client.query(`
    set citus.multi_shard_modify_mode = 'sequential';
    set citus.create_object_propagation = 'immediate';
    set citus.enable_local_reference_table_foreign_keys = off;
  `);
}

interface NewTable {
  oid: number;
  name: string;
  tenant: boolean;
  /** oids of the new tables it references (foreign keys), itself excluded. */
  references: number[];
  /** Foreign keys with an action Citus refuses on a distributed table (ON DELETE SET NULL / SET DEFAULT...). */
  refused: string[];
}

/** The colocation anchor: the first hash-distributed table, if any. */
async function anchorTable(client: pg.ClientBase): Promise<string | undefined> {
  const { rows } = await client.query<{ name: string }>(
    `select logicalrelid::regclass::text as name from pg_catalog.pg_dist_partition
      where partmethod = 'h' order by colocationid, logicalrelid limit 1`,
  );
  return rows[0]?.name;
}

/** Referenced tables before the tables that reference them (Citus needs the target distributed first). */
function inDependencyOrder(tables: NewTable[]): NewTable[] {
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const done = new Set<number>();
  const visiting = new Set<number>();
  const ordered: NewTable[] = [];
  const visit = (t: NewTable) => {
    if (done.has(t.oid)) return;
    if (visiting.has(t.oid))
      throw new Error(`foreign keys form a cycle through ${t.name}: distribute by hand`);
    visiting.add(t.oid);
    for (const ref of t.references) {
      const target = byOid.get(ref);
      if (target) visit(target);
    }
    visiting.delete(t.oid);
    done.add(t.oid);
    ordered.push(t);
  };
  for (const t of tables) visit(t);
  // reference tables first: a distributed table may reference them, never the other way round
  return [...ordered.filter((t) => !t.tenant), ...ordered.filter((t) => t.tenant)];
}

/**
 * Distributes every table of the domain schemas that Citus does not know yet, by the rule above.
 * Called after each versioned migration's statements and before its ledger row, in its transaction.
 * Returns what it did, as "schema.table: reference" / "schema.table: distributed by tenant_id".
 */
export async function distributeNewTables(client: pg.ClientBase, domains: string[]): Promise<string[]> {
  const { rows } = await client.query<NewTable>(
    `select c.oid::int as oid,
            c.oid::regclass::text as name,
            c.oid <> to_regclass($3) and exists (
              select from pg_catalog.pg_attribute a
               where a.attrelid = c.oid and a.attname = $2 and a.attnum > 0 and not a.attisdropped) as tenant,
            coalesce(array(select distinct f.confrelid::int from pg_catalog.pg_constraint f
                            where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid), '{}') as references,
            coalesce(array(select f.conname::text from pg_catalog.pg_constraint f
                            where f.conrelid = c.oid and f.contype = 'f'
                              and (f.confdeltype in ('n', 'd') or f.confupdtype in ('n', 'd', 'c'))), '{}') as refused
       from pg_catalog.pg_class c
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any ($1)
        and c.relkind in ('r', 'p')
        and not c.relispartition
        and not exists (select from pg_catalog.pg_dist_partition p where p.logicalrelid = c.oid)
      order by c.oid`,
    [domains, TENANT_COLUMN, TENANT_REGISTRY],
  );
  if (rows.length === 0) return [];
  const done: string[] = [];
  const withLocalRows: NewTable[] = [];
  let anchor = await anchorTable(client);
  const deferred = new Set<number>();
  for (const table of inDependencyOrder(rows)) {
    // A foreign key action Citus refuses (ON DELETE SET NULL on a distributed table: the distribution
    // column is part of the key) keeps the table local until a later migration replaces that key; tables
    // that reference it wait with it. distributeNewTables runs after every migration, so it is
    // distributed at the end of the migration that makes it distributable; assertAllDistributed fails
    // migrate when one is still local after the last.
    if ((table.tenant && table.refused.length) || table.references.some((r) => deferred.has(r))) {
      deferred.add(table.oid);
      continue;
    }
    try {
      await distributeOne(table);
    } catch (error) {
      const e = error as Error & { detail?: string; hint?: string; code?: string };
      throw new Error(
        `distributing ${table.name} (${table.tenant ? `by ${TENANT_COLUMN}` : 'reference'}) failed: ${e.message}` +
          `${e.code ? ` (SQLSTATE ${e.code})` : ''}${e.detail ? `\nDETAIL: ${e.detail}` : ''}${e.hint ? `\nHINT: ${e.hint}` : ''}`,
      );
    }
  }
  async function distributeOne(table: NewTable): Promise<void> {
    const { rows: data } = await client.query<{ rows: boolean }>(
      `select exists (select from ${table.name}) as rows`,
    );
    if (table.tenant) {
      await client.query(`select create_distributed_table($1::regclass, $2, colocate_with => $3)`, [
        table.name,
        TENANT_COLUMN,
        anchor ?? 'none',
      ]);
      anchor ??= table.name;
      done.push(`${table.name}: distributed by ${TENANT_COLUMN}`);
    } else {
      await client.query(`select create_reference_table($1::regclass)`, [table.name]);
      done.push(`${table.name}: reference`);
    }
    if (data[0]?.rows) withLocalRows.push(table);
  }
  // rows a migration inserted before distributing were copied into the shards; the coordinator's copy is
  // dead weight, invisible to queries: drop it, once no local table references it any more.
  // (A table a deferred one references keeps its copy: Citus refuses the truncate.)
  const referencedByDeferred = new Set(rows.filter((t) => deferred.has(t.oid)).flatMap((t) => t.references));
  for (const table of withLocalRows) {
    if (referencedByDeferred.has(table.oid)) continue;
    await client.query(`select truncate_local_data_after_distributing_table($1::regclass)`, [table.name]);
  }
  return done;
}

/**
 * After the last versioned migration: every table of the domain schemas is a Citus table, else migrate
 * fails naming each one and why (its refused foreign keys), so nothing is left on the coordinator alone.
 */
export async function assertAllDistributed(client: pg.ClientBase, domains: string[]): Promise<void> {
  const { rows } = await client.query<{ name: string; refused: string[] }>(
    `select c.oid::regclass::text as name,
            coalesce(array(select f.conname::text from pg_catalog.pg_constraint f
                            where f.conrelid = c.oid and f.contype = 'f'
                              and (f.confdeltype in ('n', 'd') or f.confupdtype in ('n', 'd', 'c'))), '{}') as refused
       from pg_catalog.pg_class c
       join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any ($1) and c.relkind in ('r', 'p') and not c.relispartition
        and not exists (select from pg_catalog.pg_dist_partition p where p.logicalrelid = c.oid)
      order by 1`,
    [domains],
  );
  if (rows.length === 0) return;
  throw new Error(
    `these tables could not be distributed on Citus:\n${rows
      .map(
        (r) =>
          `  ${r.name}: ${
            r.refused.length
              ? `foreign key ${r.refused.join(', ')} has an ON DELETE SET NULL / SET DEFAULT or ON UPDATE action, which Citus refuses when the distribution column is in the key; replace it in a new migration`
              : 'it references a table that could not be distributed'
          }`,
      )
      .join('\n')}`,
  );
}

/**
 * Makes every function of the domain schemas whose first argument is `p_tenant_id uuid` a distributed
 * function keyed on that argument, colocated with the tenant tables, with force_delegation: called
 * inside the application's transaction, the whole call runs on the worker that holds the tenant, in one
 * round trip. Functions already so distributed are left alone (CREATE OR REPLACE keeps the
 * distribution); a function dropped and created again (a new signature) is distributed again here.
 */
export async function distributeTenantFunctions(client: pg.ClientBase, domains: string[]): Promise<string[]> {
  const anchor = await anchorTable(client);
  if (!anchor) return [];
  const { rows } = await client.query<{ signature: string }>(
    `select p.oid::regprocedure::text as signature
       from pg_catalog.pg_proc p
       join pg_catalog.pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any ($1)
        and p.prokind in ('f', 'p')
        and p.pronargs > 0
        and p.proargtypes[0] = 'uuid'::regtype
        and (p.proargnames)[1] = $2
        and not exists (
          select from pg_catalog.pg_dist_object d
           where d.classid = 'pg_catalog.pg_proc'::regclass and d.objid = p.oid
             and d.distribution_argument_index = 0 and d.colocationid is not null)
      order by 1`,
    [domains, TENANT_ARGUMENT],
  );
  for (const { signature } of rows) {
    await client.query(
      `select create_distributed_function($1, '$1', colocate_with => $2, force_delegation => true)`,
      [signature, anchor],
    );
  }
  await resetGenericPlans(client, domains);
  return rows.map((r) => r.signature);
}

/**
 * On Citus, a tenant function may not force a generic plan (`set plan_cache_mode = force_generic_plan`,
 * which catalog.product_page and catalog.search_products use on plain PostgreSQL to plan once per
 * connection): Citus routes a statement that joins distributed tables only with its parameters' values,
 * and plans such a statement with unresolved parameters as "could not create distributed plan". Without
 * the setting PostgreSQL's default (auto) applies, and Citus makes it choose a plan with the values.
 * Run after every migrate, as CREATE OR REPLACE of a repeatable restores the setting. Returns the
 * functions changed.
 */
export async function resetGenericPlans(client: pg.ClientBase, domains: string[]): Promise<string[]> {
  const { rows } = await client.query<{ signature: string }>(
    `select p.oid::regprocedure::text as signature
       from pg_catalog.pg_proc p
       join pg_catalog.pg_namespace n on n.oid = p.pronamespace
      where n.nspname = any ($1)
        and (p.proargnames)[1] = $2
        and 'plan_cache_mode=force_generic_plan' = any (p.proconfig)
      order by 1`,
    [domains, TENANT_ARGUMENT],
  );
  for (const { signature } of rows) await client.query(`alter function ${signature} reset plan_cache_mode`);
  return rows.map((r) => r.signature);
}
