-- What the application may not set when it inserts into the catalog tables (it was the columns left out of the
-- column-level INSERT grants, which Citus cannot honour: it sends every column to the shards). The grants
-- file grants INSERT on the whole table; app.guard_inserted_columns refuses (B1060) a value other than the
-- column's constant default and overwrites the database-drawn ones (times, ids, the acting user). Each guard
-- is its table's first BEFORE INSERT trigger (its name sorts first), so the triggers that fill a column
-- (minor_units, path) run after it. tenant_id is not listed: the INSERT policy checks it.

create or replace trigger trg_attribute_definitions_before_insert_columns
  before insert on catalog.attribute_definitions
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_categories_before_insert_columns
  before insert on catalog.categories
  for each row execute function app.guard_inserted_columns('path:null', 'created_at:now', 'updated_at:now');

create or replace trigger trg_category_translations_before_insert_columns
  before insert on catalog.category_translations
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_price_lists_before_insert_columns
  before insert on catalog.price_lists
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_prices_before_insert_columns
  before insert on catalog.prices
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_product_categories_before_insert_columns
  before insert on catalog.product_categories
  for each row execute function app.guard_inserted_columns('added_at:now');

create or replace trigger trg_product_translations_before_insert_columns
  before insert on catalog.product_translations
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_products_before_insert_columns
  before insert on catalog.products
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_stock_levels_before_insert_columns
  before insert on catalog.stock_levels
  for each row execute function app.guard_inserted_columns('reserved:0', 'updated_at:now');

create or replace trigger trg_stock_movements_before_insert_columns
  before insert on catalog.stock_movements
  for each row execute function app.guard_inserted_columns('movement_id:uuid', 'moved_by:user', 'moved_at:now');

create or replace trigger trg_variants_before_insert_columns
  before insert on catalog.variants
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');

create or replace trigger trg_warehouses_before_insert_columns
  before insert on catalog.warehouses
  for each row execute function app.guard_inserted_columns('created_at:now', 'updated_at:now');
