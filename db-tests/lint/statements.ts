// The statement lint: rules about the SQL statements inside our functions' bodies, which the catalog
// alone cannot answer. Each function body is parsed with PostgreSQL's own parser (libpg_query, through
// @libpg-query/parser: PL/pgSQL bodies into their statements, each statement into its parse tree), and
// each rule walks the trees with what the catalog says about tables (distributed or reference on Citus,
// by the migrator's rule) and functions (volatility, tenant argument). The rules are the statement kinds
// Citus refuses when a tenant function runs delegated on a worker (issue 10, docs/scaling.md, "Routing:
// one task per statement"); db-tests/citus/lint/statement_kinds_citus_refuses.test.ts shows each refused on
// Citus and each rewrite running. Run by db-tests/lint/statements.test.ts; each rule has its breaking case
// db-tests/lint/<rule>.broken.sql like the SQL rules of the pack.
//
// What a raw parse tree cannot tell, and the Citus routing check (db-tests/citus/routing/) still catches
// on the paths the package calls take: the volatility of operators and of casts other than a column of the
// written table cast to another type, and statements built at run time (EXECUTE).
import parser from '@libpg-query/parser';
import type pg from 'pg';

// biome-ignore lint/suspicious/noExplicitAny: parse trees are JSON of many node types
type Tree = any;

/** A function of ours, as the catalog has it. */
export interface LintFunction {
  /** regprocedure text, e.g. orders.place_order(uuid,uuid,...) */
  signature: string;
  /** schema.name, lower case */
  name: string;
  language: 'plpgsql' | 'sql';
  definition: string;
  source: string;
  argumentNames: string[];
  /** first argument p_tenant_id uuid: a distributed function on Citus, delegated to the tenant's worker */
  tenantFunction: boolean;
  trigger: boolean;
}

export interface LintCatalog {
  functions: LintFunction[];
  /** schema.name -> kind on Citus, for the tables of the domain schemas (node-local schemas left out) */
  tables: Map<string, 'distributed' | 'reference'>;
  /** schema.name -> column -> type name, for those tables */
  columns: Map<string, Map<string, string>>;
  /** schema.name, and the bare name for pg_catalog -> the most volatile of its overloads: i, s or v */
  volatility: Map<string, string>;
  /** "source type -> target type name" -> volatility of that cast (output function for casts to text) */
  casts: Map<string, string>;
}

/** One SQL statement of a function body, parsed. */
export interface Statement {
  fn: LintFunction;
  /** line of the function's body (PL/pgSQL; line 1 is the one the body starts on, `as $$`), 0 when unknown */
  line: number;
  text: string;
  tree: Tree;
  /** names that are PL/pgSQL variables or parameters (lower case), never columns */
  variables: Set<string>;
}

const NODE_LOCAL = ['migrations', 'ops'];

/** Reads what the rules need from the catalog of a migrated database. */
export async function loadLintCatalog(client: pg.ClientBase): Promise<LintCatalog> {
  const { rows: fns } = await client.query<{
    signature: string;
    name: string;
    language: 'plpgsql' | 'sql';
    definition: string;
    source: string;
    argument_names: string[] | null;
    tenant_function: boolean;
    trigger: boolean;
  }>(`
    select p.oid::regprocedure::text as signature, lower(n.nspname || '.' || p.proname) as name,
      l.lanname as language, pg_get_functiondef(p.oid) as definition, p.prosrc as source,
      p.proargnames as argument_names,
      p.pronargs > 0 and p.proargtypes[0] = 'uuid'::regtype and (p.proargnames)[1] = 'p_tenant_id' as tenant_function,
      p.prorettype = 'trigger'::regtype as trigger
    from pg_proc p
    join tests.linted_schemas n on n.oid = p.pronamespace
    join pg_language l on l.oid = p.prolang
    where l.lanname in ('plpgsql', 'sql') and p.prokind in ('f', 'p')
      and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
    order by 1`);
  const { rows: tables } = await client.query<{
    name: string;
    tenant: boolean;
    columns: Record<string, string>;
  }>(
    `select lower(t.qualified) as name, t.has_tenant_id and t.qualified <> 'tenancy.tenants' as tenant,
       (select jsonb_object_agg(a.attname, format_type(a.atttypid, null)) from pg_attribute a
         where a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped) as columns
     from tests.linted_tables t where t.schema_name <> all ($1)
     union all
     -- views read like tables: distributed when they read a tenant table
     select lower(format('%I.%I', n.nspname, c.relname)), exists (
         select from pg_depend d join pg_rewrite r on r.oid = d.objid
          join tests.linted_tables t on t.oid = d.refobjid
         where r.ev_class = c.oid and t.has_tenant_id and t.qualified <> 'tenancy.tenants'),
       (select jsonb_object_agg(a.attname, format_type(a.atttypid, null)) from pg_attribute a
         where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped)
     from pg_class c join tests.linted_schemas n on n.oid = c.relnamespace
     where c.relkind in ('v', 'm') and n.nspname <> all ($1)`,
    [NODE_LOCAL],
  );
  const { rows: vol } = await client.query<{ name: string; volatility: string }>(`
    select name, max(provolatile) as volatility   -- 'v' > 's' > 'i'
    from (
      select lower(n.nspname || '.' || p.proname) as name, p.provolatile::text as provolatile
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      union all
      select p.proname, p.provolatile::text from pg_proc p where p.pronamespace = 'pg_catalog'::regnamespace
    ) f group by name`);
  const { rows: casts } = await client.query<{ key: string; volatility: string }>(`
    select format_type(c.castsource, null) || ' -> ' || t.typname as key, max(p.provolatile::text) as volatility
      from pg_cast c join pg_type t on t.oid = c.casttarget join pg_proc p on p.oid = c.castfunc
     group by 1
    union all
    -- a cast to a string type without a cast function goes through the source type's output function
    select format_type(s.oid, null) || ' -> ' || target, p.provolatile::text
      from pg_type s join pg_proc p on p.oid = s.typoutput
      cross join unnest(array['text', 'varchar', 'bpchar']) target
     where s.typtype in ('b', 'r', 'e', 'd', 'm')`);
  return {
    functions: fns.map((f) => ({
      signature: f.signature,
      name: f.name,
      language: f.language,
      definition: f.definition,
      source: f.source,
      argumentNames: (f.argument_names ?? []).map((a) => a.toLowerCase()),
      tenantFunction: f.tenant_function,
      trigger: f.trigger,
    })),
    tables: new Map(tables.map((t) => [t.name, t.tenant ? 'distributed' : 'reference'])),
    columns: new Map(tables.map((t) => [t.name, new Map(Object.entries(t.columns ?? {}))])),
    volatility: new Map(vol.map((v) => [v.name, v.volatility])),
    casts: new Map(casts.map((c) => [c.key, c.volatility])),
  };
}

// ---- parse trees -------------------------------------------------------------------------------------

/** Calls `visit(type, node)` for every node below `tree` (a node is an object with one capitalised key). */
function walk(tree: Tree, visit: (type: string, node: Tree) => boolean | undefined): void {
  if (Array.isArray(tree)) {
    for (const item of tree) walk(item, visit);
    return;
  }
  if (!tree || typeof tree !== 'object') return;
  for (const [key, value] of Object.entries(tree)) {
    if (/^[A-Z]/.test(key) && value && typeof value === 'object') {
      if (visit(key, value) === false) continue; // false: do not descend
    }
    walk(value, visit);
  }
}

function find(tree: Tree, type: string): Tree[] {
  const found: Tree[] = [];
  walk(tree, (t, node) => {
    if (t === type) found.push(node);
    return undefined;
  });
  return found;
}

const names = (list: Tree[] | undefined): string[] =>
  (list ?? []).map((n: Tree) => String(n.String?.sval ?? '').toLowerCase());

/** The qualified name of a called function, as the catalog map keys it. */
const funcName = (call: Tree): string => names(call.funcname).join('.');

/**
 * libpg_query 17.6 writes malformed JSON for a function that assigns to a field of a variable declared
 * with a composite type (`v orders.orders; ... v.total_amount := x`: "Unexpected non-whitespace character
 * after JSON"), though PostgreSQL runs it. Such a body is read again with each field target written as
 * its variable (`v := x`): the expression, which is all the rules read, is the same.
 */
function parsePlPgSQL(definition: string): Tree {
  try {
    return parser.parsePlPgSQLSync(definition) as Tree;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const fieldTargets = /^(\s*)([a-z_][a-z0-9_]*)\.[a-z_][a-z0-9_]*(\s*:=)/gim;
    return parser.parsePlPgSQLSync(definition.replace(fieldTargets, '$1$2$3')) as Tree;
  }
}

/** The statements of a function body, each parsed; a body the parser refuses is an error naming it. */
export function statementsOf(fn: LintFunction): Statement[] {
  const variables = new Set(fn.argumentNames.filter(Boolean));
  const texts: { text: string; mode: number; line: number }[] = [];
  if (fn.language === 'plpgsql') {
    const tree = parsePlPgSQL(fn.definition);
    const collect = (node: Tree, line: number): void => {
      if (Array.isArray(node)) {
        for (const item of node) collect(item, line);
        return;
      }
      if (!node || typeof node !== 'object') return;
      const here = typeof node.lineno === 'number' ? node.lineno : line;
      for (const [key, value] of Object.entries(node)) {
        const v = value as Tree;
        if (key === 'PLpgSQL_expr') texts.push({ text: v.query, mode: v.parseMode ?? 0, line: here });
        else if (/^PLpgSQL_(var|rec|row)$/.test(key) && typeof v?.refname === 'string')
          variables.add(v.refname.toLowerCase());
        collect(v, here);
      }
    };
    collect(tree, 0);
  } else {
    // a SQL-standard body (begin atomic ... end) is not in prosrc: parse the whole definition
    texts.push({ text: fn.source.trim() ? fn.source : fn.definition, mode: 0, line: 0 });
  }
  const statements: Statement[] = [];
  for (const { text, mode, line } of texts) {
    // parseMode 0: a whole statement; 2: an expression; 3-5: an assignment "target := expression"
    const sql = mode === 0 ? text : `select ${mode >= 3 ? text.replace(/^[^=:]*:?=\s*/s, '') : text}`;
    let parsed: Tree;
    try {
      parsed = parser.parseSync(sql) as Tree;
    } catch (error) {
      throw new Error(
        `${fn.signature}: the parser refuses "${sql.slice(0, 200)}": ${(error as Error).message}`,
      );
    }
    for (const s of parsed.stmts ?? []) statements.push({ fn, line, text: sql, tree: s.stmt, variables });
  }
  return statements;
}

/** Every statement of every function, parsed once. */
export function allStatements(catalog: LintCatalog): Statement[] {
  return catalog.functions.flatMap(statementsOf);
}

/** The tables a statement reads or writes (schema.name), CTE names left out; unqualified names resolved. */
function relationsOf(catalog: LintCatalog, tree: Tree): string[] {
  const ctes = new Set(find(tree, 'CommonTableExpr').map((c) => String(c.ctename).toLowerCase()));
  const found = new Set<string>();
  for (const rv of find(tree, 'RangeVar')) {
    const rel = String(rv.relname).toLowerCase();
    if (!rv.schemaname && ctes.has(rel)) continue;
    if (rv.schemaname) found.add(`${String(rv.schemaname).toLowerCase()}.${rel}`);
    else for (const t of catalog.tables.keys()) if (t.endsWith(`.${rel}`)) found.add(t);
  }
  return [...found];
}

const where = (s: Statement): string => `${s.fn.signature}${s.line ? ` line ${s.line}` : ''}`;
const excerpt = (s: Statement): string => s.text.replace(/\s+/g, ' ').trim().slice(0, 100);

function volatilityOf(catalog: LintCatalog, call: Tree): string | undefined {
  return catalog.volatility.get(funcName(call));
}

/** Whether a ColumnRef names a table column (not a PL/pgSQL variable, parameter or record field). */
function isColumn(ref: Tree, variables: Set<string>): boolean {
  const [first] = names(ref.fields);
  return first !== undefined && first !== '' && !variables.has(first);
}

/**
 * The non-immutable things in an expression (not descending into subqueries): calls of stable or volatile
 * functions, SQL value functions (current_timestamp and the like: stable), casts of a column of `table`
 * whose cast is not immutable. Each as a short text.
 */
function mutableParts(catalog: LintCatalog, expr: Tree, table: string | undefined): string[] {
  const parts: string[] = [];
  walk(expr, (type, node) => {
    if (type === 'SubLink' || type === 'SelectStmt') return false;
    if (type === 'FuncCall') {
      const v = volatilityOf(catalog, node);
      if (v && v !== 'i') parts.push(`${funcName(node)}() (${v === 'v' ? 'volatile' : 'stable'})`);
    } else if (type === 'SQLValueFunction') {
      parts.push(`${String(node.op).replace('SVFOP_', '').toLowerCase()} (stable)`);
    } else if (type === 'TypeCast' && node.arg?.ColumnRef && table) {
      const column = names(node.arg.ColumnRef.fields).at(-1) ?? '';
      const source = catalog.columns.get(table)?.get(column);
      const target = names(node.typeName?.names).at(-1) ?? '';
      const v = source ? catalog.casts.get(`${source} -> ${target}`) : undefined;
      if (v && v !== 'i') parts.push(`${column}::${target} (a ${v === 'v' ? 'volatile' : 'stable'} cast)`);
    }
    return undefined;
  });
  return parts;
}

/** Non-immutable calls whose arguments name a table column (Citus: "cannot be called with column references"). */
function mutableCallsOnColumns(catalog: LintCatalog, expr: Tree, variables: Set<string>): string[] {
  const found: string[] = [];
  walk(expr, (type, node) => {
    if (type === 'SubLink' || type === 'SelectStmt') return false;
    if (type === 'FuncCall' && volatilityOf(catalog, node) === 's') {
      if (find(node.args ?? [], 'ColumnRef').some((r) => isColumn(r, variables)))
        found.push(`${funcName(node)}()`);
    }
    return undefined;
  });
  return found;
}

function volatileCalls(catalog: LintCatalog, expr: Tree): string[] {
  const found: string[] = [];
  walk(expr, (type, node) => {
    if (type === 'SubLink' || type === 'SelectStmt') return false;
    if (type === 'FuncCall' && volatilityOf(catalog, node) === 'v') found.push(`${funcName(node)}()`);
    return undefined;
  });
  return found;
}

// ---- the rules ---------------------------------------------------------------------------------------

/**
 * (a) A modification of a Citus table calls no non-immutable function where Citus cannot evaluate it
 * before routing (multi_router_planner.c, ModifyQuerySupported): inside CASE or COALESCE of an UPDATE's
 * SET or of a WHERE; a stable function with a column argument there; a volatile function in an UPDATE's
 * SET or in a WHERE; anything non-immutable in RETURNING, in ON CONFLICT DO UPDATE SET (but a plain column)
 * or in ON CONFLICT's WHEREs. Read the value into a variable first, use least()/greatest(), or return the
 * column itself.
 */
function modificationsCitusCanRoute(catalog: LintCatalog, statements: Statement[]): string[] {
  const offenders: string[] = [];
  for (const s of statements) {
    walk(s.tree, (type, node) => {
      if (!['UpdateStmt', 'DeleteStmt', 'InsertStmt'].includes(type)) return undefined;
      const rv = node.relation;
      const table = rv?.schemaname
        ? `${String(rv.schemaname).toLowerCase()}.${String(rv.relname).toLowerCase()}`
        : '';
      if (!catalog.tables.has(table)) return undefined;
      const say = (what: string) => offenders.push(`${where(s)}: ${what} (${excerpt(s)})`);
      for (const part of mutableParts(catalog, node.returningList, table))
        say(`RETURNING of a write to ${table} calls ${part}`);
      // INSERT ... ON CONFLICT: DO UPDATE SET (but a plain column) and the WHEREs take immutable functions only
      const conflict = node.onConflictClause;
      if (conflict) {
        const sets = (conflict.targetList ?? [])
          .map((t: Tree) => t.ResTarget?.val)
          .filter((v: Tree) => !v?.ColumnRef);
        for (const part of mutableParts(catalog, sets, table))
          say(`ON CONFLICT DO UPDATE SET of a write to ${table} calls ${part}`);
        for (const part of mutableParts(catalog, [conflict.whereClause, conflict.infer?.whereClause], table))
          say(`ON CONFLICT WHERE of a write to ${table} calls ${part}`);
      }
      const clauses: [string, Tree][] = [['WHERE', node.whereClause]];
      if (type === 'UpdateStmt')
        clauses.unshift(['SET', (node.targetList ?? []).map((t: Tree) => t.ResTarget?.val)]);
      for (const [clause, expr] of clauses) {
        if (!expr) continue;
        for (const kind of ['CaseExpr', 'CoalesceExpr']) {
          for (const inner of find(expr, kind))
            for (const part of mutableParts(catalog, inner, table))
              say(
                `${clause} of a write to ${table} calls ${part} inside ${kind === 'CaseExpr' ? 'CASE' : 'COALESCE'}`,
              );
        }
        for (const call of mutableCallsOnColumns(catalog, expr, s.variables))
          say(`${clause} of a write to ${table} calls stable ${call} with a column argument`);
        for (const call of volatileCalls(catalog, expr))
          say(`${clause} of a write to ${table} calls volatile ${call}`);
      }
      return undefined;
    });
  }
  return [...new Set(offenders)];
}

/** The functions that run inside a delegated call: the tenant functions and every function they call. */
function delegatedFunctions(catalog: LintCatalog, statements: Statement[]): Set<string> {
  const calls = new Map<string, Set<string>>();
  for (const s of statements) {
    const set = calls.get(s.fn.name) ?? new Set<string>();
    for (const call of find(s.tree, 'FuncCall')) set.add(funcName(call));
    calls.set(s.fn.name, set);
  }
  const reached = new Set(catalog.functions.filter((f) => f.tenantFunction).map((f) => f.name));
  const queue = [...reached];
  while (queue.length) {
    for (const callee of calls.get(queue.pop() ?? '') ?? []) {
      if (calls.has(callee) && !reached.has(callee)) {
        reached.add(callee);
        queue.push(callee);
      }
    }
  }
  return reached;
}

/**
 * (b) No statement of a function that runs delegated (a tenant function, or one it calls) reads a reference
 * table together with a distributed one: Citus refuses it ("queries must filter by the distribution
 * argument in the same colocation group when using the forced function pushdown"). Read the reference
 * table first, in a statement of its own, into a variable.
 */
function delegatedStatementsJoinNoReferenceTable(catalog: LintCatalog, statements: Statement[]): string[] {
  const delegated = delegatedFunctions(catalog, statements);
  const offenders: string[] = [];
  for (const s of statements) {
    if (!delegated.has(s.fn.name) || s.fn.trigger) continue;
    const rels = relationsOf(catalog, s.tree);
    const reference = rels.filter((r) => catalog.tables.get(r) === 'reference');
    const distributed = rels.filter((r) => catalog.tables.get(r) === 'distributed');
    if (reference.length && distributed.length)
      offenders.push(
        `${where(s)}: reads reference table ${reference.join(', ')} with distributed ${distributed.join(', ')} (${excerpt(s)})`,
      );
  }
  return offenders;
}

/** Functions of ours that read distributed tables, themselves or through the functions they call. */
function functionsReadingDistributedTables(catalog: LintCatalog, statements: Statement[]): Set<string> {
  const calls = new Map<string, Set<string>>();
  const reading = new Set<string>();
  for (const s of statements) {
    const set = calls.get(s.fn.name) ?? new Set<string>();
    for (const call of find(s.tree, 'FuncCall')) set.add(funcName(call));
    calls.set(s.fn.name, set);
    if (relationsOf(catalog, s.tree).some((r) => catalog.tables.get(r) === 'distributed'))
      reading.add(s.fn.name);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [fn, callees] of calls)
      if (!reading.has(fn) && [...callees].some((c) => reading.has(c))) {
        reading.add(fn);
        grew = true;
      }
  }
  return reading;
}

/**
 * (c) A function of ours that reads distributed tables is called alone in its statement, never in a
 * statement that reads distributed tables too (in its select list, WHERE, FROM or a lateral join): when
 * the calling function runs on the coordinator (a call Citus does not delegate: an argument with a
 * volatile function or a subquery, a package query), the statement goes to a shard and the nested reads
 * are refused there ("cannot execute a distributed query from a query on a shard"). Delegated, it runs;
 * the rule keeps every function right however it is called. Call it first, into a variable. Trigger
 * functions are left out: they run on the shard, where Citus allows a trigger's local reads.
 */
function readingFunctionsAreCalledAlone(catalog: LintCatalog, statements: Statement[]): string[] {
  const reading = functionsReadingDistributedTables(catalog, statements);
  const offenders: string[] = [];
  for (const s of statements) {
    if (s.fn.trigger) continue;
    const distributed = relationsOf(catalog, s.tree).filter((r) => catalog.tables.get(r) === 'distributed');
    if (!distributed.length) continue;
    const nested = [...new Set(find(s.tree, 'FuncCall').map(funcName))].filter((f) => reading.has(f));
    for (const fn of nested)
      offenders.push(
        `${where(s)}: calls ${fn}() (it reads distributed tables) in a statement that reads ${distributed.join(', ')} (${excerpt(s)})`,
      );
  }
  return offenders;
}

export const STATEMENT_RULES: Record<string, (catalog: LintCatalog, statements: Statement[]) => string[]> = {
  modifications_call_no_function_citus_cannot_route: modificationsCitusCanRoute,
  delegated_statements_read_no_reference_table_beside_distributed: delegatedStatementsJoinNoReferenceTable,
  functions_reading_tables_are_called_alone: readingFunctionsAreCalledAlone,
};

/** The offenders of `rule` in the database `client` is connected to. */
export async function statementLintOffenders(client: pg.ClientBase, rule: string): Promise<string[]> {
  const check = STATEMENT_RULES[rule];
  if (!check) throw new Error(`no statement rule ${rule}`);
  await parser.loadModule();
  const catalog = await loadLintCatalog(client);
  return check(catalog, allStatements(catalog)).sort();
}
