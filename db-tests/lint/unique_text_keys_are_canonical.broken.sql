-- Unique text keys nobody canonicalizes: a unique constraint, a unique expression index (its column
-- found through pg_depend), and a key whose table has a canonicalizing trigger for another column only
-- (the trigger must name the key's column). Each column has its length bound, so only this rule speaks.
-- expect: tenancy.rogue_keys.code (in uq_rogue_keys_tenant_id_code): no canonicalizing trigger
-- expect: tenancy.rogue_keys.slug (in uq_rogue_keys_tenant_id_lower_slug): no canonicalizing trigger
-- expect: tenancy.rogue_keys.email (in uq_rogue_keys_tenant_id_email): no canonicalizing trigger
create table tenancy.rogue_keys (
  tenant_id uuid not null,
  code text not null constraint chk_rogue_keys_code_length check (char_length(code) <= 50),
  slug text not null constraint chk_rogue_keys_slug_length check (char_length(slug) <= 200),
  email text not null constraint chk_rogue_keys_email_length check (char_length(email) <= 254),
  label text not null constraint chk_rogue_keys_label_length check (char_length(label) <= 200),
  constraint uq_rogue_keys_tenant_id_code unique (tenant_id, code),
  constraint uq_rogue_keys_tenant_id_email unique (tenant_id, email)
);
create unique index uq_rogue_keys_tenant_id_lower_slug on tenancy.rogue_keys (tenant_id, lower(slug));
create trigger trg_rogue_keys_before_insert_or_update_canonical
  before insert or update on tenancy.rogue_keys
  for each row execute function app.canonicalize('label:text');
