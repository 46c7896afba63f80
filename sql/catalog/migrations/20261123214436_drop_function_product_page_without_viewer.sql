-- Up Migration
-- catalog.product_page gained the viewer's buyer as an argument (it checks the viewer itself now, see
-- sql/catalog/functions/0006 and 0008). A repeatable file only creates; the function of the old
-- signature, left in databases migrated before, is dropped here. Nothing calls it any more.
drop function if exists catalog.product_page(uuid, text, uuid, text, integer);

-- Down Migration
-- Nothing to restore: the old function came from a repeatable file that no longer exists in that form,
-- and the repeatables are applied again after a rollback.
select 1;
