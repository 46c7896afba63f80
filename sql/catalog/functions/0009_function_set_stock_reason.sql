-- Names why the next write of catalog.stock_levels happens, for the journal triggers
-- (catalog.journal_stock_inserts / journal_stock_updates): transaction-local settings, set just before
-- the write and cleared (p_reason null) right after it, so a later write in the same transaction does
-- not inherit them. Only the order functions use the order reasons; reserved may change only under one.
--
-- SET LOCAL, not set_config(..., true), as app.set_tenant does: on Citus the coordinator replays a SET LOCAL
-- on every worker connection of the transaction (citus.propagate_set_commands = 'local'), so a reason set
-- on the coordinator (a loader's COPY, an admin's direct update) reaches the shard where the journal
-- trigger runs; set_config would stay on the coordinator and the write be journaled as an adjustment.
-- Called inside a distributed function (the order and stock functions), it runs on the worker with them.
create or replace function catalog.set_stock_reason(p_reason text, p_order_id uuid default null, p_return_id uuid default null)
returns void
language plpgsql
as $$
begin
  execute pg_catalog.format('set local app.stock_reason = %L', coalesce(p_reason, ''));
  execute pg_catalog.format('set local app.stock_order_id = %L', coalesce(p_order_id::text, ''));
  execute pg_catalog.format('set local app.stock_return_id = %L', coalesce(p_return_id::text, ''));
end
$$;
comment on function catalog.set_stock_reason(text, uuid, uuid) is
  'Sets (SET LOCAL, so that Citus carries it to the workers) the reason, order and return the stock journal records for the next writes of catalog.stock_levels; null clears them. Called around each stock write by the order functions (order, cancel, fulfilment, return) and by sync_stock_levels / adjust_stock_levels (sync, adjustment). Without a reason a write is journaled as adjustment and may not change reserved.';
