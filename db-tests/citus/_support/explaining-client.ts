// A client wrapper for routing checks: while installed on a client, every statement the client sends is
// first EXPLAINed (FORMAT JSON) with the same parameters, then run as sent. The plans say where each
// statement runs: on Citus, a statement that touches a distributed table has a Citus custom scan whose job
// has a task count (one task: routed to one shard; a delegated distributed function call is one task
// too); on plain PostgreSQL the plan is the ordinary one. Reusable for any package: install it inside
// withTenant's callback (the client is the same object, so tenantOf(client) still answers).
import type pg from 'pg';

export interface PlanNode {
  'Node Type': string;
  'Custom Plan Provider'?: string;
  'Distributed Query'?: {
    Job?: { 'Task Count'?: number; Tasks?: unknown[] };
    Subplans?: unknown[];
  };
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export interface ExplainedStatement {
  text: string;
  values: readonly unknown[];
  plan: PlanNode;
}

/** Statements that are not queries of the data: transaction control, settings, the tenant context. */
const NOT_EXPLAINED = /^\s*(begin|start|commit|rollback|savepoint|release|set|reset|show|explain|do)\b/i;

/**
 * Installs the wrapper on `client`; every statement sent through `client.query` (pgtyped's queries, plain
 * queries, text or config object) is pushed onto `into` with its plan. Returns the function that removes
 * it. Statements it cannot EXPLAIN (none of ours) make the call fail, so nothing goes unchecked.
 */
export function explainEveryStatement(client: pg.ClientBase, into: ExplainedStatement[]): () => void {
  const original = client.query;
  const send = original.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  const wrapped = async (...args: unknown[]): Promise<unknown> => {
    const [config, maybeValues] = args;
    const text = typeof config === 'string' ? config : (config as { text?: unknown } | undefined)?.text;
    const values =
      typeof config === 'string'
        ? (maybeValues as unknown[] | undefined)
        : ((config as { values?: unknown[] } | undefined)?.values ?? (maybeValues as unknown[] | undefined));
    if (typeof text === 'string' && !NOT_EXPLAINED.test(text)) {
      const explained = await send(`explain (format json) ${text}`, values ?? []).catch((error: Error) => {
        // keep the error (its SQLSTATE) and name the statement whose EXPLAIN failed
        error.message = `${error.message} (in EXPLAIN of: ${text.replace(/\s+/g, ' ').slice(0, 200)})`;
        throw error;
      });
      const plan = (explained.rows[0]?.['QUERY PLAN'] as Array<{ Plan: PlanNode }> | undefined)?.[0]?.Plan;
      if (!plan) throw new Error(`EXPLAIN gave no plan for: ${text}`);
      into.push({ text, values: values ?? [], plan });
    }
    return send(...args);
  };
  client.query = wrapped as unknown as typeof client.query;
  return () => {
    client.query = original;
  };
}

/** Every node of a plan, depth first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The Citus custom scans of a plan: their task counts, and how many subplans Citus had to run first. */
export function citusScans(plan: PlanNode): { tasks: number | undefined; subplans: number }[] {
  return planNodes(plan)
    .filter((n) => n['Node Type'] === 'Custom Scan' && /citus/i.test(n['Custom Plan Provider'] ?? ''))
    .map((n) => ({
      tasks: n['Distributed Query']?.Job?.['Task Count'],
      subplans: n['Distributed Query']?.Subplans?.length ?? 0,
    }));
}

/**
 * Why `statement` is not routed to the one shard of `tenantId` (empty when it is). On Citus: every Citus
 * scan has exactly one task and no subplan (a subplan is a query Citus ran across shards first). On plain
 * PostgreSQL, where nothing is distributed, the proxies for it:
 * - the statement names the tenant as a value (one of its parameters), except an insert, whose tenant_id
 *   comes from the column default (evaluated on the coordinator on Citus, before routing);
 * - a statement that calls a tenant function (`tenantFunctions`: schema.name of the functions whose first
 *   argument is p_tenant_id) reads no table besides: Citus delegates the call to the tenant's worker only
 *   when the statement is that call; joined with a table, the function runs inside a query on a shard,
 *   where its own queries are refused;
 * - each argument of a tenant function call is a plain value (parameters and literals, cast, named, or in
 *   coalesce(:at, now()) and the like, `isPlainArgument`):
 *   Citus does not delegate a call with a volatile argument (gen_random_uuid(), now(); "arguments in a
 *   distributed function must be constant expressions") or a subquery; the function then runs on the
 *   coordinator, and its statements that call other tenant functions are refused on the shard;
 * - no data-modifying CTE (a write below the top of the plan): Citus runs each part as a subplan;
 * - an insert takes its rows from VALUES or from tables, not from a function alone (unnest(),
 *   jsonb_to_recordset()): Citus pulls such an INSERT ... SELECT through the coordinator.
 */
export function routingProblems(
  statement: ExplainedStatement,
  tenantId: string,
  citus: boolean,
  tenantFunctions: readonly string[] = [],
): string[] {
  if (citus) {
    return citusScans(statement.plan).flatMap((scan) => [
      ...(scan.tasks === 1 ? [] : [`${scan.tasks ?? 'unknown'} tasks`]),
      ...(scan.subplans === 0 ? [] : [`${scan.subplans} subplans`]),
    ]);
  }
  const problems: string[] = [];
  const insert = /^\s*insert\b/i.test(statement.text);
  if (!insert && !statement.values.includes(tenantId))
    problems.push('the tenant is not one of its parameters');
  const nodes = planNodes(statement.plan);
  const readsTables = nodes.some(
    (n) => typeof n['Relation Name'] === 'string' && n['Node Type'] !== 'ModifyTable',
  );
  for (const fn of tenantFunctions) {
    const call = new RegExp(`\\b${fn.replace('.', '\\.')}\\s*\\(`, 'i');
    if (call.test(statement.text) && readsTables)
      problems.push(`${fn} is called in a statement that also reads tables`);
    for (const arg of callArguments(statement.text, fn))
      if (!isPlainArgument(arg)) problems.push(`${fn} gets an argument that is not a plain value: ${arg}`);
  }
  if (nodes.slice(1).some((n) => n['Node Type'] === 'ModifyTable')) problems.push('a data-modifying CTE');
  const writes = nodes.filter((n) => n['Node Type'] === 'ModifyTable' && n.Operation === 'Insert');
  for (const write of writes) {
    const sources = (write.Plans ?? []).flatMap(planNodes);
    if (sources.some((n) => n['Node Type'] === 'Function Scan') && !sources.some((n) => 'Relation Name' in n))
      problems.push('an insert of rows from a function alone (use VALUES)');
  }
  return problems;
}

/**
 * Functions an argument may call: PostgreSQL's immutable and stable ones that the package queries use
 * (coalesce(:at, now())). Citus delegates a call whose arguments hold no volatile function and no
 * subquery; any other call in an argument (gen_random_uuid(), random(), nextval(), a function of ours)
 * is flagged, so that a volatile one never slips in.
 */
const ARGUMENT_FUNCTIONS = new Set(['coalesce', 'nullif', 'greatest', 'least', 'now', 'array']);

/** Whether an argument's text is plain: parameters, literals, casts and calls of ARGUMENT_FUNCTIONS only. */
export function isPlainArgument(arg: string): boolean {
  const code = arg.replace(/'(?:[^']|'')*'/g, "''").replace(/::\s*[a-z_][a-z0-9_.]*(?:\s*\[\])?/gi, '');
  if (/\bselect\b/i.test(code)) return false;
  return [...code.matchAll(/([a-z_][a-z0-9_.]*)\s*\(/gi)].every((m) =>
    ARGUMENT_FUNCTIONS.has((m[1] ?? '').toLowerCase()),
  );
}

/**
 * The argument texts of every call of `fn` (schema.name) in `text`, split at the top-level commas of its
 * parentheses (strings and nested parentheses kept whole).
 */
export function callArguments(text: string, fn: string): string[] {
  const call = new RegExp(`\\b${fn.replace('.', '\\.')}\\s*\\(`, 'gi');
  const args: string[] = [];
  for (const match of text.matchAll(call)) {
    let depth = 1;
    let quoted = false;
    let current = '';
    for (let i = (match.index ?? 0) + match[0].length; i < text.length && depth > 0; i++) {
      const c = text[i];
      if (quoted) quoted = c !== "'";
      else if (c === "'") quoted = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      if (depth === 0 || (depth === 1 && !quoted && c === ',')) {
        if (current.trim()) args.push(current);
        current = '';
      } else current += c;
    }
  }
  return args;
}

/** The tenant functions of the domain schemas (first argument p_tenant_id), as schema.name. */
export async function tenantFunctions(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select distinct n.nspname || '.' || p.proname as name
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where (p.proargnames)[1] = 'p_tenant_id' and p.proargtypes[0] = 'uuid'::regtype
        and n.nspname not in ('pg_catalog', 'information_schema', 'tests', 'tap')
      order by 1`,
  );
  return rows.map((r) => r.name);
}

/** Whether the database is a Citus coordinator (the citus extension is installed there). */
export async function isCitus(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query(
    `select exists (select 1 from pg_extension where extname = 'citus') as citus`,
  );
  return rows[0]?.citus === true;
}
