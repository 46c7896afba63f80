-- An order keeps a copy of its addresses, so that editing or deleting an address later does not change
-- where a past order was billed or shipped. The phone number stays encrypted in the copy: phone_encrypted is
-- the address's ciphertext as it is (base64; app.decrypt_personal(decode(..., 'base64')) opens it with the
-- data key), with its masked phone_hint, so placing an order needs no data key and stores no phone in clear.
create or replace function orders.address_snapshot(p_tenant_id uuid, p_company_id uuid, p_address_id uuid, p_kind text)
returns jsonb
language plpgsql stable
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  snapshot jsonb;
begin
  select jsonb_strip_nulls(jsonb_build_object(
      'address_id', a.address_id, 'label', a.label, 'recipient', a.recipient, 'line1', a.line1,
      'line2', a.line2, 'line3', a.line3, 'locality', a.locality, 'region', a.region,
      'postal_code', a.postal_code, 'country_code', a.country_code,
      'phone_encrypted', pg_catalog.encode(a.phone, 'base64'), 'phone_hint', a.phone_hint))
  into snapshot
  from accounts.addresses a
  where a.tenant_id = v_tenant
    and a.company_id = p_company_id
    and a.kind = p_kind
    and (a.address_id = p_address_id or (p_address_id is null and a.is_default));
  if snapshot is null and p_address_id is not null then
    raise exception using
      errcode = 'B3006',
      message = format('address %s is not a %s address of company %s', p_address_id, p_kind, p_company_id);
  end if;
  return snapshot;
end
$$;
comment on function orders.address_snapshot(uuid, uuid, uuid, text) is
  'A JSON copy (phone encrypted: phone_encrypted, phone_hint) of tenant p_tenant_id''s company''s address p_address_id of kind p_kind (billing or shipping), or of its default address of that kind when p_address_id is null (null when it has none). SQLSTATE B3006 when the address is not one of the company''s addresses of that kind.';
