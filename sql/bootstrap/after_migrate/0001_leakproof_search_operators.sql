-- Search operators (and the audit trail's row-key equality) the planner may use as index conditions under
-- row-level security.
--
-- Why: for a table with RLS, PostgreSQL applies a query's own condition inside the index scan only when
-- the condition's functions are LEAKPROOF (otherwise it could run on rows the policy hides and leak
-- them through an error message or a side effect). Full-text match (@@) and trigram similarity (%) are
-- not marked so by PostgreSQL, so as b2b_app the catalog search fell back to reading every row of the
-- tenant and filtering afterwards. Marking needs a superuser, so this runs as the migrating superuser
-- after every `db:migrate` (the pg_trgm functions exist only once the versioned migrations have run).
-- Idempotent. On a server where the migrator is not a superuser (some managed services) it warns and
-- changes nothing: search stays correct, only slower (see sql/README.md).
--
-- The reviewed list. A function belongs here only if it has no side effects and its result and its
-- errors depend on nothing but its arguments, and no error message quotes an argument.
-- db-tests/catalog/indexes/only_reviewed_functions_are_leakproof.test.sql pins it: adding a function
-- is a reviewed change to both files.
--   pg_catalog.ts_match_vq(tsvector, tsquery)   tsvector @@ tsquery. Pure matching of an already parsed
--     vector against an already parsed query; it reports no error of its own about either value (only
--     out of memory or stack depth, which name no value).
--   extensions.similarity_op(text, text)        text % text (pg_trgm). Compares the two strings' trigram
--     sets with the pg_trgm.similarity_threshold setting; no error names or depends on the strings'
--     contents.
--   pg_catalog.jsonb_eq(jsonb, jsonb)           jsonb = jsonb. "History of one row" (@b2b/audit rowHistory)
--     finds audit.events by row_key (the row's primary key as jsonb); without this the key was a Filter
--     over every event of the table for the tenant (12 s at 10 million events). It compares two already
--     parsed values structurally; its only errors are out of memory, stack depth, or a corrupt container,
--     none of which names or depends on a value.
-- Deliberately not here: LIKE/ILIKE (texticlike raises "LIKE pattern must not end with escape character",
-- so a pattern taken from a hidden row could be probed by its error) and jsonb @> (no query needs it yet).
do $$
declare
  reviewed regprocedure[] := array[
    'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure,
    'pg_catalog.jsonb_eq(jsonb, jsonb)'::regprocedure
  ];
  fn regprocedure;
begin
  if not pg_catalog.current_setting('is_superuser')::boolean then
    raise warning 'sql/bootstrap/after_migrate: % is not a superuser, so the search operators stay not leakproof: under row-level security, catalog search cannot use its GIN indexes (results are right, only slower)', current_user;
    return;
  end if;
  -- pg_trgm is created by a versioned migration: present on any migrated database, absent on a
  -- database rolled back below that migration.
  if pg_catalog.to_regprocedure('extensions.similarity_op(text, text)') is not null then
    reviewed := reviewed || pg_catalog.to_regprocedure('extensions.similarity_op(text, text)')::regprocedure;
  end if;
  foreach fn in array reviewed loop
    if not (select p.proleakproof from pg_catalog.pg_proc p where p.oid = fn) then
      execute pg_catalog.format('alter function %s leakproof', fn);
    end if;
  end loop;
  -- Drift repair: nothing else in the extensions schema is leakproof unless PostgreSQL made it so.
  for fn in
    select p.oid::regprocedure
    from pg_catalog.pg_proc p
    join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'extensions' and p.proleakproof and p.oid <> all (reviewed)
  loop
    execute pg_catalog.format('alter function %s not leakproof', fn);
  end loop;
end
$$;
