-- Keeps categories.path derived from the parent, refuses cycles, and carries a move down the subtree.
create or replace trigger trg_categories_before_insert_or_update_parent
  before insert or update of parent_category_id on catalog.categories
  for each row execute function catalog.set_category_path();

create or replace trigger trg_categories_after_update_parent
  after update of parent_category_id on catalog.categories
  for each row when (old.path is distinct from new.path)
  execute function catalog.propagate_category_path();
