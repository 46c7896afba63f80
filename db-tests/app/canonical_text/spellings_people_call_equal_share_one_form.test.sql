-- app.canonical_text/_key/_code/_tax_id: the forms identifiers are stored in. NFC, not NFKC (width
-- mapping only, as PRECIS does); invisible characters out; every kind of space one space, trimmed.
begin;
select plan(23);

select is(app.canonical_text(normalize('Einkäufe', nfd)), normalize('Einkäufe', nfc), 'NFD becomes NFC');
select ok(app.canonical_text(normalize('Ångström', nfd)) is nfc normalized, 'the result is NFC normalized');
select is(app.canonical_text(e'  Gold \t customers\n'), 'Gold customers', 'surrounding space trimmed, inner runs one space');
select is(app.canonical_text(e'Gold\u00a0customers\u00a0'), 'Gold customers', 'NBSP is a space');
select is(app.canonical_text(e'Gold\u202fcustomers\u2003'), 'Gold customers', 'narrow NBSP and em space are spaces');
select is(app.canonical_text(e'Gold\u3000customers'), 'Gold customers', 'the ideographic space is a space');
select is(app.canonical_text(e'Gold\u200bcus\u00adtomers\ufeff'), 'Goldcustomers',
  'zero-width space, soft hyphen and BOM are removed');
select is(app.canonical_text('ＧＯＬＤ－１'), 'GOLD-1', 'full-width ASCII becomes ASCII');
select is(app.canonical_text('Gold'), 'Gold', 'case is kept for names');
select is(app.canonical_text('ﬁne ²'), 'ﬁne ²', 'not NFKC: ligatures and superscripts stay what they are');
select is(app.canonical_text(e'\u0928\u094d\u200d'), e'\u0928\u094d\u200d', 'names keep ZWJ (meaningful in Indic scripts)');

select is(app.canonical_key(normalize('Einkäufe.Prüfung@Example.COM ', nfd)), 'einkäufe.prüfung@example.com',
  'an email: NFC, trimmed, lower case');
select is(app.canonical_key('ＡＮＮ＠ＡＣＭＥ．ＥＸＡＭＰＬＥ'), 'ann@acme.example', 'a full-width email becomes ASCII lower case');
select is(app.canonical_key(e'ann\u200d@acme.example'), 'ann@acme.example', 'keys drop ZWJ and ZWNJ');
select is(app.canonical_key('ÄÖÜ-straße'), 'äöü-straße', 'lower case covers non-ASCII letters');
select is(app.canonical_code(' dr-1 '), 'DR-1', 'a code: trimmed, upper case');
select is(app.canonical_code('ｄｒ－１'), 'DR-1', 'a full-width code becomes ASCII upper case');
select is(app.canonical_tax_id('de 123.456-789'), 'DE123456789', 'a tax id loses spaces, dots and hyphens');
select is(app.canonical_tax_id(e'DE\u00a0123/456'), 'DE123456', 'and NBSP and slashes');
select is(app.canonical_key(e'\u212bngstr\u00f6m@example.se'), 'ångström@example.se',
  'the Angstrom sign (U+212B) is the letter Å (a canonical singleton, NFC)');
select is(app.canonical_key('STRAẞE@example.de'), 'straße@example.de', 'capital sharp s (U+1E9E) lowers to ß');
select isnt(app.canonical_key('strasse@example.de'), app.canonical_key('straße@example.de'),
  'lower case is not full case folding: ss and ß stay different addresses');
select is(app.canonical_text(null), null, 'null stays null');

select * from finish();
rollback;
