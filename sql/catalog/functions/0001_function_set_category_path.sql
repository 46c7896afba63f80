-- Trigger function: derives a category's materialized path from its parent and refuses cycles.
create or replace function catalog.set_category_path() returns trigger
language plpgsql
as $$
declare
  parent_path text;
begin
  if new.parent_category_id = new.category_id then
    return new; -- chk_categories_not_own_parent refuses it, with its own error
  end if;

  -- Tree changes of one tenant are serialized, so two concurrent moves cannot build a cycle.
  perform pg_catalog.pg_advisory_xact_lock(
    pg_catalog.hashtextextended('catalog.categories tree ' || new.tenant_id::text, 0));

  if new.parent_category_id is null then
    new.path := '/' || new.category_id::text || '/';
    return new;
  end if;

  select c.path into parent_path
  from catalog.categories c
  where c.tenant_id = new.tenant_id and c.category_id = new.parent_category_id;

  if not found then
    -- No such parent in this tenant: fk_categories_tenant_id_parent_category_id_categories refuses the row.
    new.path := '/' || new.category_id::text || '/';
    return new;
  end if;

  if pg_catalog.strpos(parent_path, '/' || new.category_id::text || '/') > 0 then
    raise exception using
      errcode = 'B2201',
      message = format('category %s cannot be placed under %s: the new parent is one of its subcategories (cycle)',
        new.category_id, new.parent_category_id);
  end if;

  new.path := parent_path || new.category_id::text || '/';
  return new;
end
$$;
comment on function catalog.set_category_path() is
  'Trigger function on catalog.categories: sets path from the parent''s path; refuses a parent inside the category''s own subtree (SQLSTATE B2201).';
