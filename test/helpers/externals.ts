// Loud skips for heavy externals (Chromium, PostgreSQL, the claude binary); under CI a skip is a failure.
import { describe } from 'vitest';

/** True when missing externals must fail the run instead of skipping (CI=true or BATON_REQUIRE_EXTERNALS=1). */
export const externalsRequired = process.env.CI === 'true' || process.env.BATON_REQUIRE_EXTERNALS === '1';

/**
 * Returns `describe` when the external is available, else `describe.skip` after printing a loud notice.
 * Under CI it throws instead, so a missing install step can never pass silently.
 */
export function describeWithExternal(name: string, unavailableReason: string | null): typeof describe {
  if (unavailableReason === null) return describe;
  const line = `\n!!! SKIPPING ${name} tests: ${unavailableReason}\n`;
  if (externalsRequired)
    throw new Error(`${name} is required under CI but unavailable: ${unavailableReason}`);
  process.stderr.write(`${'!'.repeat(80)}${line}${'!'.repeat(80)}\n`);
  return describe.skip as unknown as typeof describe;
}
