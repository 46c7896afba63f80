/* A buyer asks to return shipped units of an order (orders.request_return). */
/* @name RequestReturn */
select r.return_id as "return_id!", r.order_id as "order_id!", r.buyer_id as "buyer_id!", r.state as "state!",
  r.reason, r.warehouse_id, r.credit_amount, r.requested_at as "requested_at!", r.received_at
from orders.request_return(
  p_tenant_id => :tenantId!::uuid,
  p_order_id => :orderId!::uuid,
  p_buyer_id => :buyerId!::uuid,
  p_lines => :lines!::jsonb,
  p_reason => :reason::text
) r;

/* Returned units arrive: restocked, credited (orders.receive_return). */
/* @name ReceiveReturn */
select r.return_id as "return_id!", r.order_id as "order_id!", r.buyer_id as "buyer_id!", r.state as "state!",
  r.reason, r.warehouse_id, r.credit_amount, r.requested_at as "requested_at!", r.received_at
from orders.receive_return(p_tenant_id => :tenantId!::uuid, p_return_id => :returnId!::uuid, p_warehouse_id => :warehouseId!::uuid) r;

/* Cancels a requested return (orders.cancel_return). */
/* @name CancelReturn */
select r.return_id as "return_id!", r.order_id as "order_id!", r.buyer_id as "buyer_id!", r.state as "state!",
  r.reason, r.warehouse_id, r.credit_amount, r.requested_at as "requested_at!", r.received_at
from orders.cancel_return(p_tenant_id => :tenantId!::uuid, p_return_id => :returnId!::uuid) r;
