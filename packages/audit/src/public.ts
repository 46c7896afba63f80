// The public entry of @b2b/audit (package.json "exports"): everything of ./index, with each function
// wrapped by @b2b/db's guarded(), so no raw driver error, TypeError or RangeError escapes a call: only
// DbError (ValidationError `input_invalid` for arguments of the wrong type). A function added to ./index
// must be listed here; src/hostile-inputs.test.ts names any that is not.
import { guarded } from '@b2b/db';
import * as impl from './index';

export * from './index';

export const changesByActor = guarded(impl.changesByActor);
export const changesInRange = guarded(impl.changesInRange);
export const getChainHead = guarded(impl.getChainHead);
export const rowHistory = guarded(impl.rowHistory);
