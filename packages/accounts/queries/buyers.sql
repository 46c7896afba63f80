/* @name CreateBuyerRole */
insert into accounts.buyer_roles (name, description)
values (:name!, :description)
returning buyer_role_id, name, description;

/* Rows as VALUES, not a select from unnest(): on Citus an INSERT ... SELECT that reads no distributed table
   is run through the coordinator (the rows pulled there, then sent), where VALUES of one tenant are one task. */
/*
  @name AddBuyerRolePermissions
  @param rows -> ((buyerRoleId!, permission!)...)
*/
insert into accounts.buyer_role_permissions (buyer_role_id, permission)
values :rows
on conflict do nothing;

/* Writes take the phone sealed already (:phoneSealed, from SealPersonal) and return it sealed (Citus: no
   non-immutable function in a write's values, COALESCE or RETURNING; docs/data-protection.md). */
/* @name CreateBuyer */
insert into accounts.buyers (buyer_id, company_id, buyer_role_id, email, full_name, phone, spending_limit,
  spending_period)
values (coalesce(:buyerId::uuid, gen_random_uuid()), :companyId!, :buyerRoleId!, :email!, :fullName!, :phoneSealed::bytea,
  :spendingLimit, :spendingPeriod)
returning buyer_id, company_id, buyer_role_id, email, full_name, phone as phone_sealed, status, spending_limit,
  spending_period, created_at, updated_at;

/* Changes the given fields; a null leaves the field as it is. A buyer never changes company. */
/* @name UpdateBuyer */
update accounts.buyers
set buyer_role_id = coalesce(:buyerRoleId, buyer_role_id),
    email = coalesce(:email, email),
    full_name = coalesce(:fullName, full_name),
    phone = coalesce(:phoneSealed::bytea, phone),
    status = coalesce(:status, status)
where tenant_id = :tenantId! and buyer_id = :buyerId!
returning buyer_id, company_id, buyer_role_id, email, full_name, phone as phone_sealed, status, spending_limit,
  spending_period, created_at, updated_at;

/* Buyers of a company by email ascending, then id, a page at a time (keyset on (email, buyer_id), the last row's, from the page cursor). */
/* @name ListBuyersOfCompany */
select buyer_id, company_id, buyer_role_id, email, full_name, app.decrypt_personal(phone) as phone, status, spending_limit,
  spending_period, created_at, updated_at
from accounts.buyers
where tenant_id = :tenantId! and company_id = :companyId!
  and (:afterEmail::text is null or (email, buyer_id) > (:afterEmail::text, :afterBuyerId::uuid))
order by email, buyer_id
limit (:limit!)::int;

/* The acting buyer, checked by accounts.acting_buyer (SQLSTATE B2104 when it does not belong to the company or is unknown, B2105 when disabled); with the company's currency, locale and status, and the buyer's permissions: accounts.buyer_acting_for_company, called alone so that Citus delegates it to the tenant's worker. */
/*
  @name GetBuyerActingForCompany
*/
select b.buyer_id as "buyer_id!", b.company_id as "company_id!", b.email as "email!",
  b.full_name as "full_name!", b.spending_limit, b.spending_period,
  b.company_status as "company_status!", b.default_currency as "default_currency!",
  b.default_locale as "default_locale!", b.permissions as "permissions!"
from accounts.buyer_acting_for_company(:tenantId!::uuid, :buyerId!::uuid, :companyId!::uuid) b;

/* Inserts or updates many buyers in one statement, keyed by (company_id, email). */
/*
  @name UpsertBuyers
  @param rows -> ((companyId!, buyerRoleId!, email!, fullName!, phoneSealed, status!, spendingLimit, spendingPeriod)...)
*/
insert into accounts.buyers (company_id, buyer_role_id, email, full_name, phone, status, spending_limit,
  spending_period)
-- Phones come sealed (SealPersonal). VALUES: the parameters take the columns' types, and on Citus an
-- INSERT of VALUES of one tenant is one task. An unchanged phone keeps its stored ciphertext
-- (app.seal_personal compares).
values :rows
on conflict (tenant_id, company_id, email) do update
set buyer_role_id = excluded.buyer_role_id,
    full_name = excluded.full_name,
    phone = excluded.phone,
    status = excluded.status,
    spending_limit = excluded.spending_limit,
    spending_period = excluded.spending_period
returning buyer_id, company_id, email, (xmax = 0) as "inserted!";

/* Pseudonymizes a buyer's personal data everywhere (accounts.erase_buyer; GDPR Art. 17): rows changed per table. B4108 for an unknown buyer. */
/* @name EraseBuyer */
select accounts.erase_buyer(:tenantId!::uuid, :buyerId!::uuid) as "erased!";
