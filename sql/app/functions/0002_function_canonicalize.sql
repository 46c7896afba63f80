-- Trigger function: stores the identifiers people type in their canonical form, so that two spellings a
-- person would call equal collide on the unique key instead of both being accepted (an NFD email from an
-- import, a SKU typed in lower case, a name with a trailing NBSP). An import does not fail on such
-- input: it is canonicalized, then compared. Arguments: one 'column:form' per column, form one of
-- text (app.canonical_text), key (app.canonical_key), code (app.canonical_code), tax_id
-- (app.canonical_tax_id). db-tests/lint/unique_text_keys_are_canonical.test.sql checks that every
-- unique key over text names its columns here.
create or replace function app.canonicalize() returns trigger
language plpgsql
as $$
declare
  current_row jsonb := pg_catalog.to_jsonb(new);
  changes jsonb := '{}';
  column_name text;
  form text;
  value text;
begin
  for i in 0 .. tg_nargs - 1 loop
    column_name := pg_catalog.split_part(tg_argv[i], ':', 1);
    form := pg_catalog.split_part(tg_argv[i], ':', 2);
    value := current_row ->> column_name;
    continue when value is null;
    changes := changes || pg_catalog.jsonb_build_object(column_name, case form
      when 'text' then app.canonical_text(value)
      when 'key' then app.canonical_key(value)
      when 'code' then app.canonical_code(value)
      when 'tax_id' then app.canonical_tax_id(value)
    end);
    if form not in ('text', 'key', 'code', 'tax_id') then
      raise exception 'app.canonicalize: unknown form % for %.%', form, tg_table_name, column_name;
    end if;
  end loop;
  return pg_catalog.jsonb_populate_record(new, changes);
end
$$;
comment on function app.canonicalize() is
  'Trigger function (before insert or update): replaces each column named in the trigger arguments (''column:form'') by its canonical form (app.canonical_text, _key, _code or _tax_id), so equal identifiers collide on their unique key.';
