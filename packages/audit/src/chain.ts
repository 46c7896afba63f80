// The tenant's view of its hash chain: the head the sealing job last wrote (audit.seal_heads, read through
// row-level security). Sealing and verifying need the chain key and run as the owner (pnpm db:audit).
import { type Queryable, tenantOf } from '@b2b/db';
import { chainHead as chainHeadQuery } from '../queries/history.queries';

/** The tenant's chain head: the last sealed position, its chain hash (hex), when it was sealed. */
export interface ChainHead {
  sealSeq: string;
  chainHash: string;
  sealedAt: Date | null;
}

/**
 * The tenant's chain head, `{ sealSeq: '0', chainHash: 64 zeros, sealedAt: null }` before the first
 * sealing run. Hand it to an outside party: `audit.verify(tenant, p_head => ...)` later proves the chain
 * still passes through it. `sealSeq` is a bigint as a string. SQL: ChainHead.
 */
export async function getChainHead(client: Queryable): Promise<ChainHead> {
  const [row] = await chainHeadQuery.run({ tenantId: tenantOf(client) }, client);
  if (!row) return { sealSeq: '0', chainHash: '0'.repeat(64), sealedAt: null };
  return { sealSeq: row.seal_seq, chainHash: row.chain_hash, sealedAt: row.sealed_at };
}
