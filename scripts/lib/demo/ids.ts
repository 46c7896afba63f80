// Deterministic ids for the demo world: the same name gives the same UUID on every load (`pnpm db:reset`
// rebuilds the same world, and the example commands printed by `db:up` can name rows).
import { createHash } from 'node:crypto';

/** A name-based UUID (version 5 layout, SHA-1 of `b2b-demo/<name>`). */
export function demoId(name: string): string {
  const h = createHash('sha1').update(`b2b-demo/${name}`).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
