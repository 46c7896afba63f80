-- Duplicate indexes: an index another index of the same table makes redundant, with the one to keep.
--   identical  same access method, columns, operator classes, collations, expressions and predicate. Of the
--              two, the one behind a constraint (else the unique one, else the older) is kept.
--   prefix     a btree index (without INCLUDE columns) whose key columns (with their operator classes and collations) lead another btree
--              index of the same table, with no expressions or predicate on either: the longer one serves
--              the same searches. Only when the shorter one is neither unique nor behind a constraint (a
--              unique index on fewer columns is a stronger rule, not a duplicate). Dropping it makes the
--              planner use a larger index for those searches: check ops.index_usage and the plans first.
create or replace view ops.duplicate_indexes as
with idx as (
  select
    i.indexrelid,
    i.indrelid,
    n.nspname as schema_name,
    t.relname as table_name,
    ic.relname as index_name,
    am.amname,
    i.indisunique,
    string_to_array(i.indkey::text, ' ') as all_columns,
    (string_to_array(i.indkey::text, ' '))[1:i.indnkeyatts] as keys,
    i.indnatts > i.indnkeyatts as has_include,
    string_to_array(i.indclass::text, ' ') as classes,
    string_to_array(i.indcollation::text, ' ') as collations,
    coalesce(pg_catalog.pg_get_expr(i.indexprs, i.indrelid), '') as expressions,
    coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') as predicate,
    exists (
      select 1 from pg_catalog.pg_constraint k
      where k.conindid = i.indexrelid and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x')
    ) as backs_constraint
  from pg_catalog.pg_index i
  join pg_catalog.pg_class ic on ic.oid = i.indexrelid
  join pg_catalog.pg_class t on t.oid = i.indrelid
  join pg_catalog.pg_namespace n on n.oid = t.relnamespace
  join pg_catalog.pg_am am on am.oid = ic.relam
  where i.indisvalid
    and n.nspname not in ('pg_catalog', 'information_schema')
    and n.nspname !~ '^pg_toast'
),
ranked as (
  -- how much an index is needed: behind a constraint, then unique
  select idx.*, (case when backs_constraint then 2 else 0 end) + (case when indisunique then 1 else 0 end) as need
  from idx
)
select
  a.schema_name,
  a.table_name,
  a.index_name,
  b.index_name as duplicate_of,
  case when a.all_columns = b.all_columns then 'identical' else 'prefix' end as kind,
  pg_catalog.pg_relation_size(a.indexrelid) as index_bytes,
  pg_catalog.pg_get_indexdef(a.indexrelid) as index_definition,
  pg_catalog.pg_get_indexdef(b.indexrelid) as duplicate_of_definition
from ranked a
join ranked b on b.indrelid = a.indrelid and b.indexrelid <> a.indexrelid and b.amname = a.amname
  and b.expressions = a.expressions and b.predicate = a.predicate
where (
    a.all_columns = b.all_columns and a.classes = b.classes and a.collations = b.collations
    and (a.need < b.need or (a.need = b.need and a.indexrelid > b.indexrelid))
  ) or (
    a.amname = 'btree' and a.expressions = '' and a.predicate = ''
    and not a.indisunique and not a.backs_constraint and not a.has_include
    and a.all_columns <> b.all_columns and cardinality(a.keys) <= cardinality(b.keys)
    and b.keys[1:cardinality(a.keys)] = a.keys
    and b.classes[1:cardinality(a.classes)] = a.classes
    and b.collations[1:cardinality(a.collations)] = a.collations
  )
order by a.schema_name, a.table_name, a.index_name, b.index_name;

comment on view ops.duplicate_indexes is 'Indexes made redundant by another index of the same table: identical (same columns, operator classes, collations, expressions, predicate; the one behind a constraint, else unique, else older is kept) or prefix (a plain btree whose columns lead another btree''s). index_bytes is what dropping it frees.';
