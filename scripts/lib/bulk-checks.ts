// Row triggers that a bulk load switches off, each paired with what stands in for it after the load:
// one set-based query that re-checks the trigger's rule over the loaded rows, or one set-based statement
// that writes what the trigger would have written (the stock journal, the audit trail).
//
// Why: a PL/pgSQL trigger per row costs more than PostgreSQL's parsing of the row. On the large seed's
// 6 million rows the insert guards, canonical forms, attribute checks, audit capture and stock journal
// ran 7 to 10 trigger calls per row: the copy fell from 269,000 to about 8,000 rows/s once the audit trail
// (issue 11) added its capture trigger to every table.
//
// Switching a trigger off is only safe when nothing it guards can slip in, so the loader disables only
// the triggers this file knows, as the owner, inside the load's transaction (ALTER TABLE takes an
// exclusive lock: no one else writes meanwhile), re-enables them in the same transaction, and fails the
// whole load when a check finds a row the trigger would have refused or changed. Any other insert trigger
// on a loaded table stays on (correct, merely slower). The triggers are found by their function, so a
// table that gains an audited or canonical column later is covered without a change here; when a trigger
// function changes, change its stand-in here: scripts/lib/seed-large.test.ts loads the profile once with
// the triggers and once with the stand-ins and compares the journal and the audit trail row by row, and
// proves each check still refuses what its trigger refuses.
import type pg from 'pg';

export interface BulkCheck {
  table: string;
  trigger: string;
  /**
   * Mirrors the trigger function; returns one row describing the first offender, or none. May use $1,
   * the loaded tenants (uuid[]), to look at the loaded rows only.
   */
  offenders: string;
}

/** A switched-off trigger and what runs in its place after the load. */
export interface BulkTrigger {
  table: string;
  trigger: string;
  /** Queries returning one `offender` row when a loaded row breaks the trigger's rule. */
  checks: string[];
  /** Statements writing what the trigger would have written for the loaded rows ($1: the tenants). */
  writes: { what: string; sql: string }[];
}

/** Mirrors catalog.check_attributes(): declared keys, values of the declared type. */
const attributesOffenders = (table: string) => `
  select format('%s row of tenant %s: attribute "%s" is undeclared or not of type %s', '${table}',
    r.tenant_id, a.key, coalesce(d.data_type, '(none)')) as offender
  from ${table} r
  cross join lateral jsonb_each(case when jsonb_typeof(r.attributes) = 'object' then r.attributes else '{}' end) a
  left join catalog.attribute_definitions d on d.tenant_id = r.tenant_id and d.attribute_key = a.key
  where r.attributes <> '{}'
    and (d.attribute_key is null or not case d.data_type
      when 'text' then jsonb_typeof(a.value) = 'string'
      when 'number' then jsonb_typeof(a.value) = 'number'
      when 'integer' then jsonb_typeof(a.value) = 'number' and a.value::numeric = trunc(a.value::numeric)
      when 'boolean' then jsonb_typeof(a.value) = 'boolean'
      when 'text_list' then jsonb_typeof(a.value) = 'array'
        and not jsonb_path_exists(a.value, '$[*] ? (@.type() != "string")')
      else false
    end)
  limit 1`;

/** Triggers with a rule of their own, by name. */
export const BULK_CHECKS: BulkCheck[] = [
  {
    table: 'catalog.products',
    trigger: 'trg_products_before_insert_or_update_attributes',
    offenders: attributesOffenders('catalog.products'),
  },
  {
    table: 'catalog.variants',
    trigger: 'trg_variants_before_insert_or_update_attributes',
    offenders: attributesOffenders('catalog.variants'),
  },
  {
    // Mirrors catalog.set_category_path(): every path is the parent's path plus the category's own id
    // (a root's is its own id). Paths consistent with parents also rule out cycles: a cycle would need
    // a path longer than itself. A missing parent is fk_categories_..._categories' to refuse.
    table: 'catalog.categories',
    trigger: 'trg_categories_before_insert_or_update_parent',
    offenders: `
      select format('category %s of tenant %s: path %s does not follow its parent', c.category_id, c.tenant_id, c.path) as offender
      from catalog.categories c
      left join catalog.categories p on p.tenant_id = c.tenant_id and p.category_id = c.parent_category_id
      where c.path is distinct from
        case when c.parent_category_id is null then '/' || c.category_id || '/' else p.path || c.category_id || '/' end
        and (c.parent_category_id is null or p.category_id is not null)
      limit 1`,
  },
];

const CANONICAL_FORMS: Record<string, string> = {
  text: 'app.canonical_text',
  key: 'app.canonical_key',
  code: 'app.canonical_code',
  tax_id: 'app.canonical_tax_id',
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Mirrors app.canonicalize('column:form', ...): the trigger replaces each column by its canonical form,
 * so the generator must have written it canonical already (a changed value would be a different row).
 * The canonical functions (NFC, width mapping, four regular expressions) cost about 7 times a plain scan
 * of the column, so a value of printable ASCII words separated by single spaces takes a shortcut: it is
 * its own canonical text, and its own canonical key or code exactly when it is already in lower or upper
 * case. Every other value (and every tax id) is compared with the function itself.
 */
const PLAIN_ASCII = `'^[!-~]+( [!-~]+)*$'`;
const PLAIN_CANONICAL: Record<string, (c: string) => string> = {
  text: () => 'false',
  key: (c) => `${c} <> lower(${c})`,
  code: (c) => `${c} <> upper(${c})`,
};
function canonicalCheck(table: string, args: string[]): string {
  const differs = args.map((arg) => {
    const [column = '', form = ''] = arg.split(':');
    const canonical = CANONICAL_FORMS[form];
    if (!canonical) throw new Error(`app.canonicalize on ${table}: unknown form "${form}"`);
    const c = quoteIdent(column);
    const exact = `${c} is distinct from ${canonical}(${c})`;
    const plain = PLAIN_CANONICAL[form];
    return plain ? `(case when ${c} ~ ${PLAIN_ASCII} then ${plain(c)} else ${exact} end)` : `(${exact})`;
  });
  return `
    select format('%s row of tenant %s: %s is not in canonical form (${args.join(', ')})', ${quoteLiteral(table)},
      t.tenant_id, to_jsonb(t) - 'search_vector') as offender
    from ${table} t
    where t.tenant_id = any ($1::uuid[]) and (${differs.join(' or ')})
    limit 1`;
}

/**
 * Writes, for every loaded row, the audit.events row that audit.capture(key columns) writes for an
 * insert: the row as stored (generated columns included), its primary key, and the same actor, role,
 * source, application and transaction as the trigger reads them (sql/audit/functions/0001_function_capture.sql).
 * occurred_at and event_id are this statement's time and fresh ids, as the trigger's were its row's.
 */
function auditInsert(table: string, keyColumns: string[]): string {
  const [schema = '', name = ''] = table.split('.');
  const key = keyColumns.map((c) => `${quoteLiteral(c)}, r.j -> ${quoteLiteral(c)}`).join(', ');
  const app = `case when current_setting('application_name') like 'citus\\_internal%'
      then coalesce(nullif(current_setting('app.application_name', true), ''), current_setting('application_name'))
      else current_setting('application_name') end`;
  return `
    insert into audit.events (tenant_id, table_name, row_key, operation, old_values, new_values,
      actor_tenant_id, actor_user_id, actor_role, source, application_name, txid)
    select (r.j ->> 'tenant_id')::uuid, ${quoteLiteral(`${schema}.${name}`)}, jsonb_build_object(${key}), 'insert', null, r.j,
      nullif(current_setting('app.tenant_id', true), '')::uuid,
      nullif(current_setting('app.user_id', true), '')::uuid,
      left(coalesce(nullif(current_setting('role'), 'none'), session_user::text), 63),
      audit.source_of(${app}), left(${app}, 200), txid_current()
    from (select to_jsonb(t) as j from ${table} t where t.tenant_id = any ($1::uuid[])) r`;
}

/**
 * Mirrors catalog.journal_stock_inserts() under its trigger's WHEN (a level that starts with units): a
 * level may not start with reserved units (B2212), and each gets one movement with its first on_hand,
 * the reason catalog.set_stock_reason set (adjustment when none) and its order and return.
 */
const STOCK_RESERVED_CHECK = `
  select format('stock of variant %s in warehouse %s cannot start with %s reserved units: only orders reserve stock (B2212)',
    variant_id, warehouse_id, reserved) as offender
  from catalog.stock_levels where tenant_id = any ($1::uuid[]) and reserved <> 0 limit 1`;
const STOCK_JOURNAL_INSERT = `
  insert into catalog.stock_movements (tenant_id, variant_id, warehouse_id, on_hand_delta, reserved_delta, reason, order_id, return_id)
  select tenant_id, variant_id, warehouse_id, on_hand, 0,
    coalesce(nullif(current_setting('app.stock_reason', true), ''), 'adjustment'),
    nullif(current_setting('app.stock_order_id', true), '')::uuid,
    nullif(current_setting('app.stock_return_id', true), '')::uuid
  from catalog.stock_levels
  where tenant_id = any ($1::uuid[]) and (on_hand <> 0 or reserved <> 0)`;
/** The journal's own guard refuses inserts that do not come from a stock_levels trigger. */
const STOCK_JOURNAL_GUARD = {
  table: 'catalog.stock_movements',
  trigger: 'trg_stock_movements_before_insert',
};

/**
 * The enabled row triggers on INSERT of `tables` that the loader can stand in for, and what stands in.
 * app.guard_inserted_columns lets the table's owner through unchanged, so for a loader that owns the
 * table (or is a superuser) switching it off changes nothing and needs no check. `auditTrail: false`
 * leaves the loaded rows out of the audit trail (the capture triggers are off during the load and back on
 * after it; nothing stands in for them): a benchmark catalog's 6 million insert events are about 7.7 GB.
 */
export async function planBulkTriggers(
  client: pg.ClientBase,
  tables: string[],
  { auditTrail = true }: { auditTrail?: boolean } = {},
): Promise<BulkTrigger[]> {
  const { rows } = await client.query<{
    table: string;
    trigger: string;
    fn: string;
    args: Buffer;
    owner: boolean;
  }>(
    `select tg.tgrelid::regclass::text as table, tg.tgname as trigger, tg.tgfoid::regproc::text as fn, tg.tgargs as args,
       pg_has_role(current_user, c.relowner, 'USAGE') as owner
     from pg_trigger tg join pg_class c on c.oid = tg.tgrelid
     where tg.tgrelid = any ($1::text[]::regclass[]) and not tg.tgisinternal and tg.tgenabled <> 'D'
       and tg.tgtype & 1 = 1 and tg.tgtype & 4 = 4 -- for each row, on insert
     order by 1, 2`,
    [tables],
  );
  const plan: BulkTrigger[] = [];
  for (const row of rows) {
    const args = row.args.length ? row.args.toString('utf8').split('\0').slice(0, -1) : [];
    const named = BULK_CHECKS.find((c) => c.table === row.table && c.trigger === row.trigger);
    const entry = { table: row.table, trigger: row.trigger };
    if (named) plan.push({ ...entry, checks: [named.offenders], writes: [] });
    else if (
      (row.fn === 'app.guard_inserted_columns' && row.owner) ||
      row.fn === 'catalog.refresh_product_pages'
    )
      // nothing to stand in for: the guard lets the owner through; the product page read model is built
      // set-based after the load (DERIVED_AFTER_LOAD, seed-large.ts)
      plan.push({ ...entry, checks: [], writes: [] });
    else if (row.fn === 'app.canonicalize')
      plan.push({ ...entry, checks: [canonicalCheck(row.table, args)], writes: [] });
    else if (row.fn === 'audit.capture')
      plan.push({
        ...entry,
        checks: [],
        writes: auditTrail
          ? [{ what: `audit trail of ${row.table}`, sql: auditInsert(row.table, args) }]
          : [],
      });
    else if (row.fn === 'catalog.journal_stock_inserts' && tables.includes(STOCK_JOURNAL_GUARD.table))
      plan.push({
        ...entry,
        checks: [STOCK_RESERVED_CHECK],
        writes: [{ what: 'opening stock movements', sql: STOCK_JOURNAL_INSERT }],
      });
  }
  return plan;
}

/** Switches the planned triggers off (in the caller's transaction). */
export async function disableTriggers(client: pg.ClientBase, plan: BulkTrigger[]): Promise<void> {
  for (const t of plan) await client.query(`alter table ${t.table} disable trigger ${quoteIdent(t.trigger)}`);
}

const withTenants = (sql: string, tenants: string[]) => (sql.includes('$1') ? [tenants] : undefined);

/**
 * Re-enables the triggers and runs their checks, then their writes; throws naming the first offending
 * row. `tenants`: the tenant ids of the loaded rows. `onWrite` times each write.
 */
export async function enableAndCheck(
  client: pg.ClientBase,
  plan: BulkTrigger[],
  tenants: string[] = [],
  onWrite: (what: string, ms: number) => void = () => {},
): Promise<void> {
  for (const t of plan) await client.query(`alter table ${t.table} enable trigger ${quoteIdent(t.trigger)}`);
  for (const t of plan)
    for (const check of t.checks) {
      const { rows } = await client.query<{ offender: string }>(check, withTenants(check, tenants));
      if (rows[0]) throw new Error(`${t.trigger} would have refused a loaded row: ${rows[0].offender}`);
    }
  for (const t of plan)
    for (const write of t.writes) {
      const started = performance.now();
      const guarded = write.sql === STOCK_JOURNAL_INSERT;
      if (guarded)
        await client.query(
          `alter table ${STOCK_JOURNAL_GUARD.table} disable trigger ${STOCK_JOURNAL_GUARD.trigger}`,
        );
      await client.query(write.sql, withTenants(write.sql, tenants));
      if (guarded)
        await client.query(
          `alter table ${STOCK_JOURNAL_GUARD.table} enable trigger ${STOCK_JOURNAL_GUARD.trigger}`,
        );
      onWrite(write.what, performance.now() - started);
    }
}
