// Calls every exported function of a package with hostile inputs: oversized text, non-NFC text, NUL
// bytes, malformed ids, negative/NaN/huge numbers, wrong types, empty arrays and objects. Returns what
// escaped untyped (the caller says what "typed" is), so a package test can assert that nothing did.
// Functions added to a package later are covered without editing the test: it enumerates the exports.
import pg from 'pg';

const HUGE = 'x'.repeat(100_000);
const NFD = 'einka\u0308ufe.pru\u0308fung@example.com';

/** One hostile value each, with a name for the report. */
export const HOSTILE_VALUES: ReadonlyArray<readonly [string, unknown]> = [
  ['100k characters', HUGE],
  ['100k-character email', `${HUGE}@example.com`],
  ['non-NFC text', NFD],
  ['NUL byte', 'a\u0000b'],
  ['lone surrogate', 'a\ud800b'],
  ['not a uuid', 'not-a-uuid'],
  ['empty string', ''],
  ['negative number', -1],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['huge number', 1e308],
  ['unsafe integer', 2 ** 53 + 1],
  ['fraction', 0.5],
  ['boolean', true],
  ['null', null],
  ['undefined', undefined],
  ['empty object', {}],
  ['empty array', []],
  ['array of strings', ['x']],
  ['invalid date', new Date(Number.NaN)],
  ['bigint', 10n ** 30n],
];

/** Property names the packages' argument objects use; each is set to the hostile value. */
const KEYS = [
  'id',
  'tenantId',
  'companyId',
  'parentCompanyId',
  'buyerId',
  'buyerRoleId',
  'placedByRoleId',
  'staffUserId',
  'productId',
  'variantId',
  'categoryId',
  'parentCategoryId',
  'warehouseId',
  'priceListId',
  'priceId',
  'customerGroupId',
  'orderId',
  'quoteId',
  'returnId',
  'approvalRuleId',
  'orderLineId',
  'grantedBy',
  'email',
  'displayName',
  'fullName',
  'name',
  'legalName',
  'taxId',
  'sku',
  'slug',
  'code',
  'locale',
  'defaultLocale',
  'currency',
  'defaultCurrency',
  'countryCode',
  'description',
  'text',
  'query',
  'note',
  'reason',
  'comment',
  'reference',
  'role',
  'status',
  'scope',
  'phone',
  'label',
  'unit',
  'dataType',
  'attributeKey',
  'idempotencyKey',
  'purchaseOrderNumber',
  'version',
  'quantity',
  'quantities',
  'unitPrice',
  'amount',
  'minTotalAmount',
  'creditLimit',
  'spendingLimit',
  'spendingPeriod',
  'paymentTermsDays',
  'priority',
  'onHand',
  'reserved',
  'limit',
  'after',
  'afterEmail',
  'at',
  'validDuring',
  'validUntil',
  'validFrom',
  'attributes',
  'filters',
  'viewer',
  'lines',
  'rows',
  'tiers',
  'approverRoleIds',
  'permissions',
  'shipment',
  'isActive',
  'isDefault',
  'archivedAt',
  'billingAddressId',
  'shippingAddressId',
  'minQuantity',
];

function filled(value: unknown): Record<string, unknown> {
  return Object.fromEntries(KEYS.map((k) => [k, value]));
}

export interface Escape {
  fn: string;
  input: string;
  error: string;
}

/** A class (constructor), not a plain function: neither guarded nor called with hostile inputs. */
export function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}

/**
 * Calls each exported function of `module` (classes and non-functions skipped) as
 * `fn(client, ...args)` with every hostile value as every argument, as an object whose every known
 * property is that value, and as a one-element array of such objects. Each call runs in a savepoint of
 * one transaction of `appUrl` acting for `tenantId` (the way withTenant sets the context). Returns the
 * calls whose error `isTyped` refused.
 */
export async function callWithHostileInputs(options: {
  module: Record<string, unknown>;
  appUrl: string;
  tenantId: string;
  userId?: string;
  isTyped: (error: unknown) => boolean;
  skip?: readonly string[];
  /**
   * Acts for the tenant in the open transaction: pass @b2b/db's actAsTenant, so that the package functions'
   * tenantOf(client) answers (this package cannot import @b2b/db). Default: app.set_tenant alone.
   */
  actAs?: (client: pg.ClientBase, context: { tenantId: string; userId?: string }) => Promise<void>;
}): Promise<{ escapes: Escape[]; calls: number; functions: string[] }> {
  const client = new pg.Client({ connectionString: options.appUrl });
  await client.connect();
  const escapes: Escape[] = [];
  const functions: string[] = [];
  let calls = 0;
  try {
    await client.query('begin');
    // the tenant as withTenant sets it (SET LOCAL through app.set_tenant), and tenantOf(client)
    const context = { tenantId: options.tenantId, userId: options.userId };
    if (options.actAs) await options.actAs(client, context);
    else await client.query('select app.set_tenant($1, $2)', [context.tenantId, context.userId ?? null]);
    for (const [name, fn] of Object.entries(options.module)) {
      if (typeof fn !== 'function' || isClass(fn) || options.skip?.includes(name)) continue;
      functions.push(name);
      const arity = Math.max(fn.length - 1, 2);
      for (const [label, value] of HOSTILE_VALUES) {
        const shapes: Array<[string, unknown[]]> = [
          [`${label} as every argument`, Array(arity).fill(value)],
          [`object of ${label}`, Array(arity).fill(filled(value))],
          [`[object of ${label}]`, Array(arity).fill([filled(value)])],
        ];
        for (const [input, args] of shapes) {
          calls++;
          await client.query('savepoint hostile');
          try {
            await (fn as (...a: unknown[]) => unknown)(client, ...args);
          } catch (error) {
            if (!options.isTyped(error)) {
              const e = error as { name?: string; code?: string; message?: string };
              escapes.push({
                fn: name,
                input,
                error: `${e?.name ?? typeof error}${e?.code ? ` ${e.code}` : ''}: ${String(e?.message ?? error).slice(0, 120)}`,
              });
            }
          }
          await client.query('rollback to savepoint hostile');
        }
      }
    }
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
  return { escapes, calls, functions };
}
