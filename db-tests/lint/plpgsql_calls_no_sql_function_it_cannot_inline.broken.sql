-- A PL/pgSQL function calling a table-reading SQL function in an expression.
-- expect: tenancy.rogue_caller() calls tenancy.rogue_reader after
create function tenancy.rogue_reader() returns bigint language sql stable as 'select count(*) from tenancy.tenants';
create function tenancy.rogue_caller() returns boolean language plpgsql as $$
begin
  if tenancy.rogue_reader() > 0 then
    return true;
  end if;
  return false;
end
$$;
