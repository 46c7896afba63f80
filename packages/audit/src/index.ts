// @b2b/audit: the audit trail of the tenant the client acts for (withTenant): a row's history, the changes of
// one acting user, the changes in a time range, and the chain head to export. Written only by the
// database (audit.capture() on every tenant table); sealed, verified and retired by the owner's maintenance
// (pnpm db:audit, docs/audit.md).
export { type ChainHead, getChainHead } from './chain';
export { type AuditEvent, changesByActor, changesInRange, rowHistory } from './history';
