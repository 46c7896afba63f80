-- How long the audit trail keeps each audited table's events (docs/audit.md, "Retention"). A month partition
-- is dropped (after its export) when the longest period of the tables with events in it has passed; '*'
-- is the period of a table without a row here. Edit in place.
create or replace view audit.retention_policy as
select v.table_name::text, v.keep::interval, v.reason::text
from (values
  ('*', '2 years', 'default: two years of who-changed-what for support and security reviews'),
  ('orders.orders', '10 years', 'commercial and tax records (HGB 257, AO 147): orders and their changes'),
  ('orders.order_lines', '10 years', 'part of the order record'),
  ('orders.invoices', '10 years', 'tax records'),
  ('orders.receivable_entries', '10 years', 'accounting records'),
  ('orders.returns', '10 years', 'credit notes follow returns'),
  ('orders.return_lines', '10 years', 'part of the return record'),
  ('accounts.companies', '10 years', 'tax ids and legal names on invoices'),
  ('accounts.buyers', '2 years', 'accounts of people: no longer than needed (GDPR Art. 5(1)(e))'),
  ('accounts.addresses', '2 years', 'orders keep their own address snapshot'),
  ('tenancy.staff_users', '2 years', 'staff accounts: security reviews'),
  ('tenancy.memberships', '2 years', 'who granted whom which role: security reviews'),
  ('catalog.prices', '3 years', 'price history for disputes (limitation period, BGB 195)'),
  ('catalog.stock_levels', '1 year', 'stock corrections; the stock journal keeps movements')
) as v(table_name, keep, reason);
comment on view audit.retention_policy is
  'Retention of audit events per audited table (schema.table; * for every other table): how long, and why. audit.expired_partitions reads it.';
