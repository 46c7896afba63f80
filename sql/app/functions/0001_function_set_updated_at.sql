-- Trigger function: keeps updated_at honest on every update, whatever the caller sends.
create or replace function app.set_updated_at() returns trigger
language plpgsql
as $$
begin
  new.updated_at := pg_catalog.now();
  return new;
end
$$;
comment on function app.set_updated_at() is 'Trigger function: sets updated_at to now() on update.';
