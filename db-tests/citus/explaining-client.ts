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
      const explained = await send(`explain (format json) ${text}`, values ?? []);
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
 * PostgreSQL, where nothing is distributed, the proxy for it: the statement names the tenant as a value
 * (one of its parameters), except an insert, whose tenant_id comes from the column default (evaluated on
 * the coordinator on Citus, before routing).
 */
export function routingProblems(statement: ExplainedStatement, tenantId: string, citus: boolean): string[] {
  if (citus) {
    return citusScans(statement.plan).flatMap((scan) => [
      ...(scan.tasks === 1 ? [] : [`${scan.tasks ?? 'unknown'} tasks`]),
      ...(scan.subplans === 0 ? [] : [`${scan.subplans} subplans`]),
    ]);
  }
  if (/^\s*insert\b/i.test(statement.text)) return [];
  return statement.values.includes(tenantId) ? [] : ['the tenant is not one of its parameters'];
}

/** Whether the database is a Citus coordinator (the citus extension is installed there). */
export async function isCitus(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query(
    `select exists (select 1 from pg_extension where extname = 'citus') as citus`,
  );
  return rows[0]?.citus === true;
}
