-- A tenant table numbered by an identity column, one by bigserial, one by a default from a sequence: each
-- would show a tenant how many rows the other tenants wrote.
-- expect: tenancy.rogue_tickets.ticket_id: identity column
-- expect: tenancy.rogue_invoices.invoice_number: default from a sequence
-- keeps passing: the lint sees the tenant tables of every domain | a check that the lint's catalog query finds the real tables; adding broken tables cannot hide them
-- expect: tenancy.rogue_notes.note_number: default from a sequence
create table tenancy.rogue_tickets (tenant_id uuid not null, ticket_id bigint generated always as identity,
  constraint pk_rogue_tickets primary key (tenant_id, ticket_id));
create table tenancy.rogue_invoices (tenant_id uuid not null, invoice_number bigserial,
  constraint pk_rogue_invoices primary key (tenant_id, invoice_number));
create sequence tenancy.rogue_seq;
create table tenancy.rogue_notes (tenant_id uuid not null,
  note_number bigint not null default nextval('tenancy.rogue_seq'),
  constraint pk_rogue_notes primary key (tenant_id, note_number));
