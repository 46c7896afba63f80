-- An amount with a typmod (it rounds before any check), one with no money check, and one checked against
-- minor_units that no foreign key ties to its currency.
-- expect: tenancy.rogue_amounts.rounded has a typmod
-- expect: tenancy.rogue_amounts.unchecked has no check
-- expect: tenancy.rogue_amounts.booked is checked against minor_units, but no foreign key
create table tenancy.rogue_amounts (
  tenant_id uuid not null,
  rounded numeric(19, 4) constraint chk_rogue_amounts_rounded_money check (app.is_money(rounded, 4)),
  unchecked numeric,
  minor_units smallint not null,
  booked numeric constraint chk_rogue_amounts_booked_money check (app.is_money(booked, minor_units))
);
