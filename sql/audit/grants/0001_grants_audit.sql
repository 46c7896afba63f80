-- Privileges on schema audit, in one place. Revoke first so a removed grant is really gone.
-- The application reads its tenant's trail (row-level security) and erases through audit.erase_subject;
-- it writes nothing: events come only from the capture trigger (security definer, as the owner), seals
-- only from the sealing job. chain_keys and retired_partitions are the owner's alone; so are the
-- maintenance functions (seal, verify, chain_head, create_partitions, retention).
revoke all on schema audit from public;
revoke all on all tables in schema audit from public, b2b_app, b2b_readonly, b2b_analytics;
revoke all on all functions in schema audit from public, b2b_app, b2b_readonly, b2b_analytics;

grant usage on schema audit to b2b_app, b2b_readonly;
grant select on audit.events, audit.seals, audit.seal_heads to b2b_app, b2b_readonly;
grant select on audit.retention_policy to b2b_app, b2b_readonly;
-- the capture functions run as triggers of the application's writes; trigger functions need no EXECUTE
-- grant for that, but erasure is called by accounts.erase_buyer as the application
grant execute on function audit.erase_subject(uuid, regclass, jsonb) to b2b_app;
