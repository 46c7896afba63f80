-- Text columns a person fills with no bound: a text, a varchar without a length check and a jsonb
-- document; and a check named like a length check that bounds nothing (the name alone must not count).
-- expect: tenancy.rogue_texts.note (text): no chk_<table>_<column>_length
-- expect: tenancy.rogue_texts.code (character varying): no chk_<table>_<column>_length
-- expect: tenancy.rogue_texts.settings (jsonb): no chk_<table>_<column>_length
-- expect: tenancy.rogue_texts.chk_rogue_texts_label_length: CHECK ((label IS NOT NULL))
create table tenancy.rogue_texts (
  tenant_id uuid not null,
  note text,
  code varchar,
  settings jsonb,
  label text constraint chk_rogue_texts_label_length check (label is not null)
);
