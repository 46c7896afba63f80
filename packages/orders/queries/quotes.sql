/* A buyer requests a quote for lines (orders.request_quote). */
/* @name RequestQuote */
select q.quote_id as "quote_id!", q.company_id as "company_id!", q.buyer_id as "buyer_id!",
  q.currency as "currency!", q.state as "state!", q.note, q.valid_until, q.quoted_at, q.quoted_by,
  q.decided_at, q.created_at as "created_at!"
from orders.request_quote(
  p_tenant_id => :tenantId!::uuid,
  p_company_id => :companyId!::uuid,
  p_buyer_id => :buyerId!::uuid,
  p_currency => :currency!::text,
  p_lines => :lines!::jsonb,
  p_note => :note::text
) q;

/* The seller stages prices ([{variant_id, unit_price}]) and a valid-until date (orders.stage_quote). */
/* @name StageQuote */
select q.quote_id as "quote_id!", q.company_id as "company_id!", q.buyer_id as "buyer_id!",
  q.currency as "currency!", q.state as "state!", q.note, q.valid_until, q.quoted_at, q.quoted_by,
  q.decided_at, q.created_at as "created_at!"
from orders.stage_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid, p_prices => :prices!::jsonb, p_valid_until => :validUntil!::timestamptz) q;

/* The buyer accepts: an order at the quoted prices (orders.accept_quote). */
/* @name AcceptQuote */
select o.order_id as "order_id!", o.company_id as "company_id!", o.buyer_id as "buyer_id!",
  o.currency as "currency!", o.state as "state!", o.version as "version!",
  o.idempotency_key, o.purchase_order_number, o.billing_address, o.shipping_address,
  o.payment_terms_days as "payment_terms_days!", o.total_amount as "total_amount!",
  o.submitted_at, o.created_at as "created_at!", o.updated_at as "updated_at!"
from orders.accept_quote(
  p_tenant_id => :tenantId!::uuid,
  p_quote_id => :quoteId!::uuid,
  p_buyer_id => :buyerId!::uuid,
  p_purchase_order_number => :purchaseOrderNumber::text,
  p_billing_address_id => :billingAddressId::uuid,
  p_shipping_address_id => :shippingAddressId::uuid
) o;

/* The buyer declines (orders.decline_quote). */
/* @name DeclineQuote */
select q.quote_id as "quote_id!", q.company_id as "company_id!", q.buyer_id as "buyer_id!",
  q.currency as "currency!", q.state as "state!", q.note, q.valid_until, q.quoted_at, q.quoted_by,
  q.decided_at, q.created_at as "created_at!"
from orders.decline_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid, p_buyer_id => :buyerId!::uuid) q;

/* The buyer or the seller withdraws a quote before a decision (orders.withdraw_quote: B3001 once decided). */
/* @name WithdrawQuote */
select q.quote_id as "quote_id!", q.company_id as "company_id!", q.buyer_id as "buyer_id!",
  q.currency as "currency!", q.state as "state!", q.note, q.valid_until, q.quoted_at, q.quoted_by,
  q.decided_at, q.created_at as "created_at!"
from orders.withdraw_quote(p_tenant_id => :tenantId!::uuid, p_quote_id => :quoteId!::uuid) q;

/* One quote's lines, with the quoted prices once staged. */
/* @name GetQuoteLines */
select l.line_number, l.variant_id, l.quantity, l.unit_price
from orders.quote_lines l
where l.tenant_id = :tenantId! and l.quote_id = :quoteId!
order by l.line_number;
