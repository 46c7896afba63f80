-- Names why the next write of catalog.stock_levels happens, for the journal triggers
-- (catalog.journal_stock_inserts / journal_stock_updates): transaction-local settings, set just before
-- the write and cleared (p_reason null) right after it, so a later write in the same transaction does
-- not inherit them. Only the order functions use the order reasons; reserved may change only under one.
create or replace function catalog.set_stock_reason(p_reason text, p_order_id uuid default null, p_return_id uuid default null)
returns void
language plpgsql
as $$
begin
  perform pg_catalog.set_config('app.stock_reason', coalesce(p_reason, ''), true),
    pg_catalog.set_config('app.stock_order_id', coalesce(p_order_id::text, ''), true),
    pg_catalog.set_config('app.stock_return_id', coalesce(p_return_id::text, ''), true);
end
$$;
comment on function catalog.set_stock_reason(text, uuid, uuid) is
  'Sets (transaction-local) the reason, order and return the stock journal records for the next writes of catalog.stock_levels; null clears them. Called around each stock write by the order functions (order, cancel, fulfilment, return) and by sync_stock_levels / adjust_stock_levels (sync, adjustment). Without a reason a write is journaled as adjustment and may not change reserved.';
