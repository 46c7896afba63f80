-- Up Migration
-- Personal data protection (issue 11): pgcrypto for the sensitive columns, and the key check value that
-- lets app.set_data_key refuse a wrong key before anything is written with it.
-- pgcrypto is a trusted contrib extension (PostgreSQL 13+), so the owner role may create it; it lives with
-- the other extensions in schema extensions (callers schema-qualify its functions).
create extension pgcrypto schema extensions;

-- The key itself is never stored: the application supplies it per transaction (app.set_data_key). What is
-- stored is a known text encrypted with it (a key check value, as in payment HSMs): decrypting it with the
-- supplied key proves the key is the one the data was encrypted with, so a wrong key fails at once (B4102)
-- instead of writing rows that the right key can no longer open. One row: the database has one data key.
create table app.data_key_checks (
  -- One row (chk_data_key_checks_one_key).
  -- squawk-ignore prefer-bigint-over-smallint
  key_id smallint not null default 1,
  check_value bytea not null,
  created_at timestamptz not null default now(),
  constraint pk_data_key_checks primary key (key_id),
  constraint chk_data_key_checks_one_key check (key_id = 1)
);
comment on table app.data_key_checks is
  'The key check value of the data key (a fixed text encrypted with it by the first app.set_data_key); never the key. Read by app.set_data_key to refuse a wrong key (B4102).';

-- Down Migration
drop table app.data_key_checks;
drop extension pgcrypto;
