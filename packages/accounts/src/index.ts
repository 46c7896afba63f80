// @b2b/accounts: the tenant's business customers (companies, in a hierarchy) and the buyers who act for
// them. Every function runs inside withTenant(); row-level security limits it to that tenant, and the
// database's constraints, triggers and functions (accounts.acting_buyer for a buyer acting for a company)
// report bad input as typed errors from @b2b/db. Every query and function call names its tenant as a value
// (tenantOf(client): tenant_id = :tenantId, p_tenant_id), so on Citus it is routed to the tenant's node.
//
// Encrypted personal data (docs/data-protection.md): companies' tax ids and buyers' phone numbers are stored
// encrypted under the application's data key (withTenant(pool, { tenantId, dataKey }, ...)). Every function
// here that writes or returns a non-null tax id or phone number needs that key: without it DataKeyError
// `data_key_missing` (B4101); with a key that is not the database's, DataKeyError `data_key_wrong` (B4102).
// Invalid values are ValidationError `company_tax_id_invalid`, `company_tax_id_too_long`, `phone_invalid`,
// `phone_too_long` (B4104-B4107, checked before encryption).
// A write seals (encrypts) its tax id or phone first (SealPersonal, one round trip, only when one is given),
// writes the ciphertext and gets it back sealed, then opens it (OpenPersonal): Citus refuses
// non-immutable functions in a write's values, COALESCE and RETURNING, and both helper queries read no
// table, so they run where app.set_data_key put the key.
import {
  assertUniqueKeys,
  BuyerNotInCompanyError,
  decimalAmount,
  defineCursor,
  fetchSize,
  inBatches,
  mapErrors,
  NotFoundError,
  one,
  type Page,
  pageLimit,
  type Queryable,
  tenantOf,
} from '@b2b/db';
import {
  addBuyerRolePermissions as addBuyerRolePermissionsQuery,
  createBuyer as createBuyerQuery,
  createBuyerRole as createBuyerRoleQuery,
  eraseBuyer as eraseBuyerQuery,
  getBuyerActingForCompany as getBuyerActingForCompanyQuery,
  type ICreateBuyerRoleResult,
  type IGetBuyerActingForCompanyResult,
  type IListBuyersOfCompanyResult,
  type IUpsertBuyersParams,
  type IUpsertBuyersResult,
  listBuyersOfCompany as listBuyersOfCompanyQuery,
  updateBuyer as updateBuyerQuery,
  upsertBuyers as upsertBuyersQuery,
} from '../queries/buyers.queries';
import {
  createCompany as createCompanyQuery,
  getCompany as getCompanyQuery,
  type ICreateCompanyParams,
  type IGetCompanyResult,
  type IUpsertCompaniesParams,
  type IUpsertCompaniesResult,
  listCompanies as listCompaniesQuery,
  setParentCompany as setParentCompanyQuery,
  updateCompany as updateCompanyQuery,
  upsertCompanies as upsertCompaniesQuery,
} from '../queries/companies.queries';
import { openBuyer, openCompany, seal } from './personal';

/** A company as read: tax_id in clear (the data key opened it), null when none. */
export type Company = IGetCompanyResult;
/** A buyer as read: phone in clear (the data key opened it), null when none. */
export type Buyer = IListBuyersOfCompanyResult;
export type BuyerRole = ICreateBuyerRoleResult;
export type ActingBuyer = IGetBuyerActingForCompanyResult;
export type CompanyStatus = 'active' | 'on_hold' | 'closed';
export type BuyerStatus = 'active' | 'disabled';
export type SpendingPeriod = 'day' | 'week' | 'month';
/** One company of upsertCompanies: taxId in clear (sealed with the transaction's data key before the write). */
export type CompanyUpsert = Omit<
  IUpsertCompaniesParams['rows'][number],
  'paymentTermsDays' | 'taxIdSealed'
> & {
  /** Net payment terms in days, 0 to 365. */
  paymentTermsDays: number;
  taxId?: string | null;
};
/** One buyer of upsertBuyers: phone in clear (sealed with the transaction's data key before the write). */
export type BuyerUpsert = Omit<IUpsertBuyersParams['rows'][number], 'phoneSealed'> & {
  phone?: string | null;
};

const PAGE = { fallback: 50, max: 500 };

// companies ---------------------------------------------------------------------------------------

export async function getCompany(client: Queryable, companyId: string): Promise<Company> {
  return one(
    await mapErrors(() => getCompanyQuery.run({ tenantId: tenantOf(client), companyId }, client)),
    `Company ${companyId}`,
  );
}

const COMPANIES_PAGE = defineCursor('accounts.listCompanies', ['text', 'uuid'] as const);

/**
 * One page of the tenant's companies by legal name ascending, then id: `{ items, next? }`; pass `next` as
 * `after` for the following page (absent: no more). `limit` 1 to 500 (default 50; RangeError otherwise);
 * ValidationError `cursor_invalid` for a cursor this listing did not make. SQL: ListCompanies.
 */
export async function listCompanies(
  client: Queryable,
  page: { after?: string | null; limit?: number } = {},
): Promise<Page<Company>> {
  const limit = pageLimit(page.limit, PAGE);
  const [afterLegalName, afterCompanyId] = COMPANIES_PAGE.decode(page.after) ?? [null, null];
  const rows = await mapErrors(() =>
    listCompaniesQuery.run(
      { tenantId: tenantOf(client), afterLegalName, afterCompanyId, limit: fetchSize(limit) },
      client,
    ),
  );
  return COMPANIES_PAGE.page(rows, limit, (r) => [r.legal_name, r.company_id]);
}

/**
 * Creates a company (under `parentCompanyId` when given); a taxId is encrypted with the transaction's data
 * key (DataKeyError without it) and returned decrypted. Errors: ForeignKeyError `currency_unknown`,
 * `locale_unknown`, `parent_company_not_found`; ConflictError `company_tax_id_taken`; ValidationError
 * `company_hierarchy_too_deep` and the check constraints' codes.
 */
export async function createCompany(
  client: Queryable,
  company: {
    companyId?: string;
    parentCompanyId?: string | null;
    legalName: string;
    taxId?: string | null;
    defaultCurrency: string;
    defaultLocale: string;
    paymentTermsDays?: number;
    creditLimit?: string | null;
  },
): Promise<Company> {
  const creditLimit = decimalAmount(company.creditLimit, 'creditLimit');
  const { taxId, ...rest } = company;
  const [taxIdSealed] = await seal(client, [taxId]);
  const params: ICreateCompanyParams = { ...rest, taxIdSealed, creditLimit };
  return openCompany(
    client,
    one(await mapErrors(() => createCompanyQuery.run(params, client)), 'The new company'),
  );
}

export async function updateCompany(
  client: Queryable,
  companyId: string,
  changes: {
    legalName?: string;
    taxId?: string;
    defaultCurrency?: string;
    defaultLocale?: string;
    paymentTermsDays?: number;
    creditLimit?: string;
    status?: CompanyStatus;
  },
): Promise<Company> {
  const tenantId = tenantOf(client);
  const creditLimit = decimalAmount(changes.creditLimit, 'creditLimit');
  const { taxId, ...rest } = changes;
  const [taxIdSealed] = await seal(client, [taxId]);
  return openCompany(
    client,
    one(
      await mapErrors(() =>
        updateCompanyQuery.run({ ...rest, taxIdSealed, tenantId, companyId, creditLimit }, client),
      ),
      `Company ${companyId}`,
    ),
  );
}

/**
 * Moves a company under another, or to the top level (null). ValidationError `company_hierarchy_cycle`
 * when the new parent is the company's own descendant, `company_own_parent` for itself,
 * `company_hierarchy_too_deep` beyond 5 levels.
 */
export async function setParentCompany(
  client: Queryable,
  companyId: string,
  parentCompanyId: string | null,
): Promise<Company> {
  return openCompany(
    client,
    one(
      await mapErrors(() =>
        setParentCompanyQuery.run({ tenantId: tenantOf(client), companyId, parentCompanyId }, client),
      ),
      `Company ${companyId}`,
    ),
  );
}

/**
 * Inserts or updates many companies in one statement, keyed by company_id. Parents must come in
 * the same batch before their children, or exist already. Returns each id and whether it was inserted.
 */
export async function upsertCompanies(
  client: Queryable,
  rows: readonly CompanyUpsert[],
): Promise<IUpsertCompaniesResult[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => r.companyId, 'company');
  for (const r of rows) decimalAmount(r.creditLimit ?? null, 'creditLimit');
  // tax ids sealed first (one round trip per batch, only when one is given)
  return inBatches(rows, async (batch) => {
    const sealed = await seal(
      client,
      batch.map((r) => r.taxId),
    );
    return upsertCompaniesQuery.run(
      { rows: batch.map(({ taxId: _, ...r }, i) => ({ ...r, taxIdSealed: sealed[i] ?? null })) },
      client,
    );
  });
}

// buyer roles and buyers --------------------------------------------------------------------------

/** Creates a buyer role with the named permissions (ForeignKeyError `permission_unknown` otherwise). */
export async function createBuyerRole(
  client: Queryable,
  role: { name: string; description?: string | null; permissions?: string[] },
): Promise<BuyerRole> {
  const created = one(
    await mapErrors(() =>
      createBuyerRoleQuery.run({ name: role.name, description: role.description ?? null }, client),
    ),
    'The new buyer role',
  );
  if (role.permissions?.length) {
    const rows = role.permissions.map((permission) => ({ buyerRoleId: created.buyer_role_id, permission }));
    await mapErrors(() => addBuyerRolePermissionsQuery.run({ rows }, client));
  }
  return created;
}

/** Errors: ConflictError `buyer_email_taken`; ForeignKeyError `company_not_found`, `buyer_role_not_found`. */
export async function createBuyer(
  client: Queryable,
  buyer: {
    buyerId?: string;
    companyId: string;
    buyerRoleId: string;
    email: string;
    fullName: string;
    phone?: string | null;
    spendingLimit?: string | null;
    spendingPeriod?: SpendingPeriod | null;
  },
): Promise<Buyer> {
  decimalAmount(buyer.spendingLimit, 'spendingLimit');
  const { phone, ...rest } = buyer;
  const [phoneSealed] = await seal(client, [phone]);
  return openBuyer(
    client,
    one(await mapErrors(() => createBuyerQuery.run({ ...rest, phoneSealed }, client)), 'The new buyer'),
  );
}

/** Changes a buyer; a buyer never moves to another company (create a new one there). */
export async function updateBuyer(
  client: Queryable,
  buyerId: string,
  changes: { buyerRoleId?: string; email?: string; fullName?: string; phone?: string; status?: BuyerStatus },
): Promise<Buyer> {
  const tenantId = tenantOf(client);
  const { phone, ...rest } = changes;
  const [phoneSealed] = await seal(client, [phone]);
  return openBuyer(
    client,
    one(
      await mapErrors(() => updateBuyerQuery.run({ ...rest, phoneSealed, tenantId, buyerId }, client)),
      `Buyer ${buyerId}`,
    ),
  );
}

const BUYERS_PAGE = defineCursor('accounts.listBuyersOfCompany', ['text', 'uuid'] as const);

/**
 * One page of a company's buyers by email ascending, then id: `{ items, next? }`; pass `next` as `after`
 * for the following page (absent: no more). `limit` 1 to 500 (default 50; RangeError otherwise);
 * ValidationError `cursor_invalid` for a cursor this listing did not make. SQL: ListBuyersOfCompany.
 */
export async function listBuyersOfCompany(
  client: Queryable,
  companyId: string,
  page: { after?: string | null; limit?: number } = {},
): Promise<Page<Buyer>> {
  const limit = pageLimit(page.limit, PAGE);
  const [afterEmail, afterBuyerId] = BUYERS_PAGE.decode(page.after) ?? [null, null];
  const rows = await mapErrors(() =>
    listBuyersOfCompanyQuery.run(
      { tenantId: tenantOf(client), companyId, afterEmail, afterBuyerId, limit: fetchSize(limit) },
      client,
    ),
  );
  return BUYERS_PAGE.page(rows, limit, (r) => [r.email, r.buyer_id]);
}

/** Inserts or updates many buyers in one statement, keyed by (company_id, email). */
export async function upsertBuyers(
  client: Queryable,
  rows: readonly BuyerUpsert[],
): Promise<IUpsertBuyersResult[]> {
  if (rows.length === 0) return [];
  assertUniqueKeys(rows, (r) => `${r.companyId}/${r.email}`, 'buyer');
  for (const r of rows) decimalAmount(r.spendingLimit ?? null, 'spendingLimit');
  // phones sealed first (one round trip per batch, only when one is given)
  return inBatches(rows, async (batch) => {
    const sealed = await seal(
      client,
      batch.map((r) => r.phone),
    );
    return upsertBuyersQuery.run(
      {
        rows: batch.map(({ phone: _, ...r }, i) => ({
          ...r,
          phoneSealed: sealed[i] ?? null,
        })),
      },
      client,
    );
  });
}

/**
 * The acting buyer, checked by the database (accounts.acting_buyer) to belong to `companyId` and to be
 * active: call it before anything a buyer does for a company. Throws BuyerNotInCompanyError with code
 * `buyer_not_in_company` (also for an unknown buyer, so the answer does not reveal which buyers exist)
 * or `buyer_disabled`.
 */
export async function assertBuyerActsForCompany(
  client: Queryable,
  acting: { buyerId: string; companyId: string },
): Promise<ActingBuyer> {
  return one(
    await mapErrors(() =>
      getBuyerActingForCompanyQuery.run({ ...acting, tenantId: tenantOf(client) }, client),
    ),
    'Acting buyer',
  );
}

export { BuyerNotInCompanyError, NotFoundError };

// erasure --------------------------------------------------------------------------------------------

/**
 * Erases a buyer (GDPR Art. 17) by pseudonymizing their personal data in every table that holds it
 * (accounts.erase_buyer: every column app.personal_data_columns marks as a buyer's; the account is kept,
 * disabled, with email `erased-<buyer_id>@erased.invalid` and name `Erased buyer`; phone, quote notes,
 * return reasons and approval comments become null; then, through audit.erase_subject, every audit event of
 * those rows, deleted ones included, holds keyed hashes in place of the personal values, and audit.verify
 * still passes). Orders, approvals and every foreign key stay. Needs no data key. Returns the rows changed
 * per table and the audit events rewritten (`{ "accounts.buyers": 1, "orders.quotes": 2, "audit.events": 7 }`). NotFoundError (B4108) for a buyer of no company
 * of the tenant.
 */
export async function eraseBuyer(client: Queryable, buyerId: string): Promise<Record<string, number>> {
  const row = one(
    await mapErrors(() => eraseBuyerQuery.run({ tenantId: tenantOf(client), buyerId }, client)),
    `Buyer ${buyerId}`,
  );
  return row.erased as Record<string, number>;
}
