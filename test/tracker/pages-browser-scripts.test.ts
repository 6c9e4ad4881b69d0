// Browser scripts (tracker pages, HTML export page) are TypeScript bundled by scripts/build.mjs (issue 11).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PAGE_JS } from '../../src/core/export/generated/page-script.js';
import { APP_JS } from '../../tracker/web/assets/app-client.js';
import { LIVE_JS } from '../../tracker/web/assets/live-client.js';
import { REPLAY_JS } from '../../tracker/web/assets/replay-client.js';
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
    for (const js of [LIVE_JS, APP_JS, PAGE_JS, REPLAY_JS]) {
      expect(js).toMatch(/^"use strict";\(\(\)=>\{/);
      expect(js).not.toMatch(/\bimport\(|\brequire\(|\bexport\s*\{/);
      expect(js).not.toMatch(/zod|marked|highlight\.js/i);
    }
  });

  // live.js carries core/render (diff views included), presence and follow mode: 24.9 KB, 9.4 KB gzipped, compiled in
  // 0.7 ms (median of 20, headless Chromium, 2-core machine). The budget leaves room for a few small features; the
  // replay player is its own asset (/assets/replay.js) so live viewers never load it.
  it('the live and replay scripts stay within their budgets, and the live one holds no replay player', () => {
    expect(LIVE_JS.length).toBeLessThan(28_000);
    expect(gzipSync(LIVE_JS).length).toBeLessThan(11_000);
    expect(REPLAY_JS.length).toBeLessThan(24_000);
    expect(LIVE_JS).not.toContain('replay-seek');
    expect(REPLAY_JS).toContain('replay-seek');
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
