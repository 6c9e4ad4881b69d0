// The export use case (src/export) and the two CLI commands on top of it: destinations, no-clobber, messages.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../src/core/export/index.js';
import { Session } from '../../src/core/model/session.js';
import {
  describeExport,
  exportSession,
  REDACTION_OFF_WARNING,
  type ExportSessionEnv,
} from '../../src/export/export-session.js';
import { runBaton } from '../helpers/cli-run.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'transcripts', 'projects');
const MAIN = '7f3c2a10-5d4e-4b8a-9c1f-2e6d8b4a0c11';

let root: string;
let cwd: string;
let claudeDir: string;
let warnings: string[];
let env: ExportSessionEnv;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-export-'));
  claudeDir = join(root, 'claude');
  cwd = join(root, 'work');
  mkdirSync(cwd);
  mkdirSync(join(root, 'home'));
  cpSync(FIXTURES, join(claudeDir, 'projects'), { recursive: true });
  warnings = [];
  env = {
    cwd,
    claudeConfigDir: claudeDir,
    dataDir: join(root, 'data'),
    warn: (m) => void warnings.push(m),
  };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('exportSession', () => {
  it('writes ./session-<id8>.<ext> by default and returns paths, counts and the redaction report', async () => {
    const r = await exportSession(env, {
      ref: MAIN,
      format: 'json',
      to: { kind: 'file', force: false },
      redact: true,
    });
    expect(r.path).toBe(join(cwd, `session-${MAIN.slice(0, 8)}.json`));
    expect(r.transcriptPath).toMatch(new RegExp(`${MAIN}\\.jsonl$`));
    expect(Session.parse(JSON.parse(readFileSync(r.path!, 'utf8'))).meta.id).toBe(MAIN);
    expect(r.totals.turns).toBeGreaterThan(0);
    expect(r.redacting).toBe(true);
    expect(typeof r.redaction.total).toBe('number');
    expect(describeExport(r)).toMatch(
      new RegExp(`^Exported session ${MAIN} \\(\\d+ turns, \\d+ tool calls\\) as json to ${r.path}; `),
    );
  });

  it('never replaces an existing file without force, and leaves no temp file behind', async () => {
    const path = join(cwd, 'taken.md');
    writeFileSync(path, 'keep me');
    const input = { ref: MAIN, format: 'md' as const, redact: true };
    await expect(
      exportSession(env, { ...input, to: { kind: 'file', path: 'taken.md', force: false } }),
    ).rejects.toMatchObject({ code: 'already_exists' });
    expect(readFileSync(path, 'utf8')).toBe('keep me');
    const forced = await exportSession(env, {
      ...input,
      to: { kind: 'file', path: 'taken.md', force: true },
    });
    expect(forced.path).toBe(path);
    expect(readFileSync(path, 'utf8')).toContain('# ');
    expect(existsSync(join(cwd, `.taken.md.${process.pid}.tmp`))).toBe(false);
  });

  it('returns the export as a string, and warns when redaction is off', async () => {
    warnings.length = 0;
    const r = await exportSession(env, { ref: MAIN, format: 'txt', to: { kind: 'string' }, redact: false });
    expect(r.path).toBeNull();
    expect(r.text!.length).toBeGreaterThan(100);
    expect(r.redacting).toBe(false);
    expect(warnings).toEqual([REDACTION_OFF_WARNING]);
    expect(describeExport(r)).toContain(' as txt to a string; ');
  });

  it('reports an unknown session as not_found', async () => {
    await expect(
      exportSession(env, { ref: 'no-such-session', format: 'md', to: { kind: 'string' }, redact: true }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('baton export and the /export-session backend call the use case', () => {
  const baton = (argv: string[]) =>
    runBaton(argv, {
      env: {
        PATH: process.env.PATH,
        HOME: join(root, 'home'),
        CLAUDE_CONFIG_DIR: claudeDir,
        BATON_DATA_DIR: join(root, 'data'),
        BATON_CONFIG: join(root, 'config.json'),
        NO_COLOR: '1',
      },
      cwd,
      home: join(root, 'home'),
    });

  it('baton export prints the one-line summary (or JSON) and writes the file', async () => {
    const r = await baton(['export', MAIN, '--format', 'html', '--out', 'page.html']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        `^Exported session ${MAIN} \\(\\d+ turns, \\d+ tool calls\\) as html to ${join(cwd, 'page.html')}; `,
      ),
    );
    expect(readFileSync(join(cwd, 'page.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    const again = await baton(['export', MAIN, '--format', 'html', '--out', 'page.html']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists; pass --force to overwrite it');
    const json = await baton(['export', MAIN, '--out', 'page.html', '--force', '--json', '--no-redact']);
    expect(json.err).toContain(REDACTION_OFF_WARNING);
    expect(JSON.parse(json.out)).toMatchObject({
      sessionId: MAIN,
      format: 'md',
      out: join(cwd, 'page.html'),
    });
  });

  it('/export-session prints BATON_EXPORT_OK or BATON_EXPORT_FAILED and always exits 0', async () => {
    const ok = await baton([
      'export-session',
      '--session',
      MAIN,
      '--',
      '--format',
      'txt',
      '--out',
      'slash.txt',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(
      new RegExp(`^BATON_EXPORT_OK: Exported session ${MAIN} .* as txt to ${join(cwd, 'slash.txt')}; `),
    );
    const again = await baton([
      'export-session',
      '--session',
      MAIN,
      '--',
      '--format',
      'txt',
      '--out',
      'slash.txt',
    ]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^BATON_EXPORT_FAILED: .*already exists/);
  });

  it('/export-session with no flags offers every export format, PDF and Word included', async () => {
    const r = await baton(['export-session', '--session', MAIN, '--']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^BATON_ASK_USER:/);
    expect(r.out).toContain(`--format <${EXPORT_FORMATS.join('|')}>`);
    expect(r.out).toContain('|pdf|docx>');
  });
});
