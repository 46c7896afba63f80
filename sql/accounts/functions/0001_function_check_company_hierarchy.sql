-- Trigger function: a company's parent chain has no cycle and the hierarchy is at most 5 levels deep.
create or replace function accounts.check_company_hierarchy() returns trigger
language plpgsql
as $$
declare
  max_levels constant integer := 5;
  ancestor_levels integer;
  closes_cycle boolean;
  subtree_levels integer;
begin
  if new.parent_company_id = new.company_id then
    return new; -- chk_companies_not_own_parent refuses it, with its own error
  end if;

  if new.parent_company_id is null then
    ancestor_levels := 0;
    closes_cycle := false;
  else
    -- Hierarchy changes of one tenant are serialized, so two concurrent moves cannot build a cycle
    -- that neither of them sees.
    perform pg_catalog.pg_advisory_xact_lock(
      pg_catalog.hashtextextended('accounts.companies hierarchy ' || new.tenant_id::text, 0));

    -- Walk up from the new parent: how many levels sit above this company, and is it among them?
    with recursive ancestors (company_id, parent_company_id, levels, seen) as (
      select c.company_id, c.parent_company_id, 1, array[c.company_id]
      from accounts.companies c
      where c.tenant_id = new.tenant_id and c.company_id = new.parent_company_id
      union all
      select c.company_id, c.parent_company_id, a.levels + 1, a.seen || c.company_id
      from ancestors a
      join accounts.companies c on c.tenant_id = new.tenant_id and c.company_id = a.parent_company_id
      where c.company_id <> all (a.seen)  -- stops on a pre-existing cycle instead of looping
    )
    select coalesce(max(levels), 0), coalesce(bool_or(company_id = new.company_id), false)
    into ancestor_levels, closes_cycle
    from ancestors;
  end if;

  if closes_cycle then
    raise exception using
      errcode = 'B2101',
      message = format('company %s cannot be placed under %s: the new parent is one of its descendants (cycle)',
        new.company_id, new.parent_company_id),
      hint = 'Move the parent out of this company''s subtree first.';
  end if;

  -- Levels from this company down to its deepest descendant (1 for a company without children).
  if tg_op = 'INSERT' then
    subtree_levels := 1;
  else
    with recursive descendants (company_id, levels) as (
      select new.company_id, 1
      union all
      select c.company_id, d.levels + 1
      from descendants d
      join accounts.companies c on c.tenant_id = new.tenant_id and c.parent_company_id = d.company_id
      where d.levels <= max_levels
    )
    select max(levels) into subtree_levels from descendants;
  end if;

  if ancestor_levels + subtree_levels > max_levels then
    raise exception using
      errcode = 'B2102',
      message = format('company hierarchy would be %s levels deep; at most %s levels are allowed',
        ancestor_levels + subtree_levels, max_levels);
  end if;
  return new;
end
$$;
comment on function accounts.check_company_hierarchy() is
  'Trigger function on accounts.companies: refuses a parent that would close a cycle (SQLSTATE B2101) or make the hierarchy deeper than 5 levels (B2102). Serializes hierarchy changes per tenant with an advisory lock.';
