-- app.wait_for_replay on a server that is not in recovery (the primary, or a promoted replica): it has
-- every change it wrote, so it answers true at once, for any LSN and even a zero wait. Null arguments and a
-- negative wait are refused with 22023. As b2b_app, the role that calls it through withReplica. (Its wait
-- on a real replica, and the fallback when replay is paused, are proven in packages/db/src/replica.test.ts.)
begin;
select plan(6);

select tests.act_as(tests.create_tenant('alpha'));

select ok(app.wait_for_replay(pg_current_wal_insert_lsn(), 0), 'the current insert position: true at once');
select ok(app.wait_for_replay('FFFFFFFF/FFFFFFFF', 0), 'a position not yet written: still true on a primary');
select ok(app.wait_for_replay('0/0', 10), 'the start of the WAL: true');
select throws_ok($$select app.wait_for_replay(null, 10)$$, '22023', null, 'a null LSN is refused');
select throws_ok($$select app.wait_for_replay('0/0', -1)$$, '22023', null, 'a negative wait is refused');
select throws_ok($$select app.wait_for_replay('0/0', null)$$, '22023', null, 'a null wait is refused');

select * from finish();
rollback;
