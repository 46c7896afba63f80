/* Every order operation is one SQL function called once with named arguments; each returns the order
   header, selected here with the same columns (see OrderHeader in src/index.ts). */

/* Places an order in one call (orders.place_order): priced, checked, stock reserved; idempotent by key. */
/* @name PlaceOrder */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.place_order(
  p_tenant_id => :tenantId!::uuid,
  p_company_id => :companyId!::uuid,
  p_buyer_id => :buyerId!::uuid,
  p_currency => :currency!::text,
  p_lines => :lines!::jsonb,
  p_idempotency_key => :idempotencyKey!::text,
  p_purchase_order_number => :purchaseOrderNumber::text,
  p_billing_address_id => :billingAddressId::uuid,
  p_shipping_address_id => :shippingAddressId::uuid
) o;

/* Creates a draft (orders.create_draft): priced, holds no stock. */
/* @name CreateDraft */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.create_draft(
  p_tenant_id => :tenantId!::uuid,
  p_company_id => :companyId!::uuid,
  p_buyer_id => :buyerId!::uuid,
  p_currency => :currency!::text,
  p_lines => :lines!::jsonb,
  p_idempotency_key => :idempotencyKey::text,
  p_purchase_order_number => :purchaseOrderNumber::text,
  p_billing_address_id => :billingAddressId::uuid,
  p_shipping_address_id => :shippingAddressId::uuid
) o;

/* Edits a draft if it is still at the expected version (orders.update_draft; B3002 when stale). */
/* @name UpdateDraft */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.update_draft(
  p_tenant_id => :tenantId!::uuid,
  p_order_id => :orderId!::uuid,
  p_expected_version => :expectedVersion!::int,
  p_lines => :lines::jsonb,
  p_purchase_order_number => :purchaseOrderNumber::text,
  p_billing_address_id => :billingAddressId::uuid,
  p_shipping_address_id => :shippingAddressId::uuid
) o;

/* Submits a draft (orders.submit_order): re-priced, checked, stock reserved. */
/* @name SubmitOrder */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.submit_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_expected_version => :expectedVersion::int) o;

/* Cancels an order that shipped nothing and releases its stock (orders.cancel_order). */
/* @name CancelOrder */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.cancel_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid) o;

/* Ships units (all outstanding when lines is null) and consumes their reservations (orders.fulfil_order). */
/* @name FulfilOrder */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.fulfil_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid, p_lines => :lines::jsonb) o;

/* Closes a fulfilled order (orders.complete_order). */
/* @name CompleteOrder */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.complete_order(p_tenant_id => :tenantId!::uuid, p_order_id => :orderId!::uuid) o;

/* One order's header. */
/* @name GetOrder */
select o.order_id, o.company_id, o.buyer_id, o.currency, o.state, o.version,
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days, o.total_amount, o.submitted_at, o.created_at, o.updated_at
from orders.orders o
where o.tenant_id = :tenantId! and o.order_id = :orderId!;

/* One order's lines, in order. */
/* @name GetOrderLines */
select l.line_number, l.variant_id, v.sku, l.quantity, l.unit_price, l.line_total, l.priced_from,
  l.price_list_id, l.fulfilled_quantity
from orders.order_lines l
join catalog.variants v on v.tenant_id = l.tenant_id and v.variant_id = l.variant_id
where l.tenant_id = :tenantId! and l.order_id = :orderId!
order by l.line_number;

/* Every state change of one order, oldest first. */
/* @name GetOrderHistory */
select h.from_state, h.to_state, h.changed_by, h.changed_at
from orders.order_state_history h
where h.tenant_id = :tenantId! and h.order_id = :orderId!
order by h.transition_number;

/* One page of a company's orders, newest first: created_at descending, then order_id descending (idx_orders_tenant_id_company_id_created_at_order_id); keyset on the last row's (created_at, order_id) from the page cursor, created_at at full precision (cursor_created_at: UTC, microseconds). */
/* @name ListOrdersOfCompany */
select o.order_id, o.company_id, o.buyer_id, o.currency, o.state, o.version,
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days, o.total_amount, o.submitted_at, o.created_at, o.updated_at,
  to_char(o.created_at at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_created_at!"
from orders.orders o
where o.tenant_id = :tenantId! and o.company_id = :companyId!
  and (:afterCreatedAt::timestamptz is null or (o.created_at, o.order_id) < (:afterCreatedAt::timestamptz, :afterOrderId::uuid))
order by o.created_at desc, o.order_id desc
limit (:limit!)::int;
