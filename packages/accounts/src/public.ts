// The public entry of @b2b/accounts (package.json "exports"): everything of ./index, with each function
// wrapped by @b2b/db's guarded(), so no raw driver error, TypeError or RangeError escapes a call: only
// DbError (ValidationError `input_invalid` for arguments of the wrong type) and NotFoundError. A
// function added to ./index must be listed here; src/hostile-inputs.test.ts names any that is not.
import { guarded } from '@b2b/db';
import * as impl from './index';

export * from './index';

export const assertBuyerActsForCompany = guarded(impl.assertBuyerActsForCompany);
export const createBuyer = guarded(impl.createBuyer);
export const createBuyerRole = guarded(impl.createBuyerRole);
export const createCompany = guarded(impl.createCompany);
export const eraseBuyer = guarded(impl.eraseBuyer);
export const getCompany = guarded(impl.getCompany);
export const listBuyersOfCompany = guarded(impl.listBuyersOfCompany);
export const listCompanies = guarded(impl.listCompanies);
export const setParentCompany = guarded(impl.setParentCompany);
export const updateBuyer = guarded(impl.updateBuyer);
export const updateCompany = guarded(impl.updateCompany);
export const upsertBuyers = guarded(impl.upsertBuyers);
export const upsertCompanies = guarded(impl.upsertCompanies);
