-- Append-only audit rows, for the owner too (audit.guard_events: B4001; erasure excepted for events).
create or replace trigger trg_events_before_update_or_delete
  before update or delete on audit.events
  for each row execute function audit.guard_events();

create or replace trigger trg_seals_before_update_or_delete
  before update or delete on audit.seals
  for each row execute function audit.guard_events();
