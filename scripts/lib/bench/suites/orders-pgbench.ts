// placeOrder driven by pgbench instead of Node: the same transaction (begin and tenant context, one call
// to orders.place_order, commit) as b2b_app from a C client with prepared statements. Beside the Node
// rows it shows how much of an order's cost is the client's: nearly none, so the distance to pgbench's
// TPC-B is the work an order does in the database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withClient } from '@b2b/testing';
import { MANYCORE_DIR } from '../manycore';
import type { CustomScript } from '../pgbench';
import { VARIANTS_PER_TENANT } from './orders-fixture';

/**
 * pgbench has no arrays, so the buyers and the variants of each tenant are numbered in two tables of the
 * scratch database (schema `bench`, readable by b2b_app; dropped with the database). The many-core script
 * (bench/manycore/run.sh) uses the same file, and the same transaction below.
 */
const SAMPLE_TABLES = readFileSync(join(MANYCORE_DIR, 'sql', 'samples-orders.sql'), 'utf8');

/**
 * A random buyer and its order's lines (read with \gset before the transaction: one round trip the Node
 * client does not make) order 5 distinct random variants of its tenant, one from each fifth of them, 1 to
 * 10 units each. The lines and the idempotency key reach place_order as parameters: on Citus a call
 * whose argument is a subquery (bench.variants is a table of the coordinator only) or a volatile
 * expression (gen_random_uuid()) is not delegated to the tenant's worker, and place_order run on the
 * coordinator fails in the worker ("cannot execute a distributed query from a query on a shard": its
 * statements that call catalog.resolve_price are pushed to the shard, and resolve_price reads tables).
 */
const SCRIPT = readFileSync(join(MANYCORE_DIR, 'pgbench', 'place-order.sql'), 'utf8');

/** Numbers the fixture's buyers and variants in the scratch database and returns the pgbench script. */
export async function placeOrderScript(adminUrl: string, prefix: string): Promise<CustomScript> {
  const buyers = await withClient(adminUrl, async (client) => {
    await client.query(SAMPLE_TABLES);
    const { rows } = await client.query<{ n: string }>('select count(*) as n from bench.buyers');
    return Number(rows[0]?.n);
  });
  return {
    name: 'placeOrder via pgbench',
    text: SCRIPT,
    variables: {
      buyers: String(buyers),
      fifth: String(Math.floor(VARIANTS_PER_TENANT / 5)),
      prefix: `${prefix}-`,
    },
  };
}
