-- Privileges on schema app, in one place. Revoke first so a removed grant is really gone.
revoke all on schema app from public;
revoke all on all functions in schema app from public, b2b_app, b2b_readonly, b2b_analytics, b2b_support;
revoke all on all tables in schema app from public, b2b_app, b2b_readonly, b2b_analytics, b2b_support;

grant usage on schema app to b2b_app, b2b_readonly, b2b_analytics;
grant execute on function app.current_tenant_id(), app.require_tenant_id(), app.current_user_id()
  to b2b_app, b2b_readonly, b2b_analytics;
-- Money: the rounding rule is called by check constraints (run as the writing role) and functions.
grant execute on function app.round_money(numeric, integer), app.is_money(numeric, integer),
  app.check_money(numeric, integer, text)
  to b2b_app, b2b_readonly, b2b_analytics;
-- The canonical forms of typed identifiers (app.canonicalize() calls them as the writing role; lookups
-- by a typed email or SKU canonicalize the same way).
grant execute on function app.canonical_text(text), app.canonical_key(text), app.canonical_code(text),
  app.canonical_tax_id(text)
  to b2b_app, b2b_readonly, b2b_analytics;
-- Entry points check their routing argument against the transaction's tenant (as the calling role).
grant execute on function app.check_tenant(uuid) to b2b_app, b2b_readonly, b2b_analytics;
-- Read your writes on a replica (@b2b/db withReplica): the reading role waits for its commit's LSN.
grant execute on function app.wait_for_replay(pg_lsn, integer) to b2b_app, b2b_readonly, b2b_analytics;
-- The tenant context is set with SET LOCAL through this function (withTenant, tests, seeds, benchmarks).
grant execute on function app.set_tenant(uuid, uuid) to b2b_app, b2b_readonly, b2b_analytics;
-- Personal data (docs/data-protection.md): the app supplies the data key per transaction and encrypts,
-- decrypts and hashes the sensitive columns with it (app.seal_personal runs as the writing role).
grant execute on function app.set_data_key(text), app.verify_data_key(text), app.data_key(),
  app.encrypt_personal(text), app.decrypt_personal(bytea), app.personal_digest(text),
  app.mask_personal(text, text)
  to b2b_app;
-- Support (b2b_support) reads the masked views of schema support only: it acts for a tenant, and its views
-- call the tenant helper (policies) and the masking function as the reading role.
grant usage on schema app to b2b_support;
grant execute on function app.set_tenant(uuid, uuid), app.current_tenant_id(), app.mask_personal(text, text)
  to b2b_support;
