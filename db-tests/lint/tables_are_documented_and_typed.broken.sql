-- A table without a comment, an amount in floating point, a time without time zone.
-- expect: tenancy.rogue_notes
-- expect: tenancy.rogue_notes.price is double precision
-- expect: tenancy.rogue_notes.noted_at is timestamp without time zone
create table tenancy.rogue_notes (note_id uuid primary key, price double precision, noted_at timestamp);
