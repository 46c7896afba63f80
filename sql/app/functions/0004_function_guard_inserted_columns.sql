-- Trigger function: the columns the application may not set on insert, guarded by a trigger instead of a
-- column-level INSERT grant. Citus sends every column of an INSERT to the shard, defaults included (the
-- coordinator has already evaluated them), so a column-level INSERT grant refuses every insert there; the
-- tables grant INSERT on the whole table and each names its guarded columns in its
-- trg_<table>_before_insert_columns trigger (sql/<domain>/triggers/*_insert_guards.sql), which must be the
-- first BEFORE INSERT trigger of its table (db-tests/lint/insert_grants_are_whole_tables_with_guards).
--
-- Each trigger argument is `<column>:<rule>`:
--   <column>:<json literal>  the value must be that constant, the column's default (null, 0, "draft", 1):
--                            any other value is refused with B1060, as the column grant refused it
--   <column>:now             set to now()             (a timestamp whose default is now())
--   <column>:clock           set to clock_timestamp() (its default is clock_timestamp())
--   <column>:uuid            set to gen_random_uuid() (an id the database draws)
--   <column>:user            set to app.current_user_id()
-- A column with a volatile default is overwritten, not compared: on Citus the coordinator evaluated the
-- default, so the shard cannot tell a supplied value from its own default (it would see a time or an id
-- of the coordinator's). Overwriting keeps the protection: what is stored is the database's value.
-- The table's owner and superusers (migrations, seeds, SECURITY DEFINER functions owned by b2b_owner)
-- are not guarded, as the owner was not limited by the column grants either.
create or replace function app.guard_inserted_columns() returns trigger
language plpgsql
as $$
declare
  supplied jsonb;
  forced jsonb := '{}';
  arg text;
  col text;
  rule text;
begin
  if pg_catalog.pg_has_role(current_user,
      (select c.relowner from pg_catalog.pg_class c where c.oid = tg_relid), 'USAGE') then
    return new;
  end if;
  foreach arg in array tg_argv loop
    col := pg_catalog.split_part(arg, ':', 1);
    rule := pg_catalog.substr(arg, pg_catalog.length(col) + 2);
    case rule
      when 'now' then forced := forced || pg_catalog.jsonb_build_object(col, pg_catalog.now());
      when 'clock' then forced := forced || pg_catalog.jsonb_build_object(col, pg_catalog.clock_timestamp());
      when 'uuid' then forced := forced || pg_catalog.jsonb_build_object(col, pg_catalog.gen_random_uuid());
      when 'user' then forced := forced || pg_catalog.jsonb_build_object(col, app.current_user_id());
      else
        supplied := coalesce(supplied, pg_catalog.to_jsonb(new));
        if (supplied -> col) is distinct from rule::jsonb then
          raise exception using
            errcode = 'B1060',
            message = pg_catalog.format('the application cannot set %s.%s on insert', tg_table_name, col),
            detail = pg_catalog.format('it starts as %s (set by the database functions and triggers)', rule),
            column = col,
            table = tg_table_name,
            schema = tg_table_schema;
        end if;
    end case;
  end loop;
  if forced <> '{}' then
    new := pg_catalog.jsonb_populate_record(new, forced);
  end if;
  return new;
end
$$;
comment on function app.guard_inserted_columns() is
  'Trigger function (BEFORE INSERT, first of its table): refuses (B1060) or overwrites the columns the application may not set on insert, named in its arguments as <column>:<rule>; the owner and superusers pass. Replaces column-level INSERT grants, which Citus cannot honour.';
