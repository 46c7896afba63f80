-- The sealing job: appends a tenant's new events to its hash chain (audit.seals) and moves its head.
-- Off the write path (docs/audit.md, "Why a sealing job"): an inline chain makes every audited write of a
-- tenant wait for the previous one (the head is one row), which serializes a tenant's orders.
-- Which events: those of transactions below the horizon, the xmin of this run's snapshot (every
-- transaction below it has ended, so no event below it can still appear), and this transaction's own (they
-- commit or roll back with their seals); in (occurred_at, event_id) order.
-- From where: the head's scan_from, the start of the oldest transaction open at the previous run (and at
-- least an hour back), so events a long transaction wrote before that run are still found. Run by the owner (pnpm audit seal), per tenant;
-- on Citus the tenant argument runs it on the tenant's node, where txid and the snapshot are that node's.
create or replace function audit.seal(p_tenant_id uuid, p_limit integer default 100000) returns integer
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  v_horizon bigint := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
  v_scan_from timestamptz;
  v_seq bigint;
  v_chain bytea;
  v_key bytea;
  v_count integer := 0;
  v_hash bytea;
  v_personal jsonb := '{}';
  v_on_coordinator boolean;
  e audit.events;
begin
  -- On Citus the events' txids are the tenant's worker's, so the horizon must be that worker's snapshot:
  -- a call that Citus did not delegate (one made inside another function with a variable as the tenant)
  -- runs on the coordinator, whose transaction ids are another counter. Refused there (B4006).
  if to_regprocedure('citus_is_coordinator()') is not null then
    execute 'select citus_is_coordinator()' into v_on_coordinator;
    if v_on_coordinator then
      raise exception using errcode = 'B4006',
        message = 'audit.seal ran on the Citus coordinator, not on the tenant''s worker',
        hint = 'Call it at the top level (select audit.seal(...)), or through audit.seal_all.';
    end if;
  end if;
  insert into audit.seal_heads (tenant_id, seal_seq, chain_hash, horizon, scan_from)
  values (p_tenant_id, 0, '\x0000000000000000000000000000000000000000000000000000000000000000', 0, '-infinity')
  on conflict (tenant_id) do nothing;
  select h.seal_seq, h.chain_hash, h.scan_from into v_seq, v_chain, v_scan_from
    from audit.seal_heads h where h.tenant_id = p_tenant_id for update;
  v_key := audit.tenant_key(p_tenant_id);
  for e in
    select ev.* from audit.events ev
     where ev.tenant_id = p_tenant_id and ev.occurred_at >= v_scan_from
       and (ev.txid < v_horizon or ev.txid = txid_current_if_assigned())
       and not exists (select 1 from audit.seals s where s.tenant_id = p_tenant_id and s.event_id = ev.event_id)
     order by ev.occurred_at, ev.event_id
     limit p_limit
  loop
    if not v_personal ? e.table_name then
      v_personal := v_personal || jsonb_build_object(e.table_name, to_jsonb(audit.personal_columns(e.table_name)));
    end if;
    v_hash := audit.event_digest(e, array(select jsonb_array_elements_text(v_personal -> e.table_name)), v_key);
    v_seq := v_seq + 1;
    v_chain := sha256(v_chain || int8send(v_seq) || v_hash);
    insert into audit.seals (tenant_id, seal_seq, event_id, occurred_at, row_hash, chain_hash)
    values (p_tenant_id, v_seq, e.event_id, e.occurred_at, v_hash, v_chain);
    v_count := v_count + 1;
  end loop;
  -- next run: from the oldest open transaction's start, or from now; not past an unsealed event when this
  -- run stopped at its limit
  if v_count < p_limit then
    -- an hour back at least: pg_stat_activity hides other roles' sessions from a role without
    -- pg_read_all_stats, so the margin covers transactions up to an hour long that it cannot see
    select least(statement_timestamp() - interval '1 hour', min(a.xact_start)) into v_scan_from
      from pg_stat_activity a where a.xact_start is not null;
  end if;
  update audit.seal_heads
     set seal_seq = v_seq, chain_hash = v_chain, horizon = v_horizon, scan_from = v_scan_from, sealed_at = now()
   where tenant_id = p_tenant_id;
  return v_count;
end
$$;
comment on function audit.seal(uuid, integer) is
  'Sealing job for one tenant: appends its events of ended transactions (txid below the snapshot xmin) to the hash chain in (occurred_at, event_id) order, at most p_limit; returns how many. Owner only (pnpm audit seal). On Citus it must run delegated, on the tenant''s worker (B4006 on the coordinator).';

-- Every tenant with events, sealed in turn (the maintenance command calls it).
create or replace function audit.seal_all(p_limit integer default 100000) returns table (tenant_id uuid, sealed integer)
language plpgsql
set search_path = pg_catalog, pg_temp
as $$
declare
  v_tenant uuid;
begin
  for v_tenant in select t.tenant_id from tenancy.tenants t order by t.tenant_id loop
    tenant_id := v_tenant;
    -- a constant tenant in a FROM clause: on Citus the call is then delegated to the tenant's worker
    -- (Citus delegates neither a PL/pgSQL simple expression nor a call whose tenant is a variable)
    execute format('select s from audit.seal(%L::uuid, %s) s', v_tenant, p_limit) into sealed;
    if sealed > 0 then
      return next;
    end if;
  end loop;
end
$$;
comment on function audit.seal_all(integer) is
  'Runs audit.seal for every tenant (tenancy.tenants), each call delegated to the tenant''s worker on Citus; returns the tenants that had new events and how many were sealed.';

-- The chain head to hand to an outside party (a notary, a ticket, an e-mail to the auditor): later,
-- audit.verify(..., p_head => that value) proves the chain still passes through it.
create or replace function audit.chain_head(p_tenant_id uuid) returns jsonb
language plpgsql stable
set search_path = pg_catalog, pg_temp
as $$
declare
  v_head jsonb;
begin
  select jsonb_build_object('tenant_id', h.tenant_id, 'seal_seq', h.seal_seq,
           'chain_hash', encode(h.chain_hash, 'hex'), 'sealed_at', h.sealed_at)
    into v_head
    from audit.seal_heads h where h.tenant_id = p_tenant_id;
  return coalesce(v_head, jsonb_build_object('tenant_id', p_tenant_id, 'seal_seq', 0,
    'chain_hash', repeat('0', 64), 'sealed_at', null));
end
$$;
comment on function audit.chain_head(uuid) is
  'The tenant''s chain head as JSON {tenant_id, seal_seq, chain_hash (hex), sealed_at}, for export; seal_seq 0 before the first seal.';
