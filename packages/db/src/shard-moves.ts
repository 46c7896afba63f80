// What Citus answers a transaction that ran into a shard group moving or splitting under it (a rebalance,
// citus_move_shard_placement, isolate_tenant_to_new_shard): the statement was planned, or a function call
// delegated to a worker, against placements that were gone when it ran. The transaction is rolled back
// and nothing was written; run again, it is planned against the new placements and goes through. Citus
// raises these with errmsg() only (SQLSTATE XX000, internal error), so the message is what tells them
// apart; they are matched here, in one place, against Citus 13.2.2's texts (src/backend/distributed).
//
// Not here, because they are typed already: "shard for the given value does not exist" (a concurrent
// split; Citus raises it as 40001 with the hint "Retry the query"), retried as a serialization failure.

/** The XX000 messages Citus gives a query or a delegated call whose shard moved away or was split. */
export const SHARD_MOVE_MESSAGES: readonly { pattern: RegExp; when: string }[] = [
  {
    // multi_executor.c EnsureTaskExecutionAllowed: a call delegated to the worker that held the tenant's
    // shard group, which then moved away; the function's statements are no longer local to that worker
    pattern: /^cannot execute a distributed query from a query on a shard\b/,
    when: 'a function call delegated to a worker whose shard group moved away during the call',
  },
  {
    // metadata_utility.c / metadata_cache.c: the shard or placement was planned, then dropped (a split, the
    // source of a move cleaned up); citusdata/citus#6360, #6029 (writes during a split)
    pattern: /^could not find valid entry for shard (placement )?\d+/,
    when: 'a write planned against a shard (or placement) that a split or a move removed',
  },
  {
    // multi_physical_planner.c: the shard has no active placement at the moment it is assigned
    pattern: /^no active placements were found for shard \d+/,
    when: 'a shard between its old placement and its new one',
  },
  {
    // metadata_utility.c: no placement of the shard is usable
    pattern: /^could not find any healthy placement for shard \d+/,
    when: 'a shard between its old placement and its new one',
  },
  {
    // multi_physical_planner.c after the WARNING "could not find any shard placements for shardId ...":
    // a statement waited on a split's lock and found its shard gone (citusdata/citus#1160)
    pattern: /^failed to assign \d+ task\(s\) to worker nodes/,
    when: 'a statement that waited on a split and found its shard gone',
  },
  {
    // metadata_utility.c: the size of a shard without placements (a move under way)
    pattern: /^could not find length of shard \d+/,
    when: 'a shard between its old placement and its new one',
  },
  {
    // local_executor.c: the local executor on a node that no longer has the shard
    pattern: /^shard \d+ does not have any shard placements/,
    when: 'a shard between its old placement and its new one',
  },
];

// A shard's table is `<table>_<shard id>`; Citus numbers shards from 102008, so at least six digits.
const SHARD_RELATION = /^relation "(?:[^".]+\.)?[^"]+_\d{6,}" does not exist/;

/**
 * Whether a server error is Citus refusing a statement because a shard moved or split under it, so that
 * the whole transaction can be run again: one of SHARD_MOVE_MESSAGES with SQLSTATE XX000, or 42P01 for a
 * shard's own table (`relation "orders.orders_102039" does not exist`: a read sent to a shard that a split
 * dropped meanwhile, citusdata/citus#6029). Never true for a table of the schema itself.
 */
export function isShardMoveError(sqlstate: string, message: string): boolean {
  if (sqlstate === 'XX000') return SHARD_MOVE_MESSAGES.some((m) => m.pattern.test(message));
  if (sqlstate === '42P01') return SHARD_RELATION.test(message);
  return false;
}
