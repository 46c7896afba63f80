-- Read your writes on a streaming replica (@b2b/db withReplica): the writer holds the LSN it read with
-- pg_current_wal_insert_lsn() right after its commit, and a read on the replica first waits here until
-- the replica has replayed that far. A bounded wait in one round trip: the caller falls back to the primary
-- when it returns false. On a server that is not in recovery (a primary, a promoted replica) it returns
-- true at once: such a server has every change it ever replayed or wrote.
create or replace function app.wait_for_replay(p_lsn pg_lsn, p_timeout_ms integer) returns boolean
language plpgsql volatile
as $$
declare
  -- pg_current_wal_insert_lsn() read after a commit whose record ended exactly at a page boundary points
  -- past the next page's header (24 bytes; 40 at a segment start), where replay reports the boundary
  -- itself (the record's end): compare with the end of the caller's record, not the header after it.
  v_bytes numeric := p_lsn - '0/0'::pg_lsn;
  v_target pg_lsn := case
    when v_bytes % pg_catalog.pg_size_bytes(pg_catalog.current_setting('wal_segment_size')) = 40 then p_lsn - 40
    when v_bytes % pg_catalog.current_setting('wal_block_size')::integer = 24 then p_lsn - 24
    else p_lsn
  end;
  v_deadline timestamptz := pg_catalog.clock_timestamp() + make_interval(secs => p_timeout_ms / 1000.0);
begin
  if p_lsn is null or p_timeout_ms is null or p_timeout_ms < 0 then
    raise exception using
      errcode = '22023',
      message = 'app.wait_for_replay needs an LSN and a timeout of 0 ms or more';
  end if;
  if not pg_catalog.pg_is_in_recovery() then
    return true;
  end if;
  loop
    if pg_catalog.pg_last_wal_replay_lsn() >= v_target then
      return true;
    end if;
    if pg_catalog.clock_timestamp() >= v_deadline then
      return false;
    end if;
    perform pg_catalog.pg_sleep(0.001);
  end loop;
end
$$;
comment on function app.wait_for_replay(pg_lsn, integer) is
  'Waits up to p_timeout_ms (milliseconds) for this server to have replayed the WAL up to p_lsn (a commit''s pg_current_wal_insert_lsn()); true once it has (at once on a server not in recovery), false when the time is up. Raises 22023 for a null LSN or a negative timeout. Called by @b2b/db withReplica on the replica before a read-your-writes read.';
