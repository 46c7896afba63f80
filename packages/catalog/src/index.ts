// @b2b/catalog: products, variants, categories, prices and stock, one file per area (this index only
// re-exports them). Every function runs inside withTenant(); row-level security limits it to that
// tenant, and the database's constraints and triggers report bad input as typed errors from @b2b/db
// (withTenant maps them). What a buyer sees (product page, price) is asked for on behalf of a buyer
// acting for a company, checked by the database (accounts.acting_buyer).
// Every query and function call names its tenant as a value (tenantOf(client): tenant_id = :tenantId,
// p_tenant_id first), so on Citus it is routed to the one node that holds the tenant.

export { NotFoundError } from '@b2b/db';
export type { Json } from '../queries/products.queries';
export * from './categories';
export { StockBelowReservedError } from './errors';
export * from './prices';
export * from './products';
export * from './stock';
export * from './storefront';
export * from './variants';
export type { Viewer } from './viewer';
