-- Up Migration
-- accounts.acting_buyer() (repeatable, sql/accounts/functions) returns the row type of accounts.buyers,
-- so the table cannot be dropped while the function exists. Repeatables have no versioned down step of
-- their own, and the released accounts migration cannot be edited: this step exists for its down section,
-- which removes the functions before the accounts tables go. Nothing to do going up (the functions are
-- repeatables, created after all versioned migrations).
select 1;

-- Down Migration
drop function if exists accounts.buyer_has_permission(uuid, text);
drop function if exists accounts.acting_buyer(uuid, uuid);
