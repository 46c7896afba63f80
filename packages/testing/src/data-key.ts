// The data key of throwaway databases (tests, the demo seed on a development cluster): public, so never a
// production key. Production supplies its own from a key store (docs/data-protection.md); scripts read
// B2B_DATA_KEY and fall back to this one only for databases they created themselves.

/** The data key every test database and development seed uses (64 characters). Public: never for production. */
export const TEST_DATA_KEY = 'b2b-test-data-key-0000000000000000000000000000000000000000000000';

/** The data key for scripts: B2B_DATA_KEY when set, else TEST_DATA_KEY (development databases only). */
export function scriptDataKey(): string {
  return process.env.B2B_DATA_KEY || TEST_DATA_KEY;
}
