-- Up Migration
-- The return state machine (20261129213200) arrived beside the text bounds (20261129214400) and missed
-- them: its states and descriptions get the same named length bounds as orders.order_states and
-- orders.quote_states, so every text column of the three machines is bounded alike (README "Text").
-- returns.state and return_transitions.from_state / to_state are bounded through their foreign keys to
-- return_states.state. Added valid in this transaction: the tables hold three and two rows of reference
-- data.
-- squawk-ignore constraint-missing-not-valid
alter table orders.return_states add constraint chk_return_states_state_length check (char_length(state) <= 50);
-- squawk-ignore constraint-missing-not-valid
alter table orders.return_states add constraint chk_return_states_description_length check (char_length(description) <= 1000);
-- squawk-ignore constraint-missing-not-valid
alter table orders.return_transitions add constraint chk_return_transitions_description_length check (char_length(description) <= 1000);

-- Down Migration
alter table orders.return_transitions drop constraint chk_return_transitions_description_length;
alter table orders.return_states drop constraint chk_return_states_description_length;
alter table orders.return_states drop constraint chk_return_states_state_length;
