/* Seals (encrypts) sensitive values with the transaction's data key, in order: what the write queries take.
   Reads no table, so on Citus it runs on the coordinator, where app.set_data_key set the key. B4101 without
   a key. Nulls stay null. */
/* @name SealPersonal */
select u.n::int as "n!", app.encrypt_personal(u.v) as sealed
from unnest(:plain!::text[]) with ordinality as u (v, n)
order by u.n;

/* Opens (decrypts) values sealed by SealPersonal or returned sealed by a write, in order. Reads no table (the
   coordinator on Citus). B4101 without a key, B4102 with a wrong one. Nulls stay null. */
/* @name OpenPersonal */
select u.n::int as "n!", app.decrypt_personal(u.v) as opened
from unnest(:sealed!::bytea[]) with ordinality as u (v, n)
order by u.n;
