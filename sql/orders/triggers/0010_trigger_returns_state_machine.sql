-- The return state machine: a new return is requested and every state change must be an allowed transition.
create or replace trigger trg_returns_before_insert_or_update_state
  before insert or update of state on orders.returns
  for each row execute function orders.check_return_transition();
