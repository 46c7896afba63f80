-- Up Migration
-- Trusted contrib extensions (PostgreSQL 13+ lets a database owner-level role with CREATE create them):
-- pg_trgm for trigram search on names and SKUs, btree_gist for exclusion constraints that mix equality
-- with range overlap (prices), btree_gin to put tenant_id inside GIN indexes. They live in their own
-- schema so that no product schema holds extension objects; callers schema-qualify their operators.
create schema extensions;
comment on schema extensions is 'Contrib extensions (pg_trgm, btree_gist, btree_gin); schema-qualify their operators and opclasses.';

create extension pg_trgm schema extensions;
create extension btree_gist schema extensions;
create extension btree_gin schema extensions;

-- Down Migration
drop extension btree_gin;
drop extension btree_gist;
drop extension pg_trgm;
drop schema extensions;
