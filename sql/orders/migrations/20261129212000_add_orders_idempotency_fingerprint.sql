-- Up Migration
-- An idempotency key binds to the request it was first sent with (issue 9, item 3). Before, a key only
-- named an order: place_order with key K for 1 unit and then K for 5 units returned the 1-unit order, and
-- place_order with a key first used by create_draft returned the draft as if placed. Now each keyed order
-- records the operation and a fingerprint of its request; a later call with the key and another operation
-- or another request is refused (B3004, idempotency_key_reused, a conflict).
--
-- The fingerprint function is versioned, not repeatable: stored fingerprints are only comparable with
-- ones computed by the same canonical form, and the backfill below needs it. A change of the canonical
-- form is a new migration that recomputes the stored fingerprints.
create function orders.request_fingerprint(
  p_operation text,
  p_company_id uuid,
  p_buyer_id uuid,
  p_currency text,
  p_lines jsonb,
  p_purchase_order_number text,
  p_billing_address_id uuid,
  p_shipping_address_id uuid
)
returns bytea
language plpgsql immutable
as $$
begin
  -- The canonical form is a jsonb value printed as text: jsonb keeps one copy of each key, sorts keys and
  -- prints without the caller's whitespace, so the JSON the client sent is compared by meaning. Lines are
  -- read by orders.parse_order_lines (B3007 when malformed; a variant id in any spelling PostgreSQL reads
  -- as that uuid; members it does not read left out) and sorted by variant: an order has one line per
  -- variant, so the same lines in another order are the same request. Addresses are compared as sent
  -- (null = the company's default), the purchase order number in Unicode NFC. Measured cheaper than a
  -- hand-rolled pass over the JSON (which would also have to avoid raising on malformed lines).
  return sha256(convert_to(jsonb_build_object(
    'operation', p_operation,
    'company_id', p_company_id,
    'buyer_id', p_buyer_id,
    'currency', p_currency,
    'lines', (
      select jsonb_agg(jsonb_build_array(l.variant_id, l.quantity) order by l.variant_id)
      from orders.parse_order_lines(p_lines) l
    ),
    'purchase_order_number', normalize(p_purchase_order_number, nfc),
    'billing_address_id', p_billing_address_id,
    'shipping_address_id', p_shipping_address_id
  )::text, 'UTF8'));
end
$$;
comment on function orders.request_fingerprint(text, uuid, uuid, text, jsonb, text, uuid, uuid) is
  'SHA-256 of the canonical form of an order request (operation, company, buyer, currency, lines as [variant_id, quantity] sorted by variant, purchase order number in NFC, billing and shipping address ids as sent): equal for requests that differ only in JSON key order, whitespace, uuid spelling, members not read, or line order; different for any other difference. Stored with an idempotency key in orders.orders.idempotency_fingerprint. B3007 for malformed lines (orders.parse_order_lines).';

alter table orders.orders
  add column idempotency_operation text,
  add column idempotency_fingerprint bytea;
comment on column orders.orders.idempotency_operation is
  'The operation that first used idempotency_key: create_draft or place_order. Null exactly when the order has no key.';
comment on column orders.orders.idempotency_fingerprint is
  'orders.request_fingerprint of the request that first used idempotency_key (32 bytes): a later call with the key and another request or operation is refused with B3004. Null exactly when the order has no key.';

comment on column orders.orders.idempotency_key is
  'Client-chosen key, unique per tenant, bound to its first request (idempotency_operation, idempotency_fingerprint): the same operation with the same request returns the first order; another request or operation is refused with B3004.';

-- Orders keyed before this migration: their request is rebuilt from what the order recorded (lines as they
-- are now, the address ids of the snapshots, place_order when it left draft in the transaction that
-- created it). The owner bypasses row-level security only while the backfill runs.
alter table orders.orders no force row level security;
alter table orders.order_lines no force row level security;
update orders.orders o
set idempotency_operation = case when o.submitted_at = o.created_at then 'place_order' else 'create_draft' end,
  idempotency_fingerprint = orders.request_fingerprint(
    case when o.submitted_at = o.created_at then 'place_order' else 'create_draft' end,
    o.company_id, o.buyer_id, o.currency,
    (select jsonb_agg(jsonb_build_object('variant_id', l.variant_id, 'quantity', l.quantity))
     from orders.order_lines l where l.tenant_id = o.tenant_id and l.order_id = o.order_id),
    o.purchase_order_number, (o.billing_address ->> 'address_id')::uuid, (o.shipping_address ->> 'address_id')::uuid)
where o.idempotency_key is not null;
alter table orders.orders force row level security;
alter table orders.order_lines force row level security;

-- The update above already held the table's lock and read every keyed row, so NOT VALID + VALIDATE would
-- only scan again in the same transaction.
alter table orders.orders
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_orders_idempotency_operation check (idempotency_operation in ('create_draft', 'place_order')),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_orders_idempotency_fingerprint_sha256 check (octet_length(idempotency_fingerprint) = 32),
  -- squawk-ignore constraint-missing-not-valid
  add constraint chk_orders_idempotency_key_bound_to_request check (
    (idempotency_key is null) = (idempotency_operation is null)
    and (idempotency_key is null) = (idempotency_fingerprint is null)
  );

-- start_order gained the operation and the lines (to fingerprint the request); the function of the old
-- signature, left in databases migrated before, is dropped (the repeatable file creates the new one).
drop function if exists orders.start_order(uuid, uuid, text, text, text, uuid, uuid);

-- Down Migration
comment on column orders.orders.idempotency_key is 'Client-chosen key, unique per tenant: placing with a key already used returns the first order instead of a new one.';
drop function if exists orders.start_order(uuid, uuid, text, text, text, uuid, uuid, text, jsonb);
alter table orders.orders
  drop constraint chk_orders_idempotency_key_bound_to_request,
  drop constraint chk_orders_idempotency_fingerprint_sha256,
  drop constraint chk_orders_idempotency_operation,
  drop column idempotency_fingerprint,
  drop column idempotency_operation;
drop function orders.request_fingerprint(text, uuid, uuid, text, jsonb, text, uuid, uuid);
