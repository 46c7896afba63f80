// Categories (a tree by materialized path), their translations and product membership.
import { mapErrors, one, type Queryable, tenantOf } from '@b2b/db';
import {
  addProductToCategory as addProductToCategoryQuery,
  createCategory as createCategoryQuery,
  type ICreateCategoryResult,
  type IUpsertCategoryTranslationResult,
  moveCategory as moveCategoryQuery,
  upsertCategoryTranslation as upsertCategoryTranslationQuery,
} from '../queries/categories.queries';

export type Category = ICreateCategoryResult;
export type CategoryTranslation = IUpsertCategoryTranslationResult;

export async function createCategory(
  client: Queryable,
  category: { categoryId?: string; parentCategoryId?: string | null } = {},
): Promise<Category> {
  return mapErrors(async () =>
    one(
      await createCategoryQuery.run(
        { categoryId: category.categoryId ?? null, parentCategoryId: category.parentCategoryId ?? null },
        client,
      ),
      'The new category',
    ),
  );
}

/** Moves a category with its subtree; ValidationError `category_cycle` under its own subcategory. */
export async function moveCategory(
  client: Queryable,
  categoryId: string,
  parentCategoryId: string | null,
): Promise<Category> {
  return mapErrors(async () =>
    one(
      await moveCategoryQuery.run({ tenantId: tenantOf(client), categoryId, parentCategoryId }, client),
      `Category ${categoryId}`,
    ),
  );
}

export async function upsertCategoryTranslation(
  client: Queryable,
  translation: {
    categoryId: string;
    locale: string;
    name: string;
    slug: string;
    description?: string | null;
  },
): Promise<CategoryTranslation> {
  return mapErrors(async () =>
    one(
      await upsertCategoryTranslationQuery.run(
        { ...translation, description: translation.description ?? null },
        client,
      ),
      `Category ${translation.categoryId}`,
    ),
  );
}

export async function addProductToCategory(
  client: Queryable,
  link: { categoryId: string; productId: string },
): Promise<void> {
  await mapErrors(() => addProductToCategoryQuery.run(link, client));
}
