// Who may do what in a database, as lines of text that do not depend on object ids: roles, owners,
// grants (schemas, tables, columns, sequences, functions, types, default privileges, the database),
// row-level security and its policies, security definer settings, and the leakproof marks. A backup
// records them; a restore must reproduce them exactly (a dump does not hold roles, and a plain restore
// loses the superuser's leakproof marks of sql/bootstrap/after_migrate).
import type pg from 'pg';

/** Schemas of PostgreSQL itself, whose objects only the leakproof marks are read from. */
const SYSTEM = `('pg_catalog', 'information_schema')`;
const OURS = (nsp: string) => `${nsp} not in ${SYSTEM} and ${nsp} !~ '^pg_(toast|temp_|toast_temp_)'`;
/**
 * An ACL as sorted text, so the order PostgreSQL happened to store its items in does not count. A
 * relation's missing ACL is read as its default (the owner's privileges): a table whose ACL was made
 * explicit by a REVOKE from other roles but equals the default (audit.chain_keys) is dumped without one,
 * and the restored table has none; both mean the same privileges.
 */
const ACL = (acl: string) =>
  `coalesce(array_to_string(array(select x::text from unnest(${acl}) x order by 1), ' '), '(default)')`;

const FINGERPRINT_SQL = `
-- roles the database can refer to (our own, not the superusers or PostgreSQL's pg_* roles)
select 'role ' || r.rolname || ': ' || concat_ws(' ',
  case when r.rolcanlogin then 'login' else 'nologin' end,
  case when r.rolinherit then 'inherit' else 'noinherit' end,
  case when r.rolcreatedb then 'createdb' end, case when r.rolcreaterole then 'createrole' end,
  case when r.rolreplication then 'replication' end, case when r.rolbypassrls then 'bypassrls' end,
  'member of {' || array_to_string(array(
    select g.rolname from pg_catalog.pg_auth_members m join pg_catalog.pg_roles g on g.oid = m.roleid
    where m.member = r.oid order by 1), ',') || '}') as line
from pg_catalog.pg_roles r
where not r.rolsuper and r.rolname !~ '^pg_'
union all
select 'database: ' || ${ACL('d.datacl')}
from pg_catalog.pg_database d where d.datname = current_database()
union all
select 'schema ' || n.nspname || ' owner ' || pg_catalog.pg_get_userbyid(n.nspowner) || ': ' || ${ACL('n.nspacl')}
from pg_catalog.pg_namespace n where ${OURS('n.nspname')}
union all
select 'relation ' || c.oid::regclass::text || ' (' || c.relkind::text || ') owner ' || pg_catalog.pg_get_userbyid(c.relowner)
  || ': ' || ${ACL(`coalesce(c.relacl, pg_catalog.acldefault(case when c.relkind = 'S' then 's' else 'r' end::"char", c.relowner))`)}
  || case when c.relrowsecurity then ' rls' else '' end || case when c.relforcerowsecurity then ' forced' else '' end
from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where ${OURS('n.nspname')} and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
union all
select 'column ' || a.attrelid::regclass::text || '.' || quote_ident(a.attname) || ': ' || ${ACL('a.attacl')}
from pg_catalog.pg_attribute a
join pg_catalog.pg_class c on c.oid = a.attrelid join pg_catalog.pg_namespace n on n.oid = c.relnamespace
where ${OURS('n.nspname')} and a.attacl is not null and not a.attisdropped
union all
select 'function ' || p.oid::regprocedure::text || ' owner ' || pg_catalog.pg_get_userbyid(p.proowner) || ': '
  || ${ACL('p.proacl')}
  || case when p.prosecdef then ' security definer' else '' end
  || coalesce(' set ' || array_to_string(p.proconfig, ','), '')
from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
where ${OURS('n.nspname')}
union all
select 'type ' || t.oid::regtype::text || ' owner ' || pg_catalog.pg_get_userbyid(t.typowner) || ': ' || ${ACL('t.typacl')}
from pg_catalog.pg_type t join pg_catalog.pg_namespace n on n.oid = t.typnamespace
where ${OURS('n.nspname')} and t.typacl is not null
union all
select 'default privileges of ' || pg_catalog.pg_get_userbyid(d.defaclrole) || ' in '
  || coalesce(n.nspname, '(all schemas)') || ' on ' || d.defaclobjtype::text || ': ' || ${ACL('d.defaclacl')}
from pg_catalog.pg_default_acl d left join pg_catalog.pg_namespace n on n.oid = d.defaclnamespace
union all
select 'policy ' || quote_ident(p.schemaname) || '.' || quote_ident(p.tablename) || ' ' || quote_ident(p.policyname)
  || ': ' || p.permissive::text || ' for ' || p.cmd::text || ' to ' || array_to_string(array(select unnest(p.roles) order by 1), ',')
  || ' using (' || coalesce(p.qual, '') || ') with check (' || coalesce(p.with_check, '') || ')'
from pg_catalog.pg_policies p
union all
select 'extension ' || e.extname || ' ' || e.extversion || ' in ' || n.nspname
from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace
union all
-- every leakproof function, PostgreSQL's own included: the reviewed marks live in pg_catalog and in the
-- extensions' functions, where a dump does not look
select 'leakproof ' || p.oid::regprocedure::text
from pg_catalog.pg_proc p where p.proleakproof
order by 1`;

/**
 * The privilege fingerprint of the database `client` is connected to, one sorted line per fact. Roles are
 * cluster-wide: only those the database refers to (an owner, a grantee or grantor, a policy's role) are
 * part of it, so a role the cluster has for other reasons (a replication login) does not count.
 */
export async function privilegeFingerprint(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(FINGERPRINT_SQL);
  const lines = rows.map((r) => r.line);
  const facts = lines.filter((line) => !line.startsWith('role ')).join('\n');
  return lines.filter((line) => {
    const role = /^role ([^:]+):/.exec(line)?.[1];
    return (
      role === undefined ||
      new RegExp(`(^|[^A-Za-z0-9_$])${role.replace(/[^A-Za-z0-9_]/g, '\\$&')}($|[^A-Za-z0-9_$])`, 'm').test(
        facts,
      )
    );
  });
}

/** Lines only in the backup (`-`) and only in the restored database (`+`). */
export function compareFingerprints(expected: string[], actual: string[]): string[] {
  const want = new Set(expected);
  const got = new Set(actual);
  return [
    ...expected.filter((line) => !got.has(line)).map((line) => `- ${line}`),
    ...actual.filter((line) => !want.has(line)).map((line) => `+ ${line}`),
  ];
}
