-- Tenant tables the audit trail misses: no trigger at all, a capture trigger whose arguments are not the
-- primary key, a disabled one, a BEFORE one, and a row trigger without the truncate trigger; and an
-- exemption for a table that does not exist.
-- expect: tenancy.rogue_unaudited: no audit.capture() trigger
-- expect: tenancy.rogue_wrong_key: audit.capture() arguments (tenant_id) are not the primary key (tenant_id,wrong_key_id)
-- expect: tenancy.rogue_disabled: audit.capture() trigger is disabled
-- expect: tenancy.rogue_before: audit.capture() is not an AFTER INSERT OR UPDATE OR DELETE row trigger
-- expect: tenancy.rogue_unaudited: no audit.capture_truncate() trigger
-- expect: tenancy.rogue_gone: exempt from auditing, but no such tenant table
create table tenancy.rogue_unaudited (tenant_id uuid not null, unaudited_id uuid not null,
  constraint pk_rogue_unaudited primary key (tenant_id, unaudited_id));
create table tenancy.rogue_wrong_key (tenant_id uuid not null, wrong_key_id uuid not null,
  constraint pk_rogue_wrong_key primary key (tenant_id, wrong_key_id));
create trigger trg_rogue_wrong_key_zz_audit after insert or update or delete on tenancy.rogue_wrong_key
  for each row execute function audit.capture('tenant_id');
create trigger trg_rogue_wrong_key_zz_audit_truncate before truncate on tenancy.rogue_wrong_key
  for each statement execute function audit.capture_truncate();
create table tenancy.rogue_disabled (tenant_id uuid not null, disabled_id uuid not null,
  constraint pk_rogue_disabled primary key (tenant_id, disabled_id));
create trigger trg_rogue_disabled_zz_audit after insert or update or delete on tenancy.rogue_disabled
  for each row execute function audit.capture('tenant_id', 'disabled_id');
create trigger trg_rogue_disabled_zz_audit_truncate before truncate on tenancy.rogue_disabled
  for each statement execute function audit.capture_truncate();
alter table tenancy.rogue_disabled disable trigger trg_rogue_disabled_zz_audit;
create table tenancy.rogue_before (tenant_id uuid not null, before_id uuid not null,
  constraint pk_rogue_before primary key (tenant_id, before_id));
create trigger trg_rogue_before_zz_audit before insert or update or delete on tenancy.rogue_before
  for each row execute function audit.capture('tenant_id', 'before_id');
create trigger trg_rogue_before_zz_audit_truncate before truncate on tenancy.rogue_before
  for each statement execute function audit.capture_truncate();
insert into tests.lint_exceptions (rule, object, reason)
  values ('tenant_tables_are_audited', 'tenancy.rogue_gone', 'a table dropped long ago');
