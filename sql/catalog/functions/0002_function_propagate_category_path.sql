-- Trigger function: after a category's path changed, its children recompute theirs (and so on down).
create or replace function catalog.propagate_category_path() returns trigger
language plpgsql
as $$
begin
  -- Re-setting parent_category_id fires catalog.set_category_path() on each child, which reads the new
  -- path of this category; their own change of path then reaches their children.
  update catalog.categories c
  set parent_category_id = c.parent_category_id
  where c.tenant_id = new.tenant_id and c.parent_category_id = new.category_id;
  return null;
end
$$;
comment on function catalog.propagate_category_path() is
  'Trigger function on catalog.categories: when a category moves, re-derives the paths of its whole subtree.';
