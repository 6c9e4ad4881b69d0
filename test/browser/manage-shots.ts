// Screenshots of the manage pages: into docs/screenshots/ from the SQLite run (PNG, viewport-sized so each stays small),
// into test-artifacts/ from the others.
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARTIFACTS } from './browser.js';

const DOCS = join(process.cwd(), 'docs', 'screenshots');
/** The docs keep each image under ~200 KB. */
const MAX_BYTES = 200_000;

export async function shot(engine: string, target: Page | Locator, name: string): Promise<void> {
  const dir = engine === 'sqlite' ? DOCS : ARTIFACTS;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${engine === 'sqlite' ? name : `${name}-${engine}`}.png`);
  await target.screenshot({ path, scale: 'css', animations: 'disabled' });
  expect(statSync(path).size, `${name}.png size`).toBeLessThan(MAX_BYTES);
}
