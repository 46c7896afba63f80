-- The money rule for an amount a function is given (a payment, ...), checked before anything is written,
-- with errors that say what is wrong: finite (B1002), below 10^15 in magnitude (B1003), and no more
-- decimals than its currency's minor units (B1001). Never rounds: 0.00001 EUR or 0.5 JPY is refused, not
-- stored as 0. The same rule holds for direct writes through the app.money domain and the tables'
-- minor-units checks; this function only gives a function's caller a precise error first.
create or replace function app.check_money(p_amount numeric, p_minor_units integer, p_currency text)
returns numeric
language plpgsql immutable parallel safe
as $$
begin
  if p_amount is null then
    return null;
  end if;
  if p_amount in ('NaN', 'Infinity', '-Infinity') then
    raise exception using
      errcode = 'B1002',
      message = format('an amount must be a finite number, not %s', p_amount);
  end if;
  if abs(p_amount) >= 1e15 then
    raise exception using
      errcode = 'B1003',
      message = format('an amount must be below 10^15 in magnitude, not %s', p_amount);
  end if;
  if p_minor_units is not null and p_amount <> app.round_money(p_amount, p_minor_units) then
    raise exception using
      errcode = 'B1001',
      message = format('%s has more decimals than %s allows (%s): amounts are never rounded silently',
        p_amount, coalesce(p_currency, 'its currency'), p_minor_units);
  end if;
  return p_amount;
end
$$;
comment on function app.check_money(numeric, integer, text) is
  'Returns p_amount when it is finite (B1002 otherwise), below 10^15 in magnitude (B1003) and has no more decimals than p_minor_units, the minor units of p_currency (B1001); null for null. Never rounds.';
