-- Category paths are derived from the parent; a move carries the whole subtree; cycles are refused (B2201).
begin;
select plan(10);

select tests.create_tenant('alpha') as alpha \gset
select tests.create_category(:'alpha') as tools \gset
select tests.create_category(:'alpha', :'tools') as power \gset
select tests.create_category(:'alpha', :'power') as drills \gset
select tests.create_category(:'alpha') as garden \gset

select tests.act_as(:'alpha');

select is((select path from catalog.categories where category_id = :'drills'),
  format('/%s/%s/%s/', :'tools', :'power', :'drills'), 'a path lists the ids from the root');
select is(
  (select count(*)::int from catalog.categories
   where path like (select path from catalog.categories where category_id = :'tools') || '%'),
  3, 'a subtree is a prefix match on path');

select lives_ok(
  format($$update catalog.categories set parent_category_id = %L where category_id = %L$$, :'garden', :'power'),
  'a subtree moves under another parent');
select is((select path from catalog.categories where category_id = :'drills'),
  format('/%s/%s/%s/', :'garden', :'power', :'drills'), 'the grandchild''s path follows the move');

select throws_ok(
  format($$update catalog.categories set parent_category_id = %L where category_id = %L$$, :'drills', :'garden'),
  'B2201', null, 'a category cannot move under its own descendant');
select tests.throws_constraint(
  format($$update catalog.categories set parent_category_id = category_id where category_id = %L$$, :'garden'),
  'chk_categories_not_own_parent', 'a category cannot be its own parent');
select throws_ok(
  format($$update catalog.categories set path = '/x/' where category_id = %L$$, :'garden'),
  '42501', null, 'the app cannot write path directly');
select tests.throws_constraint(
  $$insert into catalog.categories (parent_category_id) values (gen_random_uuid())$$,
  'fk_categories_tenant_id_parent_category_id_categories', 'the parent must exist in the tenant');
select tests.throws_constraint(
  format($$insert into catalog.categories (category_id) values (%L)$$, :'garden'),
  'pk_categories', 'category ids are unique within the tenant');

-- The path check guards against writes that bypass the trigger (replication, restores).
select tests.clear_actor();
set local session_replication_role = replica;
select tests.throws_constraint(
  format($$insert into catalog.categories (tenant_id, category_id, path) values (%L, gen_random_uuid(), '/not-a-path/')$$, :'alpha'),
  'chk_categories_path_format', 'a path that does not end with the category''s own id is refused');

select * from finish();
rollback;
