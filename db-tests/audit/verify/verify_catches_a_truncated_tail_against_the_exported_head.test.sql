-- The attack other hash-chained logs missed (LegionIO/LegionIO#149; antropos17/Aegis#173 documents it as a
-- limit): deleting the NEWEST events together with their seals and moving the head back leaves a chain that
-- is consistent on its own. audit.verify catches it only against a head exported before (docs/audit.md: why
-- the head is exported). Seals deleted at the start, in the middle or at the end (head left alone) are seal_missing
-- without any head.
begin;
select plan(6);

select tests.create_tenant('alpha') as alpha \gset
select tests.act_as(:'alpha');
select tests.create_staff_user(:'alpha', 'ann@alpha.example') as ann \gset
select tests.create_staff_user(:'alpha', 'bea@alpha.example') as bea \gset
select tests.create_staff_user(:'alpha', 'cid@alpha.example') as cid \gset
select tests.clear_actor();
select is(audit.seal(:'alpha'), 3, 'three events sealed');
select audit.chain_head(:'alpha') as head \gset

-- out of band, as the superuser: the newest event and its seal; the head left alone, then moved back too
set local session_replication_role = replica;
delete from audit.events where tenant_id = :'alpha' and row_key ->> 'staff_user_id' = :'cid';
delete from audit.seals where tenant_id = :'alpha' and seal_seq = 3;
set local session_replication_role = origin;
select results_eq(format($$select problem, seal_seq from audit.verify(%L)$$, :'alpha'), $$values ('seal_missing', 3::bigint)$$,
  'the newest seal deleted while the head still names it: seal_missing');
set local session_replication_role = replica;
update audit.seal_heads h set seal_seq = 2, chain_hash = s.chain_hash
  from audit.seals s where s.tenant_id = h.tenant_id and s.seal_seq = 2 and h.tenant_id = :'alpha';
set local session_replication_role = origin;

select is_empty(format($$select * from audit.verify(%L)$$, :'alpha'),
  'a tail cut with its seals and head is consistent on its own: the database alone cannot tell');
select results_eq(format($$select * from tests.audit_problems(%L, %L)$$, :'alpha', :'head'), $$values ('head_mismatch')$$,
  'against the head exported before the cut, verify reports head_mismatch');

-- the first seal deleted (its event kept): the chain no longer starts at 1
set local session_replication_role = replica;
delete from audit.seals where tenant_id = :'alpha' and seal_seq = 1;
set local session_replication_role = origin;
select results_eq(format($$select problem, seal_seq from audit.verify(%L)$$, :'alpha'), $$values ('seal_missing', 1::bigint)$$,
  'the first seal deleted: seal_missing at position 1');
-- and one in the middle
select tests.act_as(:'alpha');
select tests.create_staff_user(:'alpha', 'dan@alpha.example');
select tests.create_staff_user(:'alpha', 'eve@alpha.example');
select tests.clear_actor();
select audit.seal(:'alpha');
set local session_replication_role = replica;
delete from audit.seals where tenant_id = :'alpha' and seal_seq = 3;
set local session_replication_role = origin;
select results_eq(format($$select problem, seal_seq from audit.verify(%L)$$, :'alpha'),
  $$values ('seal_missing', 1::bigint), ('seal_missing', 3::bigint)$$,
  'a seal deleted in the middle: seal_missing at its position');

select * from finish();
rollback;
