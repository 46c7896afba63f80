-- Trigger function: a row with an amount in `currency` gets that currency's minor units (the copy that the
-- composite foreign key (currency, minor_units) -> catalog.currencies checks and that the amount checks
-- read), so writers name the currency only. Used by orders, invoices, receivable_entries and
-- approval_rules. An unknown currency gets 4 (the most any currency has): no amount check fails on it,
-- and the (currency, minor_units) foreign key then reports it as unknown (currency_unknown).
create or replace function catalog.set_minor_units() returns trigger
language plpgsql
as $$
begin
  if new.currency is null then
    new.minor_units := null;
  else
    new.minor_units := coalesce(
      (select c.minor_units from catalog.currencies c where c.currency_code = new.currency), 4);
  end if;
  return new;
end
$$;
comment on function catalog.set_minor_units() is
  'Trigger function: sets minor_units to the minor units of the row''s currency, whatever the write gave (4 for an unknown currency, which its foreign key then refuses; null without a currency). Checked by the table''s (currency, minor_units) foreign key.';
