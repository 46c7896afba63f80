-- The data key (app.set_data_key, docs/data-protection.md) must never reach a log or the statistics. The
-- application sends it only as a bind parameter of `select app.set_data_key($1)`: pg_stat_statements keeps
-- that text with `$1`, and log_statement / log_min_duration_statement log the text, but also the parameter
-- values, unless log_parameter_max_length is 0. The nested `set local app.data_key = '...'` (and its replay
-- on the Citus workers, where it is a top-level statement of b2b_app) is a utility statement, which
-- pg_stat_statements records with its literal unless track_utility is off. So for the application role:
--   log_parameter_max_length = 0            no bind values in statement logs
--   log_parameter_max_length_on_error = 0   none in error reports (its default, pinned)
--   pg_stat_statements.track_utility = off  no SET, BEGIN or COMMIT texts in the statistics
-- All three are superuser settings (a role cannot lift them for itself). Idempotent; runs as the migrating
-- superuser before every migrate; where the migrator is not a superuser (managed services) it warns and the
-- server's administrator sets them. db-tests/app/data_key/key_reaches_no_log_or_statistics.test.sql proves it.
do $$
begin
  if not pg_catalog.current_setting('is_superuser')::boolean then
    raise warning 'sql/bootstrap/cluster: % is not a superuser: set log_parameter_max_length = 0 and pg_stat_statements.track_utility = off for role b2b_app (docs/data-protection.md)', current_user;
    return;
  end if;
  if not exists (
    select from pg_catalog.pg_db_role_setting s
    where s.setrole = 'b2b_app'::regrole and s.setdatabase = 0
      and s.setconfig @> array['log_parameter_max_length=0', 'log_parameter_max_length_on_error=0',
                               'pg_stat_statements.track_utility=off']
  ) then
    alter role b2b_app set log_parameter_max_length = 0;
    alter role b2b_app set log_parameter_max_length_on_error = 0;
    alter role b2b_app set pg_stat_statements.track_utility = off;
  end if;
end
$$;
