// The replica drills' own primary and replica: throwaway clusters from the local binaries (deleted when the
// drill ends, also on Ctrl-C or kill -9), durable like the development cluster (fsync and
// synchronous_commit on), with the orders benchmark's fixture loaded before the replica is made, so the
// drill measures the orders it places, not the fixture's load. Never the development cluster: the failover
// drill kills its primary.
import { withTenant } from '@b2b/db';
import { placeOrder } from '@b2b/orders';
import { databaseUrl, withClient } from '@b2b/testing';
import {
  type RunningCluster,
  startThrowawayCluster,
  startThrowawayReplica,
  type ThrowawayReplica,
} from '@b2b/testing/provider';
import type pg from 'pg';
import { describeMachine, formatMachine } from '../bench/machine';
import { randomOrder } from '../bench/suites/orders';
import { type OrdersFixture, prepareOrdersDatabase } from '../bench/suites/orders-fixture';

export const DRILL_DATABASE = 'b2b_replica_drill';
export const REPLICA_NAME = 'b2b_replica';

export interface ScratchPair {
  primary: RunningCluster & { stop(): Promise<void> };
  replica: ThrowawayReplica;
  fixture: OrdersFixture;
  /** Superuser URL of the drill database on a cluster. */
  adminUrl(cluster: RunningCluster): string;
  /** b2b_app URL (RLS applies) of the drill database on a cluster. */
  appUrl(cluster: RunningCluster): string;
  stop(): Promise<void>;
}

function roleUrl(cluster: RunningCluster, user: string): string {
  const u = new URL(databaseUrl(cluster.url, DRILL_DATABASE));
  u.username = user;
  return u.toString();
}

/**
 * Starts a primary (ports from 6620) with the drill database migrated and the orders fixture loaded, then a
 * replica of it (ports from 6640) streaming as `b2b_replica`. `primarySettings` are added to the server's
 * defaults (which keep durability).
 */
export async function startScratchPair(
  say: (line: string) => void,
  options: { primarySettings?: readonly string[] } = {},
): Promise<ScratchPair> {
  const primary = await startThrowawayCluster({ port: 6620, settings: options.primarySettings ?? [] });
  let replica: ThrowawayReplica | undefined;
  try {
    say(`  primary on 127.0.0.1:${primary.port}: migrating ${DRILL_DATABASE} and loading the orders fixture`);
    await withClient(primary.url, (c) => c.query(`create database ${DRILL_DATABASE}`));
    const fixture = await prepareOrdersDatabase(roleUrl(primary, 'postgres'));
    say('  replica: pg_basebackup -R as the replication role (SCRAM), then streaming');
    replica = await startThrowawayReplica(primary, { port: 6640, applicationName: REPLICA_NAME });
    say(`  replica on 127.0.0.1:${replica.port}, streaming`);
    say(formatMachine(await describeMachine(roleUrl(primary, 'postgres'))).replace(/^/gm, '  machine: '));
    const started = replica;
    return {
      primary,
      replica: started,
      fixture,
      adminUrl: (cluster) => roleUrl(cluster, 'postgres'),
      appUrl: (cluster) => roleUrl(cluster, 'b2b_app'),
      async stop() {
        await started.stop();
        await primary.stop().catch(() => {}); // a killed primary: pg_ctl stop fails, the files go anyway
      },
    };
  } catch (error) {
    await replica?.stop();
    await primary.stop().catch(() => {});
    throw error;
  }
}

/** Places one random fixture order under `idempotencyKey` through @b2b/orders (withTenant as b2b_app). */
export async function placeRandomOrder(
  pool: pg.Pool,
  fixture: OrdersFixture,
  idempotencyKey: string,
): Promise<void> {
  const { buyer, lines } = randomOrder(fixture);
  await withTenant(pool, { tenantId: buyer.tenantId, userId: buyer.buyerId }, (client) =>
    placeOrder(client, {
      companyId: buyer.companyId,
      buyerId: buyer.buyerId,
      currency: buyer.currency,
      lines,
      idempotencyKey,
    }),
  );
}

/** Idempotency keys of the orders under `prefix` on the drill database at `adminUrl`. */
export async function orderKeys(adminUrl: string, prefix: string): Promise<Set<string>> {
  return withClient(adminUrl, async (c) => {
    const { rows } = await c.query<{ key: string }>(
      'select idempotency_key as key from orders.orders where idempotency_key like $1',
      [`${prefix}-%`],
    );
    return new Set(rows.map((r) => r.key));
  });
}
