// Deterministic, well-spread uuids for generated seed rows, cheap enough for millions of rows.
//
// Ids were md5(kind:tenant:n) before: one createHash() per id made id generation the largest cost on
// the Node side (about 3 ids per row, 6 million rows). A 32-bit integer mixer does the same job:
// `mix32` is a bijection on 32-bit integers (xorshift-multiply rounds, Chris Wellons' "lowbias32"), and
// the first 8 hex digits are mix32 of a code that is unique per (kind, tenant, n), so two ids never
// collide by construction. The other digits come from mixes of the same code with other seeds.
// Spread matters: sequential ids made the GiST index behind excl_prices_no_overlap degrade badly.

function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const byte = (b: number) => HEX[b & 255] as string;
const hex8 = (n: number) => byte(n >>> 24) + byte(n >>> 16) + byte(n >>> 8) + byte(n);
const hex4 = (n: number) => byte(n >>> 8) + byte(n);

/** Room in the 32-bit code: kind < 8, tenant < 128, n < 2^21 (2,097,152 ids of a kind per tenant). */
export const ID_LIMITS = { kinds: 8, tenants: 128, perTenant: 1 << 21 };

/** The uuid (version 4 layout) of the n-th row of `kind` in `tenant`. */
export function seedId(kind: number, tenant: number, n: number): string {
  if (kind >= ID_LIMITS.kinds || tenant >= ID_LIMITS.tenants || n >= ID_LIMITS.perTenant) {
    throw new RangeError(`seed id out of range: kind ${kind}, tenant ${tenant}, n ${n}`);
  }
  const code = (kind << 28) | (tenant << 21) | n;
  const a = mix32(code);
  const b = mix32(code ^ 0x9e3779b9);
  const c = mix32(code ^ 0x85ebca6b);
  const d = mix32(code ^ 0xc2b2ae35);
  return `${hex8(a)}-${hex4(b >>> 16)}-4${hex4(b).slice(1)}-8${hex4(c >>> 16).slice(1)}-${hex4(c)}${hex8(d)}`;
}
