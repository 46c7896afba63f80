-- A tenant function whose writes call non-immutable functions where Citus cannot evaluate them before
-- routing: now() inside COALESCE and a stable function with a column argument in an UPDATE's SET, a
-- volatile one in a DELETE's WHERE, a stable cast and now() in RETURNING, now() in ON CONFLICT DO UPDATE SET.
-- expect: catalog.rogue_archive_product(uuid,uuid) line 7: SET of a write to catalog.products calls now() (stable) inside COALESCE
-- expect: catalog.rogue_archive_product(uuid,uuid) line 7: SET of a write to catalog.products calls stable to_char() with a column argument
-- expect: catalog.rogue_archive_product(uuid,uuid) line 7: RETURNING of a write to catalog.products calls created_at::text (a stable cast)
-- expect: catalog.rogue_archive_product(uuid,uuid) line 12: WHERE of a write to catalog.product_translations calls volatile random()
-- expect: catalog.rogue_archive_product(uuid,uuid) line 12: RETURNING of a write to catalog.product_translations calls now() (stable)
-- expect: catalog.rogue_archive_product(uuid,uuid) line 15: ON CONFLICT DO UPDATE SET of a write to catalog.products calls now() (stable)
create function catalog.rogue_archive_product(p_tenant_id uuid, p_product_id uuid) returns text
language plpgsql
as $$
declare
  v_tenant uuid := app.check_tenant(p_tenant_id);
  v_created text;
  v_at timestamptz;
begin
  update catalog.products
     set archived_at = coalesce(archived_at, now()),
         attributes = jsonb_build_object('year', to_char(created_at, 'YYYY'))
   where tenant_id = v_tenant and product_id = p_product_id
  returning created_at::text into v_created;
  delete from catalog.product_translations
   where tenant_id = v_tenant and product_id = p_product_id and random() < 0.5
  returning now() into v_at;
  insert into catalog.products (tenant_id, product_id) values (v_tenant, p_product_id)
  on conflict (tenant_id, product_id) do update set archived_at = now();
  return v_created;
end
$$;
comment on function catalog.rogue_archive_product(uuid, uuid) is 'added by a test';
