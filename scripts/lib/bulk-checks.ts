// Row triggers that a bulk load may switch off, each paired with one set-based query that re-checks
// the trigger's rule over the whole table after the load.
//
// Why: a plpgsql trigger per row costs more than PostgreSQL's parsing of the row (catalog.check_attributes
// on 1.25 million products and variants took longer than copying them). Switching a trigger off is only
// safe when nothing it guards can slip in, so the loader disables only the triggers listed here, as the
// owner, inside the load's transaction (ALTER TABLE takes an exclusive lock: no one else writes
// meanwhile), re-enables them in the same transaction, and fails the whole load when a check finds a
// row the trigger would have refused. Any other insert trigger on a loaded table stays on (correct,
// merely slower). When a trigger's function changes, change its check here: the test
// scripts/lib/seed-large.test.ts proves each check still refuses what its trigger refuses.
import type pg from 'pg';

export interface BulkCheck {
  table: string;
  trigger: string;
  /** Mirrors the trigger function; returns one row describing the first offender, or none. */
  offenders: string;
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

/** Disables the enabled triggers of BULK_CHECKS on `tables`; returns the checks that must run afterwards. */
export async function disableCheckedTriggers(client: pg.ClientBase, tables: string[]): Promise<BulkCheck[]> {
  const disabled: BulkCheck[] = [];
  for (const check of BULK_CHECKS.filter((c) => tables.includes(c.table))) {
    const { rowCount } = await client.query(
      `select from pg_trigger where tgrelid = $1::regclass and tgname = $2 and tgenabled <> 'D'`,
      [check.table, check.trigger],
    );
    if (!rowCount) continue;
    await client.query(`alter table ${check.table} disable trigger ${check.trigger}`);
    disabled.push(check);
  }
  return disabled;
}

/** Re-enables the triggers and runs their checks; throws naming the first offending row. */
export async function enableAndCheck(client: pg.ClientBase, checks: BulkCheck[]): Promise<void> {
  for (const check of checks) {
    await client.query(`alter table ${check.table} enable trigger ${check.trigger}`);
    const { rows } = await client.query<{ offender: string }>(check.offenders);
    if (rows[0]) throw new Error(`${check.trigger} would have refused a loaded row: ${rows[0].offender}`);
  }
}
