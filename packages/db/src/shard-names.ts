// Constraint names as Citus reports them. A shard's copy of a table, an index, or a unique, primary key,
// exclusion or foreign key constraint is named `<name>_<shard id>` (`pk_orders_102008`; a check constraint
// keeps its own name); a name too long for that (name + suffix over 63 bytes) is cut
// and keeps a hash of the whole name: `<first bytes>_<8 hex digits of hash_any(name)>_<shard id>`
// (Citus's AppendShardIdToName, relay_event_utility.c). An error raised on a worker reaches the client
// through the coordinator with its SQLSTATE and message only (Citus re-raises the worker's primary
// message, detail and hint: no constraint, table, schema or column field), so the name is read from the
// message there. These helpers turn either back into the catalog name of error-catalog.ts.

const NAMEDATALEN = 64;

/**
 * PostgreSQL's hash_any / hash_bytes (Bob Jenkins' lookup3, src/common/hashfn.c) of `bytes`, as an
 * unsigned 32-bit number: what Citus appends (as 8 hex digits) to a long name it shortens. The result
 * is that of a little-endian server (x86-64, arm64), where the word reads equal the byte-wise path.
 */
export function pgHashBytes(bytes: Uint8Array): number {
  const rot = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  let len = bytes.length;
  let a = (0x9e3779b9 + len + 3923095) >>> 0;
  let b = a;
  let c = a;
  const mix = () => {
    a = (a - c) >>> 0;
    a = (a ^ rot(c, 4)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rot(a, 6)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rot(b, 8)) >>> 0;
    b = (b + a) >>> 0;
    a = (a - c) >>> 0;
    a = (a ^ rot(c, 16)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rot(a, 19)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rot(b, 4)) >>> 0;
    b = (b + a) >>> 0;
  };
  const word = (i: number) =>
    ((bytes[i] ?? 0) |
      ((bytes[i + 1] ?? 0) << 8) |
      ((bytes[i + 2] ?? 0) << 16) |
      ((bytes[i + 3] ?? 0) << 24)) >>>
    0;
  let k = 0;
  while (len >= 12) {
    a = (a + word(k)) >>> 0;
    b = (b + word(k + 4)) >>> 0;
    c = (c + word(k + 8)) >>> 0;
    mix();
    k += 12;
    len -= 12;
  }
  // the tail, byte by byte (the lowest byte of c is left for the length, as in lookup3)
  const at = (i: number) => bytes[k + i] ?? 0;
  if (len >= 11) c = (c + (at(10) << 24)) >>> 0;
  if (len >= 10) c = (c + (at(9) << 16)) >>> 0;
  if (len >= 9) c = (c + (at(8) << 8)) >>> 0;
  if (len >= 8) b = (b + (at(7) << 24)) >>> 0;
  if (len >= 7) b = (b + (at(6) << 16)) >>> 0;
  if (len >= 6) b = (b + (at(5) << 8)) >>> 0;
  if (len >= 5) b = (b + at(4)) >>> 0;
  if (len >= 4) a = (a + (at(3) << 24)) >>> 0;
  if (len >= 3) a = (a + (at(2) << 16)) >>> 0;
  if (len >= 2) a = (a + (at(1) << 8)) >>> 0;
  if (len >= 1) a = (a + at(0)) >>> 0;
  // final(a, b, c)
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 14)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rot(c, 11)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rot(a, 25)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 16)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rot(c, 4)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rot(a, 14)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 24)) >>> 0;
  return c;
}

const utf8 = new TextEncoder();

/**
 * The name Citus gives the copy of object `name` on shard `shardId` (AppendShardIdToName): `name_<id>`,
 * or, when that would not fit in 63 bytes, the name cut to leave room for `_<hash>_<id>`.
 */
export function shardObjectName(name: string, shardId: string): string {
  const suffix = `_${shardId}`;
  const bytes = utf8.encode(name);
  if (bytes.length < NAMEDATALEN - suffix.length) return `${name}${suffix}`;
  const hash = pgHashBytes(bytes).toString(16).padStart(8, '0');
  return `${clipUtf8(name, NAMEDATALEN - suffix.length - 10)}_${hash}${suffix}`;
}

/** The longest prefix of `name` of at most `maxBytes` UTF-8 bytes that does not split a character. */
function clipUtf8(name: string, maxBytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of name) {
    const n = utf8.encode(ch).length;
    if (used + n > maxBytes) break;
    out += ch;
    used += n;
  }
  return out;
}

const SHORT_FORM = /^(.+)_(\d+)$/;
const LONG_FORM = /^(.+)_([0-9a-f]{8})_(\d+)$/;

/**
 * The catalog name behind `name` as it appears in an error: `name` itself when the catalog knows it
 * (plain PostgreSQL), else the catalog name of which `name` is a shard's copy on Citus, distributed and
 * reference tables alike (`pk_orders_102008` -> `pk_orders`; a shortened long name -> the catalog name
 * whose copy on that shard it is, checked by its hash). Undefined when neither is known.
 */
export function catalogNameOf(name: string, known: Readonly<Record<string, unknown>>): string | undefined {
  const isKnown = (n: string) => Object.hasOwn(known, n);
  if (isKnown(name)) return name;
  const short = SHORT_FORM.exec(name);
  if (short?.[1] && isKnown(short[1]) && shardObjectName(short[1], short[2] ?? '') === name) return short[1];
  const long = LONG_FORM.exec(name);
  if (long?.[1] && long[3]) {
    const [, prefix, , shardId] = long;
    for (const candidate of Object.keys(known))
      if (candidate.startsWith(prefix) && shardObjectName(candidate, shardId) === name) return candidate;
  }
  return undefined;
}

/**
 * The names an error message quotes, in order: `"..."` as PostgreSQL writes them in English, and the
 * quotation marks of its translations (» «, “ ”, „ “) for a server with another lc_messages.
 */
export function quotedNames(message: string): string[] {
  return Array.from(message.matchAll(/["»«“”„]([^"»«“”„]+)["»«“”„]/g), (m) => m[1] ?? '').filter(Boolean);
}

/** `name` without the `_<shard id>` Citus appends to a shard's copy of a table (`orders_102008` -> `orders`). */
export function withoutShardSuffix(name: string, shardId: string | undefined): string {
  return shardId && name.endsWith(`_${shardId}`) ? name.slice(0, -(shardId.length + 1)) : name;
}

/** The shard id at the end of a shard object's name, when `name` is the copy of `base`. */
export function shardIdOf(name: string, base: string): string | undefined {
  return name !== base ? /_(\d+)$/.exec(name)?.[1] : undefined;
}
