// The lint pack on Citus: what the migrator's distribution rule promises, read back from Citus's catalog.
// Each query returns its offenders as the test prints them, so a failure names the object. They read the
// catalog, so tables and functions added later are covered without editing the test.
import { TENANT_ARGUMENT, TENANT_COLUMN, TENANT_REGISTRY } from '@b2b/migrate';
import type pg from 'pg';

const OUR_TABLES = `
  select c.oid, c.oid::regclass::text as name,
         c.oid <> to_regclass('${TENANT_REGISTRY}') and exists (
           select from pg_attribute a
            where a.attrelid = c.oid and a.attname = '${TENANT_COLUMN}' and a.attnum > 0 and not a.attisdropped) as tenant
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where n.nspname = any ($1) and c.relkind in ('r', 'p') and not c.relispartition`;

/** The colocation group of the tenant tables: the one most of them are in. */
const TENANT_GROUP = `
  select p.colocationid from pg_dist_partition p
    join (${OUR_TABLES}) t on t.oid = p.logicalrelid
   where t.tenant group by p.colocationid order by count(*) desc, p.colocationid limit 1`;

async function names(client: pg.ClientBase, sql: string, params: unknown[]): Promise<string[]> {
  const { rows } = await client.query<{ offender: string }>(sql, params);
  return rows.map((r) => r.offender);
}

/** Tenant tables that are not hash-distributed by tenant_id in the tenant colocation group. */
export function tenantTablesNotDistributed(client: pg.ClientBase, domains: string[]): Promise<string[]> {
  return names(
    client,
    `with grp as (${TENANT_GROUP})
     select t.name || ': ' || case
              when p.logicalrelid is null then 'not a Citus table'
              when p.partmethod <> 'h' then 'a ' || ct.citus_table_type || ' table, not distributed'
              when ct.distribution_column <> '${TENANT_COLUMN}' then 'distributed by ' || ct.distribution_column
              else 'not colocated with the other tenant tables (colocation ' || p.colocationid || ')' end as offender
       from (${OUR_TABLES}) t
       left join pg_dist_partition p on p.logicalrelid = t.oid
       left join citus_tables ct on ct.table_name = t.oid::regclass
      where t.tenant
        and (p.logicalrelid is null or p.partmethod <> 'h' or ct.distribution_column <> '${TENANT_COLUMN}'
             or p.colocationid <> (select colocationid from grp))
      order by 1`,
    [domains],
  );
}

/** Tables of ours without tenant_id (and tenancy.tenants) that are not reference tables. */
export function otherTablesNotReference(client: pg.ClientBase, domains: string[]): Promise<string[]> {
  return names(
    client,
    `select t.name || ': ' || coalesce(ct.citus_table_type || ' table', 'not a Citus table') || ', not reference' as offender
       from (${OUR_TABLES}) t
       left join citus_tables ct on ct.table_name = t.oid::regclass
      where not t.tenant and ct.citus_table_type is distinct from 'reference'
      order by 1`,
    [domains],
  );
}

/** Citus local tables anywhere (converting one back recreates it, dropping functions of its row type). */
export function citusLocalTables(client: pg.ClientBase): Promise<string[]> {
  return names(
    client,
    `select table_name::text || ': a Citus local table' as offender from citus_tables
      where citus_table_type = 'local' order by 1`,
    [],
  );
}

/** Functions whose first argument is `p_tenant_id uuid` that are not distributed on it, colocated, delegated. */
export function tenantFunctionsNotDistributed(client: pg.ClientBase, domains: string[]): Promise<string[]> {
  return names(
    client,
    `with grp as (${TENANT_GROUP})
     select p.oid::regprocedure::text || ': ' || case
              when d.objid is null then 'not a distributed object'
              when d.distribution_argument_index is distinct from 0 then 'not distributed on ${TENANT_ARGUMENT}'
              when d.colocationid is distinct from (select colocationid from grp) then 'not colocated with the tenant tables'
              else 'without force_delegation' end as offender
       from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       left join pg_dist_object d on d.classid = 'pg_proc'::regclass and d.objid = p.oid
      where n.nspname = any ($1) and p.pronargs > 0 and p.proargtypes[0] = 'uuid'::regtype
        and (p.proargnames)[1] = '${TENANT_ARGUMENT}'
        and (d.objid is null or d.distribution_argument_index is distinct from 0
             or d.colocationid is distinct from (select colocationid from grp) or not coalesce(d.force_delegation, false))
      order by 1`,
    [domains],
  );
}

/**
 * Privileges PUBLIC holds on a node's copy of our schemas, tables (shards included), sequences, functions
 * and on the database: the lint rule nothing_is_granted_to_public, for a worker, where Citus creates the
 * objects with the worker's defaults.
 */
export function publicGrants(client: pg.ClientBase): Promise<string[]> {
  return names(
    client,
    `with ours as (
       select n.oid, n.nspname from pg_namespace n
        where n.nspname not in ('information_schema', 'tests', 'tap', 'migrations') and n.nspname not like 'pg\\_%'
          and not exists (select from pg_depend d where d.objid = n.oid and d.deptype = 'e'))
     select format('schema %s: %s', s.nspname, acl.privilege_type) as offender
       from ours s join pg_namespace n on n.oid = s.oid,
            aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) acl
      where acl.grantee = 0
     union all
     select format('%s %s: %s', case c.relkind when 'S' then 'sequence' else 'table' end, c.oid::regclass, acl.privilege_type)
       from pg_class c join ours s on s.oid = c.relnamespace,
            aclexplode(coalesce(c.relacl, acldefault(case c.relkind when 'S' then 's' else 'r' end::"char", c.relowner))) acl
      where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and acl.grantee = 0
        and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
     union all
     select format('function %s: %s', p.oid::regprocedure, acl.privilege_type)
       from pg_proc p join ours s on s.oid = p.pronamespace,
            aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) acl
      where acl.grantee = 0 and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
     union all
     select format('database %s: %s', d.datname, acl.privilege_type)
       from pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) acl
      where d.datname = current_database() and acl.grantee = 0
     order by 1`,
    [],
  );
}
