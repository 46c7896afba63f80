-- Search as the application sends it (packages/catalog searchProducts inside withTenant, as b2b_app): a
-- random tenant and one of its sampled terms (from product names, in the name's locale), first page of 24.
\set t random(1, :tenants)
\set s random(1, :terms)
select b.tenant_id as tenant, s.term, s.locale from bench.tenants b join bench.terms s on s.tenant_id = b.tenant_id and s.n = :s where b.n = :t \gset
begin;
select app.set_tenant(:tenant);
select * from catalog.search_products(p_tenant_id => :tenant, search_text => :term, requested_locale => :locale, path_from => null, path_to => null, company => null, currency => null, min_price => null, max_price => null, in_stock => false, after_score => null, after_product => null, page_size => 24);
commit;
