-- Trigger function: products.attributes and variants.attributes use declared keys with values of their type.
create or replace function catalog.check_attributes() returns trigger
language plpgsql
as $$
declare
  bad record;
begin
  if jsonb_typeof(new.attributes) is distinct from 'object' then
    return new; -- chk_products_attributes_object / chk_variants_attributes_object refuse it
  end if;

  -- the first key that is undeclared, or whose value does not have the declared type
  select a.key, d.data_type, jsonb_typeof(a.value) as value_type
  into bad
  from jsonb_each(new.attributes) a
  left join catalog.attribute_definitions d on d.tenant_id = new.tenant_id and d.attribute_key = a.key
  where d.attribute_key is null
    or not case d.data_type
      when 'text' then jsonb_typeof(a.value) = 'string'
      when 'number' then jsonb_typeof(a.value) = 'number'
      when 'integer' then jsonb_typeof(a.value) = 'number' and a.value::numeric = trunc(a.value::numeric)
      when 'boolean' then jsonb_typeof(a.value) = 'boolean'
      when 'text_list' then jsonb_typeof(a.value) = 'array'
        and not jsonb_path_exists(a.value, '$[*] ? (@.type() != "string")')
      else false
    end
  order by a.key
  limit 1;

  if not found then
    return new;
  elsif bad.data_type is null then
    raise exception using
      errcode = 'B2202',
      message = format('attribute "%s" is not declared in catalog.attribute_definitions', bad.key);
  else
    raise exception using
      errcode = 'B2203',
      message = format('attribute "%s" must be of type %s, not a JSON %s', bad.key, bad.data_type, bad.value_type);
  end if;
end
$$;
comment on function catalog.check_attributes() is
  'Trigger function on catalog.products and catalog.variants: every key of attributes is declared in catalog.attribute_definitions (SQLSTATE B2202) and its value has the declared type (B2203).';
