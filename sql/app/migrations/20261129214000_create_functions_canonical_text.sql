-- Up Migration
-- Canonical forms of text people type, one definition each (issue 9, item 5). Versioned, not
-- repeatable: migrations use them to canonicalize rows already stored, and the repeatable trigger
-- function app.canonicalize() applies them on every write. The database must be UTF8 (normalize()).
--
-- app.canonical_text: what two spellings of the same words a person would call equal share.
--   1. Unicode NFC (composed: 'a' + U+0308 becomes 'ä'). Not NFKC: NFKC also folds ligatures,
--      superscripts, circled digits and the like ('ﬁ' to 'fi', '²' to '2'), which changes what a name says.
--   2. Width mapping only, as PRECIS (RFC 8264/8265) does for identifiers: full-width ASCII forms
--      (U+FF01..U+FF5E, typed by East Asian input methods) become ASCII, U+3000 a space.
--   3. Invisible format characters dropped: soft hyphen U+00AD, zero-width space U+200B, word joiner
--      U+2060, byte order mark U+FEFF.
--   4. Every run of white space (tab, newline, NBSP U+00A0, the U+2000..U+200A spaces, narrow NBSP
--      U+202F, ...) becomes one ordinary space; leading and trailing spaces are removed.
create function app.canonical_text(value text) returns text
language sql immutable strict parallel safe
return pg_catalog.btrim(
  pg_catalog.regexp_replace(
    pg_catalog.regexp_replace(
      pg_catalog.translate(normalize(value, nfc),
        '！＂＃＄％＆＇（）＊＋，－．／０１２３４５６７８９：；＜＝＞？＠ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ［＼］＾＿｀ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ｛｜｝～',
        '!"#$%&''()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~'),
      '[\u00ad\u200b\u2060\ufeff]', '', 'g'),
    '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', ' ', 'g'),
  ' ');
comment on function app.canonical_text(text) is
  'Canonical form of a name people type: NFC, full-width ASCII to ASCII, invisible format characters (U+00AD, U+200B, U+2060, U+FEFF) removed, white space (NBSP and Unicode spaces included) collapsed to one space and trimmed. Case is kept.';

-- Keys compared without regard to case (emails, slugs): canonical_text, zero-width
-- joiners removed too (a key has no use for them), then lower case (the database collation's rules).
create function app.canonical_key(value text) returns text
language sql immutable strict parallel safe
return pg_catalog.lower(pg_catalog.regexp_replace(app.canonical_text(value), '[\u200c\u200d]', '', 'g'));
comment on function app.canonical_key(text) is
  'Canonical form of a key compared without regard to case (email, slug): app.canonical_text, U+200C/U+200D removed, lower case.';

-- Codes written in capitals (SKUs, warehouse codes): as canonical_key, upper case.
create function app.canonical_code(value text) returns text
language sql immutable strict parallel safe
return pg_catalog.upper(pg_catalog.regexp_replace(app.canonical_text(value), '[\u200c\u200d]', '', 'g'));
comment on function app.canonical_code(text) is
  'Canonical form of a code (SKU, warehouse code): app.canonical_text, U+200C/U+200D removed, upper case.';

-- Tax ids: the registries compare them without separators ('DE 123.456.789' is 'DE123456789').
create function app.canonical_tax_id(value text) returns text
language sql immutable strict parallel safe
return pg_catalog.upper(pg_catalog.regexp_replace(app.canonical_text(value), '[\s./\u200c\u200d-]', '', 'g'));
comment on function app.canonical_tax_id(text) is
  'Canonical form of a tax id: app.canonical_text without spaces, dots, slashes and hyphens, upper case (as VAT registries compare them).';

-- Down Migration
drop function app.canonical_tax_id(text);
drop function app.canonical_code(text);
drop function app.canonical_key(text);
drop function app.canonical_text(text);
