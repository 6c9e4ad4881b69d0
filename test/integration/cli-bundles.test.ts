// The bundled CLI: dist/cli.js runs `baton export` from the export-only bundle and everything else from the full one.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DIST = join(import.meta.dirname, '..', '..', 'dist');
// A main transcript with a subagent file beside it: the export reads both.
const TRANSCRIPT = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'transcripts',
  'projects',
  '-home-dev-proj',
  '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11.jsonl',
);

function baton(args: string[], cwd: string): { out: string; code: number } {
  try {
    return {
      out: execFileSync(process.execPath, [join(DIST, 'cli.js'), ...args], { cwd, encoding: 'utf8' }),
      code: 0,
    };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { out: `${e.stdout}${e.stderr}`, code: e.status };
  }
}

describe('dist/cli.js bundles', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(join(DIST, 'cli-export.js')))
      throw new Error('dist/cli-export.js missing: run `npm run build` first');
    dir = mkdtempSync(join(tmpdir(), 'baton-bundles-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the export bundle free of the other commands and of their heavy dependencies', () => {
    const exportBundle = readFileSync(join(DIST, 'cli-export.js'), 'utf8');
    const mainBundle = readFileSync(join(DIST, 'cli-main.js'), 'utf8');
    for (const name of ['handoffCommand', 'liveCommand', 'trackerCommand']) {
      expect(mainBundle).toContain(name);
      expect(exportBundle).not.toContain(name);
    }
    expect(exportBundle).not.toContain('node_modules/undici');
    expect(exportBundle).not.toContain('node_modules/zod');
    expect(exportBundle.length).toBeLessThan(mainBundle.length / 4);
  });

  it('exports through the export bundle, also after global flags', () => {
    const out = join(dir, 'a.json');
    const r = baton(
      ['--plugin-data', join(dir, 'data'), 'export', TRANSCRIPT, '--format', 'json', '--out', out],
      dir,
    );
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toMatch(/^Exported session /);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number; sidechains: unknown[] };
    expect(json.schemaVersion).toBe(1);
    expect(json.sidechains).toHaveLength(1);
    expect(baton(['export', '--help'], dir).out).toContain('Usage: baton export');
  });

  it('serves every other command, and the full command list, from the main bundle', () => {
    const help = baton(['--help'], dir);
    expect(help.code).toBe(0);
    for (const name of ['export', 'handoff', 'live', 'tracker'])
      expect(help.out).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(baton(['tracker', '--help'], dir).out).toContain('Usage: baton tracker');
    expect(baton(['no-such-command'], dir)).toMatchObject({ code: 2 });
  });
});
