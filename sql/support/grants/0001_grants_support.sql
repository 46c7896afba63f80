-- Privileges on schema support, in one place. Revoke first so a removed grant is really gone.
-- b2b_support reads these views and nothing else of ours (db-tests/support/*: every other table, view and
-- function is refused to it).
revoke all on schema support from public;
revoke all on all tables in schema support from public, b2b_app, b2b_readonly, b2b_analytics, b2b_support;

grant usage on schema support to b2b_support;
grant select on support.companies, support.buyers, support.addresses to b2b_support;
