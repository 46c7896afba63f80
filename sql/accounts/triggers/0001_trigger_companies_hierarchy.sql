-- Keeps the company hierarchy acyclic and at most 5 levels deep.
create or replace trigger trg_companies_before_insert_or_update_parent
  before insert or update of parent_company_id on accounts.companies
  for each row execute function accounts.check_company_hierarchy();
