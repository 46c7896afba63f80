-- Recomputes a tenant's chain over [p_from, p_to) and reports every difference, one row each:
--   changed      the sealed event is there but its hash differs (a value, actor or time was rewritten)
--   removed      the seal names an event that is gone (deleted, or its month dropped outside retention)
--   inserted     an event below the head's horizon that no seal names (written around the capture trigger)
--   seal_missing a position of the chain is missing (a seal row deleted)
--   chain_broken a seal's chain_hash does not follow from the previous one and its row_hash (seals rewritten)
--   head_mismatch the exported head (p_head) is not on the chain any more (the chain was rebuilt)
-- Seals of months retired by retention (audit.retired_partitions, dropped) are not reported as removed.
-- Owner only (an auditor's or operator's tool: it needs the chain key).
create or replace function audit.verify(p_tenant_id uuid, p_from timestamptz default '-infinity',
  p_to timestamptz default 'infinity', p_head jsonb default null)
returns table (problem text, seal_seq bigint, event_id uuid, occurred_at timestamptz, detail text)
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  v_key bytea := audit.tenant_key(p_tenant_id);
  v_horizon bigint;
  v_prev_seq bigint;
  v_prev_chain bytea;
  v_personal jsonb := '{}';
  v_hash bytea;
  v_retired tstzmultirange;
  r record;
begin
  -- the months retired by retention, read once: on Citus a subquery on this reference table correlated with
  -- a distributed one is refused inside the delegated call (it carries no tenant to route by)
  select coalesce(range_agg(tstzrange(rp.range_from, rp.range_to)), '{}') into v_retired
    from audit.retired_partitions rp where rp.state = 'dropped';
  select h.horizon into v_horizon from audit.seal_heads h where h.tenant_id = p_tenant_id;
  -- where the range's chain starts: the seal before the first one in range
  select s.seal_seq, s.chain_hash into v_prev_seq, v_prev_chain
    from audit.seals s
   where s.tenant_id = p_tenant_id
     and s.seal_seq < coalesce((select min(s2.seal_seq) from audit.seals s2
                                 where s2.tenant_id = p_tenant_id and s2.occurred_at >= p_from
                                   and s2.occurred_at < p_to), 0)
   order by s.seal_seq desc limit 1;
  for r in
    select s.seal_seq as seq, s.event_id as sealed_event, s.occurred_at as sealed_at, s.row_hash, s.chain_hash,
           (e.event_id is not null) as present, e as ev,
           (s.occurred_at <@ v_retired) as retired
      from audit.seals s
      left join audit.events e
        on e.tenant_id = p_tenant_id and e.occurred_at = s.occurred_at and e.event_id = s.event_id
     where s.tenant_id = p_tenant_id and s.occurred_at >= p_from and s.occurred_at < p_to
     order by s.seal_seq
  loop
    if v_prev_seq is not null and r.seq <> v_prev_seq + 1 then
      problem := 'seal_missing'; seal_seq := v_prev_seq + 1; event_id := null; occurred_at := null;
      detail := format('positions %s to %s are missing', v_prev_seq + 1, r.seq - 1);
      return next;
      v_prev_chain := null; -- cannot recompute across the gap
    elsif v_prev_seq is null and r.seq = 1 then
      v_prev_chain := '\x0000000000000000000000000000000000000000000000000000000000000000';
    end if;
    if v_prev_chain is not null and sha256(v_prev_chain || int8send(r.seq) || r.row_hash) <> r.chain_hash then
      problem := 'chain_broken'; seal_seq := r.seq; event_id := r.sealed_event; occurred_at := r.sealed_at;
      detail := 'chain_hash does not follow from the previous link and row_hash';
      return next;
    end if;
    if not r.present then
      if not r.retired then
        problem := 'removed'; seal_seq := r.seq; event_id := r.sealed_event; occurred_at := r.sealed_at;
        detail := 'the sealed event is not in audit.events';
        return next;
      end if;
    else
      if not v_personal ? (r.ev).table_name then
        v_personal := v_personal || jsonb_build_object((r.ev).table_name,
          to_jsonb(audit.personal_columns((r.ev).table_name)));
      end if;
      v_hash := audit.event_digest(r.ev, array(select jsonb_array_elements_text(v_personal -> (r.ev).table_name)), v_key);
      if v_hash <> r.row_hash then
        problem := 'changed'; seal_seq := r.seq; event_id := r.sealed_event; occurred_at := r.sealed_at;
        detail := format('%s %s %s: the event no longer hashes to its seal', (r.ev).operation, (r.ev).table_name, (r.ev).row_key);
        return next;
      end if;
    end if;
    v_prev_seq := r.seq;
    v_prev_chain := r.chain_hash;
  end loop;
  -- events no seal names, of transactions every sealing run since the horizon has seen ended
  for r in
    select e.event_id as ev_id, e.occurred_at as ev_at, e.operation, e.table_name, e.row_key
      from audit.events e
     where e.tenant_id = p_tenant_id and e.occurred_at >= p_from and e.occurred_at < p_to
       and e.txid < coalesce(v_horizon, 0)
       and not exists (select 1 from audit.seals s
                        where s.tenant_id = p_tenant_id and s.event_id = e.event_id and s.occurred_at = e.occurred_at)
     order by e.occurred_at, e.event_id
  loop
    problem := 'inserted'; seal_seq := null; event_id := r.ev_id; occurred_at := r.ev_at;
    detail := format('%s %s %s: no seal names this event, though its transaction ended before the last sealing run',
      r.operation, r.table_name, r.row_key);
    return next;
  end loop;
  if p_head is not null and not exists (
    select 1 from audit.seals s
     where s.tenant_id = p_tenant_id and s.seal_seq = (p_head ->> 'seal_seq')::bigint
       and s.chain_hash = decode(p_head ->> 'chain_hash', 'hex'))
     and coalesce((p_head ->> 'seal_seq')::bigint, 0) > 0 then
    problem := 'head_mismatch'; seal_seq := (p_head ->> 'seal_seq')::bigint; event_id := null; occurred_at := null;
    detail := format('no seal %s with chain hash %s', p_head ->> 'seal_seq', p_head ->> 'chain_hash');
    return next;
  end if;
end
$$;
comment on function audit.verify(uuid, timestamptz, timestamptz, jsonb) is
  'Recomputes the tenant''s hash chain over [p_from, p_to) and returns one row per problem: changed, removed, inserted, seal_missing, chain_broken, head_mismatch (p_head: an exported audit.chain_head). No row: the history verifies. Owner only.';
