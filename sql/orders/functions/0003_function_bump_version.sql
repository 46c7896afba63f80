-- Trigger function: the optimistic-locking counter moves on every update, whatever the caller sends, so
-- an editor holding an older version can always tell that the row changed under it.
create or replace function orders.bump_version() returns trigger
language plpgsql
as $$
begin
  new.version := old.version + 1;
  return new;
end
$$;
comment on function orders.bump_version() is 'Trigger function: sets version to the old version + 1 on every update.';
