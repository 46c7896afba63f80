/* @name CreateCategory */
insert into catalog.categories (category_id, parent_category_id)
values (coalesce(:categoryId::uuid, gen_random_uuid()), :parentCategoryId)
returning category_id, parent_category_id, path;

/* Moves a category (and its subtree); a parent inside its own subtree is refused (B2201). */
/* @name MoveCategory */
update catalog.categories
set parent_category_id = :parentCategoryId
where tenant_id = :tenantId! and category_id = :categoryId!
returning category_id, parent_category_id, path;

/* @name UpsertCategoryTranslation */
insert into catalog.category_translations (category_id, locale, name, slug, description)
values (:categoryId!, :locale!, :name!, :slug!, :description)
on conflict (tenant_id, category_id, locale) do update
set name = excluded.name,
    slug = excluded.slug,
    description = excluded.description
returning category_id, locale, name, slug, description;

/* @name AddProductToCategory */
insert into catalog.product_categories (category_id, product_id)
values (:categoryId!, :productId!)
on conflict do nothing;
