-- Exactly the reviewed search operators are leakproof beyond what PostgreSQL itself marks: each one lets
-- the planner run a query's condition inside an index scan under row-level security, so each one is a
-- reviewed change (sql/bootstrap/after_migrate/0001_leakproof_search_operators.sql says why it cannot
-- leak a hidden row). A new one fails here until this list and that file's review are updated.
begin;
select plan(5);

select set_eq(
  $$select p.oid::regprocedure::text
    from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
    where p.proleakproof and n.nspname <> 'pg_catalog'$$,
  array['extensions.similarity_op(text,text)'],
  'outside pg_catalog, only pg_trgm''s % (similarity_op) is leakproof'
);
select ok(
  (select proleakproof from pg_catalog.pg_proc where oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure),
  'tsvector @@ tsquery (ts_match_vq) is leakproof'
);
select ok(
  (select proleakproof from pg_catalog.pg_proc where oid = 'pg_catalog.jsonb_eq(jsonb, jsonb)'::regprocedure),
  'jsonb = jsonb (jsonb_eq, the audit trail''s row key) is leakproof'
);
select is_empty(
  $$select p.oid::regprocedure::text from pg_catalog.pg_proc p
    where p.proleakproof and p.oid in (
      'pg_catalog.texticlike(text, text)'::regprocedure, 'pg_catalog.textlike(text, text)'::regprocedure,
      'pg_catalog.textregexeq(text, text)'::regprocedure, 'pg_catalog.jsonb_contains(jsonb, jsonb)'::regprocedure,
      'pg_catalog.ts_match_tq(text, tsquery)'::regprocedure, 'pg_catalog.ts_match_tt(text, text)'::regprocedure
    )$$,
  'pattern matching, jsonb containment and the other @@ forms stay not leakproof'
);
-- PostgreSQL 15 marks 337 functions of pg_catalog leakproof; ours adds ts_match_vq and jsonb_eq. Another major
-- version has another count: re-check the list against it and update the number.
select case when current_setting('server_version_num')::int / 10000 = 15
  then is(
    (select count(*)::int from pg_catalog.pg_proc
     where proleakproof and pronamespace = 'pg_catalog'::regnamespace),
    339, 'pg_catalog: PostgreSQL 15''s 337 leakproof functions plus ts_match_vq and jsonb_eq, nothing else')
  else skip('the pg_catalog count is pinned for PostgreSQL 15 only') end;

select * from finish();
rollback;
