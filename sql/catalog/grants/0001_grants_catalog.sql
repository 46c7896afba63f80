-- Privileges on schemas catalog and extensions, in one place. Revoke first so a removed grant is really gone.
-- Insert and update grants name their columns: tenant_id comes from the tenant context, never the caller.
revoke all on schema catalog, extensions from public;
revoke all on all tables in schema catalog from public, b2b_app, b2b_readonly, b2b_analytics;
revoke all on all functions in schema catalog from public, b2b_app, b2b_readonly, b2b_analytics;

-- extensions: the app may use trigram operators and functions (similarity, %) in its queries.
grant usage on schema extensions to b2b_app, b2b_readonly;
grant usage on schema catalog to b2b_app, b2b_readonly;

-- Shared reference data: readable by every application role, written only by migrations.
grant select on catalog.currencies, catalog.countries, catalog.locales to b2b_app, b2b_readonly;

-- Used by the generated search_vector column, so whoever writes translations calls it.
grant execute on function catalog.text_search_config(text) to b2b_app, b2b_readonly;
