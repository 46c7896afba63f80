/* Staff of the tenant (:tenantId, routed on Citus) by email ascending, then id, a page at a time (keyset on (email, staff_user_id), the last row's, from the page cursor). */
/* @name ListStaffUsers */
select u.staff_user_id, u.email, u.display_name, u.status, u.created_at,
  coalesce(array_agg(m.role order by m.role) filter (where m.role is not null), '{}') as "roles!"
from tenancy.staff_users u
left join tenancy.memberships m on m.tenant_id = u.tenant_id and m.staff_user_id = u.staff_user_id
where u.tenant_id = :tenantId!
  and (:afterEmail::text is null or (u.email, u.staff_user_id) > (:afterEmail::text, :afterStaffUserId::uuid))
group by u.tenant_id, u.staff_user_id
order by u.email, u.staff_user_id
limit (:limit!)::int;

/* @name CreateStaffUser */
insert into tenancy.staff_users (email, display_name)
values (:email!, :displayName!)
returning staff_user_id, email, display_name, status, created_at;

/* @name UpdateStaffUser */
update tenancy.staff_users
set email = coalesce(:email, email),
    display_name = coalesce(:displayName, display_name),
    status = coalesce(:status, status)
where tenant_id = :tenantId! and staff_user_id = :staffUserId!
returning staff_user_id, email, display_name, status, created_at;

/* @name DeleteStaffUser */
delete from tenancy.staff_users where tenant_id = :tenantId! and staff_user_id = :staffUserId! returning staff_user_id;

/* @name GrantRole */
insert into tenancy.memberships (staff_user_id, role, granted_by)
values (:staffUserId!, :role!, :grantedBy)
returning staff_user_id, role, granted_by, granted_at;

/* @name RevokeRole */
delete from tenancy.memberships
where tenant_id = :tenantId! and staff_user_id = :staffUserId! and role = :role!
returning staff_user_id, role;
