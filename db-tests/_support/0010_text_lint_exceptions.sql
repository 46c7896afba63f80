-- Deliberate exceptions to the text rules of the lint pack (text_columns_are_bounded,
-- unique_text_keys_are_canonical): columns no person or import types. Kept in their own file so the
-- list stays next to its rule; tests.lint_exceptions is defined in 0002_lint_catalog.sql.
insert into tests.lint_exceptions (rule, object, reason) values
  ('text_columns_are_bounded', 'catalog.categories.path',
   'Set by trigger from category ids (chk_categories_path_format); nobody types it.'),
  ('text_columns_are_bounded', 'catalog.product_pages.attributes',
   'A copy of catalog.products.attributes (chk_products_attributes_length), written by the page triggers only (B5040).'),
  ('text_columns_are_bounded', 'catalog.product_pages.translations',
   'Built by the page triggers from catalog.product_translations, whose columns are bounded; its size follows the product''s locales.'),
  ('text_columns_are_bounded', 'catalog.product_pages.variants',
   'Built by the page triggers from catalog.variants and catalog.prices, whose columns are bounded; its size follows the product''s variants and prices.'),
  ('text_columns_are_bounded', 'orders.invoices.lines',
   'Built by orders.issue_invoice from the order''s lines; its size follows the line count, which the order bounds.'),
  ('text_columns_are_bounded', 'orders.order_state_history.from_state',
   'Copied by the state-machine trigger from orders.state, itself bounded through fk_orders_state_order_states.'),
  ('text_columns_are_bounded', 'orders.order_state_history.to_state',
   'Copied by the state-machine trigger from orders.state, itself bounded through fk_orders_state_order_states.'),
  ('unique_text_keys_are_canonical', 'accounts.permissions.permission',
   'Reference data seeded by migrations; chk_permissions_format admits lowercase ASCII only, so no second spelling exists.'),
  ('unique_text_keys_are_canonical', 'catalog.currencies.currency_code',
   'Reference data (ISO 4217); chk_currencies_code_format admits three capital ASCII letters only.'),
  ('unique_text_keys_are_canonical', 'catalog.countries.country_code',
   'Reference data (ISO 3166-1); chk_countries_code_format admits two capital ASCII letters only.'),
  ('unique_text_keys_are_canonical', 'catalog.locales.locale',
   'Reference data (BCP 47); chk_locales_format admits one ASCII spelling per tag (ll or ll-CC).'),
  ('unique_text_keys_are_canonical', 'orders.order_states.state',
   'Reference data seeded by migrations; chk_order_states_format admits lowercase ASCII only.'),
  ('unique_text_keys_are_canonical', 'orders.quote_states.state',
   'Reference data seeded by migrations; chk_quote_states_format admits lowercase ASCII only.'),
  ('unique_text_keys_are_canonical', 'orders.return_states.state',
   'Reference data seeded by migrations; chk_return_states_format admits lowercase ASCII only.'),
  ('unique_text_keys_are_canonical', 'tenancy.staff_roles.role',
   'Reference data seeded by migrations; nobody types a role name.'),
  ('unique_text_keys_are_canonical', 'orders.orders.idempotency_key',
   'An opaque token compared byte for byte (RFC draft Idempotency-Key); chk_orders_idempotency_key_format admits printable ASCII only.')
on conflict do nothing;

-- The audit trail: copies of rows whose columns are bounded where they live.
insert into tests.lint_exceptions (rule, object, reason) values
  ('text_columns_are_bounded', 'audit.events.old_values',
   'Written by audit.capture() from the audited row, whose every column is bounded in its own table.'),
  ('text_columns_are_bounded', 'audit.events.new_values',
   'Written by audit.capture() from the audited row, whose every column is bounded in its own table.')
on conflict do nothing;
