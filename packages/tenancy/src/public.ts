// The public entry of @b2b/tenancy (package.json "exports"): everything of ./index, with each function
// wrapped by @b2b/db's guarded(), so no raw driver error, TypeError or RangeError escapes a call: only
// DbError (ValidationError `input_invalid` for arguments of the wrong type) and NotFoundError. A
// function added to ./index must be listed here; src/hostile-inputs.test.ts names any that is not.
import { guarded } from '@b2b/db';
import * as impl from './index';

export * from './index';

export const createStaffUser = guarded(impl.createStaffUser);
export const deleteStaffUser = guarded(impl.deleteStaffUser);
export const getCurrentTenant = guarded(impl.getCurrentTenant);
export const grantRole = guarded(impl.grantRole);
export const listStaffUsers = guarded(impl.listStaffUsers);
export const revokeRole = guarded(impl.revokeRole);
export const updateStaffUser = guarded(impl.updateStaffUser);
export const updateTenantSettings = guarded(impl.updateTenantSettings);
