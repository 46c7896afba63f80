// Sealing (encrypting) and opening (decrypting) the personal values of @b2b/accounts with the transaction's
// data key, in helper queries that read no table (SealPersonal, OpenPersonal): on Citus a write may call no
// non-immutable function in its values, COALESCE or RETURNING, so the writes take and return sealed values
// (docs/data-protection.md).
import { mapErrors, type Queryable } from '@b2b/db';
import type { IListBuyersOfCompanyResult } from '../queries/buyers.queries';
import type { IGetCompanyResult } from '../queries/companies.queries';
import {
  openPersonal as openPersonalQuery,
  sealPersonal as sealPersonalQuery,
} from '../queries/personal.queries';

type Company = IGetCompanyResult;
type Buyer = IListBuyersOfCompanyResult;

/**
 * Seals each non-null value with the transaction's data key (app.encrypt_personal, SealPersonal), in order;
 * null and undefined stay null. No round trip when every value is null. DataKeyError `data_key_missing`.
 */
export async function seal(
  client: Queryable,
  values: readonly (string | null | undefined)[],
): Promise<(Buffer | null)[]> {
  const given = values.filter((v): v is string => v != null);
  if (given.length === 0) return values.map(() => null);
  const rows = await mapErrors(() => sealPersonalQuery.run({ plain: given }, client));
  let next = 0;
  return values.map((v) => (v == null ? null : (rows[next++]?.sealed ?? null)));
}

/**
 * Opens each non-null sealed value with the transaction's data key (app.decrypt_personal, OpenPersonal), in
 * order. No round trip when every value is null. DataKeyError `data_key_missing`, `data_key_wrong`.
 */
async function open(client: Queryable, sealed: readonly (Buffer | null)[]): Promise<(string | null)[]> {
  const given = sealed.filter((v): v is Buffer => v !== null);
  if (given.length === 0) return sealed.map(() => null);
  const rows = await mapErrors(() => openPersonalQuery.run({ sealed: given }, client));
  let next = 0;
  return sealed.map((v) => (v === null ? null : (rows[next++]?.opened ?? null)));
}

/** A company row as a write returns it (tax id sealed), opened. */
export async function openCompany<T extends { tax_id_sealed: Buffer | null }>(
  client: Queryable,
  row: T,
): Promise<Company> {
  const { tax_id_sealed, ...rest } = row;
  const [tax_id] = await open(client, [tax_id_sealed]);
  return { ...(rest as unknown as Omit<Company, 'tax_id'>), tax_id: tax_id ?? null };
}

/** A buyer row as a write returns it (phone sealed), opened. */
export async function openBuyer<T extends { phone_sealed: Buffer | null }>(
  client: Queryable,
  row: T,
): Promise<Buyer> {
  const { phone_sealed, ...rest } = row;
  const [phone] = await open(client, [phone_sealed]);
  return { ...(rest as unknown as Omit<Buyer, 'phone'>), phone: phone ?? null };
}
