// The public entry of @b2b/catalog (package.json "exports"): everything of ./index, with each function
// wrapped by @b2b/db's guarded(), so no raw driver error, TypeError or RangeError escapes a call: only
// DbError (ValidationError `input_invalid` for arguments of the wrong type) and NotFoundError. A
// function added to ./index must be listed here; src/hostile-inputs.test.ts names any that is not.
import { guarded } from '@b2b/db';
import * as impl from './index';

export * from './index';

export const addProductToCategory = guarded(impl.addProductToCategory);
export const adjustStockLevels = guarded(impl.adjustStockLevels);
export const archiveProduct = guarded(impl.archiveProduct);
export const createCategory = guarded(impl.createCategory);
export const createPriceList = guarded(impl.createPriceList);
export const createProduct = guarded(impl.createProduct);
export const createVariant = guarded(impl.createVariant);
export const createWarehouse = guarded(impl.createWarehouse);
export const getProductPage = guarded(impl.getProductPage);
export const getStockByWarehouse = guarded(impl.getStockByWarehouse);
export const listProductsInCategory = guarded(impl.listProductsInCategory);
export const listStockMovements = guarded(impl.listStockMovements);
export const moveCategory = guarded(impl.moveCategory);
export const resolvePrice = guarded(impl.resolvePrice);
export const searchProducts = guarded(impl.searchProducts);
export const syncStockLevels = guarded(impl.syncStockLevels);
export const upsertCategoryTranslation = guarded(impl.upsertCategoryTranslation);
export const upsertPrices = guarded(impl.upsertPrices);
export const upsertProductTranslations = guarded(impl.upsertProductTranslations);
export const upsertProducts = guarded(impl.upsertProducts);
export const upsertStockLevels = guarded(impl.upsertStockLevels);
export const upsertVariants = guarded(impl.upsertVariants);
