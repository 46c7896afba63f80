-- DERIVED DATA, BUILT AFTER THE BULK LOAD (run.sh runs this file in each benchmark database after its
-- load and before VACUUM ANALYZE). The load inserts rows through the tables' triggers, so anything the
-- triggers maintain is already fresh. A read model built set-based after a load (issue 13's product page
-- read model) is built here: add its build call below, e.g. `select catalog.<build function>();`, so the
-- product page is measured on the model the application reads. Integrator: keep this file in step with
-- the read model's build function.
\set ON_ERROR_STOP on
select 'no derived data to build' as derived;
