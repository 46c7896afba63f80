-- Up Migration
-- Text people type is bounded and compared as people compare it (issue 9, item 5); README "Text".
-- 1. Identifiers already stored are put in their canonical form (app.canonical_*; the trigger
--    app.canonicalize() keeps them so from now on). Two stored rows that become equal make this
--    migration fail on their unique key: a person must merge them first.
update orders.approval_rules set name = app.canonical_text(name) where name is distinct from app.canonical_text(name);

-- 2. Names unique per tenant are unique without regard to case: 'Gold customers' and 'gold customers'
--    are one group. The unique constraint becomes a unique index of the same name on lower(name).
--    Built in this transaction (small tables, not in production yet).
alter table orders.approval_rules drop constraint uq_approval_rules_tenant_id_company_id_name;
-- Serves the uniqueness of approval_rules names (case-insensitive) and lookups by name.
-- squawk-ignore require-concurrent-index-creation
create unique index uq_approval_rules_tenant_id_company_id_name on orders.approval_rules (tenant_id, company_id, lower(name));

-- 3. A length bound on every text column a person or an import fills, named
--    chk_<table>_<column>_length (characters; JSON documents in bytes of their text form). Added valid
--    in this transaction (a scan of each table under its lock), as the project is not in production;
--    on a large live table, add it NOT VALID and VALIDATE it in a later migration instead.
-- squawk-ignore constraint-missing-not-valid
alter table orders.order_states add constraint chk_order_states_state_length check (char_length(state) <= 50);
-- squawk-ignore constraint-missing-not-valid
alter table orders.order_states add constraint chk_order_states_description_length check (char_length(description) <= 1000);
-- squawk-ignore constraint-missing-not-valid
alter table orders.order_transitions add constraint chk_order_transitions_description_length check (char_length(description) <= 1000);
-- squawk-ignore constraint-missing-not-valid
alter table orders.quote_states add constraint chk_quote_states_state_length check (char_length(state) <= 50);
-- squawk-ignore constraint-missing-not-valid
alter table orders.quote_states add constraint chk_quote_states_description_length check (char_length(description) <= 1000);
-- squawk-ignore constraint-missing-not-valid
alter table orders.quote_transitions add constraint chk_quote_transitions_description_length check (char_length(description) <= 1000);
-- squawk-ignore constraint-missing-not-valid
alter table orders.orders add constraint chk_orders_idempotency_key_length check (char_length(idempotency_key) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table orders.orders add constraint chk_orders_purchase_order_number_length check (char_length(purchase_order_number) <= 100);
-- squawk-ignore constraint-missing-not-valid
alter table orders.orders add constraint chk_orders_billing_address_length check (octet_length(billing_address::text) <= 8192);
-- squawk-ignore constraint-missing-not-valid
alter table orders.orders add constraint chk_orders_shipping_address_length check (octet_length(shipping_address::text) <= 8192);
-- squawk-ignore constraint-missing-not-valid
alter table orders.order_approvals add constraint chk_order_approvals_comment_length check (char_length(comment) <= 2000);
-- squawk-ignore constraint-missing-not-valid
alter table orders.approval_rules add constraint chk_approval_rules_name_length check (char_length(name) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table orders.quotes add constraint chk_quotes_note_length check (char_length(note) <= 2000);
-- squawk-ignore constraint-missing-not-valid
alter table orders.receivable_entries add constraint chk_receivable_entries_reference_length check (char_length(reference) <= 200);
-- squawk-ignore constraint-missing-not-valid
alter table orders.returns add constraint chk_returns_reason_length check (char_length(reason) <= 2000);

-- Down Migration
alter table orders.returns drop constraint chk_returns_reason_length;
alter table orders.receivable_entries drop constraint chk_receivable_entries_reference_length;
alter table orders.quotes drop constraint chk_quotes_note_length;
alter table orders.approval_rules drop constraint chk_approval_rules_name_length;
alter table orders.order_approvals drop constraint chk_order_approvals_comment_length;
alter table orders.orders drop constraint chk_orders_shipping_address_length;
alter table orders.orders drop constraint chk_orders_billing_address_length;
alter table orders.orders drop constraint chk_orders_purchase_order_number_length;
alter table orders.orders drop constraint chk_orders_idempotency_key_length;
alter table orders.quote_transitions drop constraint chk_quote_transitions_description_length;
alter table orders.quote_states drop constraint chk_quote_states_description_length;
alter table orders.quote_states drop constraint chk_quote_states_state_length;
alter table orders.order_transitions drop constraint chk_order_transitions_description_length;
alter table orders.order_states drop constraint chk_order_states_description_length;
alter table orders.order_states drop constraint chk_order_states_state_length;
drop index orders.uq_approval_rules_tenant_id_company_id_name;
alter table orders.approval_rules add constraint uq_approval_rules_tenant_id_company_id_name unique (tenant_id, company_id, name);
