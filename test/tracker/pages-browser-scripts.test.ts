// Browser scripts (tracker pages, HTML export page) are TypeScript bundled by scripts/build.mjs (issue 11).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PAGE_JS } from '../../src/core/export/generated/page-script.js';
import { APP_JS } from '../../tracker/web/assets/app-client.js';
import { LIVE_JS } from '../../tracker/web/assets/live-client.js';
import { APP_CSS } from '../../tracker/web/assets/styles.js';

describe('browser scripts', () => {
  it('are what scripts/build.mjs bundles from tracker/web/client and src/core/export/client (run `node scripts/build.mjs --browser` when this fails)', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      'scripts/build.mjs',
      '--browser',
      '--check',
    ]);
    expect(stdout).toContain('is fresh');
  }, 60_000);

  it('are small IIFEs that load none of the server side (no zod, no Markdown parser, no module syntax)', () => {
    for (const js of [LIVE_JS, APP_JS, PAGE_JS]) {
      expect(js).toMatch(/^"use strict";\(\(\)=>\{/);
      expect(js).not.toMatch(/\bimport\(|\brequire\(|\bexport\s*\{/);
      expect(js).not.toMatch(/zod|marked|highlight\.js/i);
    }
    expect(LIVE_JS.length).toBeLessThan(16_000);
  });

  it('the stylesheet is tracker/web/client/app.css, minified, loading nothing', () => {
    expect(APP_CSS).toContain('.timeline{list-style:none');
    expect(APP_CSS).toMatch(/@media ?\(prefers-color-scheme: ?dark\)/);
    expect(APP_CSS).not.toMatch(/@import|url\(/);
  });

  it('the live client renders events with the shared renderer and its tag/attribute allow-lists', () => {
    expect(LIVE_JS).toContain('Tool: ');
    expect(LIVE_JS).toContain('is not allowed');
  });
});
