-- Demo tenants with staff. Fixed ids so docs and examples can refer to them.
insert into tenancy.tenants (tenant_id, slug, name, default_locale, default_currency) values
  ('00000000-0000-4000-8000-000000000001', 'acme-industrial', 'Acme Industrial Supply', 'en', 'USD'),
  ('00000000-0000-4000-8000-000000000002', 'nordwind-technik', 'Nordwind Technik GmbH', 'de', 'EUR'),
  ('00000000-0000-4000-8000-000000000003', 'maple-office', 'Maple Office Wholesale', 'en-CA', 'CAD');

insert into tenancy.staff_users (tenant_id, staff_user_id, email, display_name) values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8001-000000000001', 'ada@acme.example', 'Ada Owner'),
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8001-000000000002', 'carl@acme.example', 'Carl Catalog'),
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8001-000000000003', 'greta@nordwind.example', 'Greta Admin'),
  ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8001-000000000004', 'liam@maple.example', 'Liam Orders');

insert into tenancy.memberships (tenant_id, staff_user_id, role) values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8001-000000000001', 'owner'),
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8001-000000000002', 'catalog_manager'),
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8001-000000000003', 'admin'),
  ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8001-000000000004', 'order_manager');
