-- The quote state machine: a new quote is requested and every state change must be an allowed transition.
create or replace trigger trg_quotes_before_insert_or_update_state
  before insert or update of state on orders.quotes
  for each row execute function orders.check_quote_transition();

-- Keeps quotes.updated_at current.
create or replace trigger trg_quotes_before_update
  before update on orders.quotes
  for each row execute function app.set_updated_at();
