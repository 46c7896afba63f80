-- Append-only, also for the owner: an update or delete of audit.events is refused (B4001) unless the
-- transaction is erasing personal data through audit.erase_subject, which sets audit.rewrite = 'erase' for
-- itself. b2b_app has no UPDATE or DELETE grant anyway; this stops a maintenance script or a migration.
-- Retention detaches and drops whole partitions, which fires no row trigger.
create or replace function audit.guard_events() returns trigger
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
begin
  if current_setting('audit.rewrite', true) is distinct from 'erase' or tg_op <> 'UPDATE' then
    raise exception using
      errcode = 'B4001',
      message = 'audit rows are append-only',
      detail = format('%s of %s.%s', lower(tg_op), tg_table_schema, tg_table_name),
      hint = 'personal values are pseudonymized through audit.erase_subject; old months go through retention';
  end if;
  return new;
end
$$;
comment on function audit.guard_events() is
  'BEFORE UPDATE OR DELETE trigger of audit.events and audit.seals: raises B4001 (audit rows are append-only), except an update by audit.erase_subject.';
