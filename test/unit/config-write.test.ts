// writeConfigFile: private modes, atomic replace, merge semantics, refusal to clobber a broken file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  readConfigFile,
  resolveConfig,
  writeConfigFile,
  defaultConfigIo,
} from '../../src/core/config/index.js';
import { BatonError } from '../../src/core/errors.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'baton-config-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('writeConfigFile', () => {
  it('creates missing dirs 0700 and the file 0600', () => {
    const path = join(root, 'a', 'b', 'config.json');
    writeConfigFile(path, { url: 'http://127.0.0.1:7878', apiKey: 'bt_x' });
    expect(statSync(join(root, 'a')).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'a', 'b')).mode & 0o777).toBe(0o700);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ url: 'http://127.0.0.1:7878', apiKey: 'bt_x' });
  });

  it('merges: keeps unknown keys, null removes, undefined leaves alone', () => {
    const path = join(root, 'config.json');
    writeFileSync(path, JSON.stringify({ url: 'http://old', apiKey: 'bt_old', extra: { keep: true } }), {
      mode: 0o644,
    });
    const written = writeConfigFile(path, { url: 'http://new', apiKey: null, redact: undefined });
    expect(written).toEqual({ url: 'http://new', extra: { keep: true } });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(written);
    // The replacement file is private even though the old one was not.
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('leaves no temp files behind', () => {
    const path = join(root, 'config.json');
    writeConfigFile(path, { url: 'http://a' });
    writeConfigFile(path, { apiKey: 'bt_b' });
    expect(readdirSync(root)).toEqual(['config.json']);
  });

  it('refuses to overwrite a file that is not a JSON object', () => {
    const path = join(root, 'config.json');
    writeFileSync(path, '[1,2');
    let thrown: unknown;
    try {
      writeConfigFile(path, { url: 'http://a' });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(BatonError);
    expect((thrown as BatonError).code).toBe('config');
    expect(readFileSync(path, 'utf8')).toBe('[1,2');
  });

  it('round-trips through resolveConfig with the real file system', () => {
    const path = join(root, 'baton.json');
    writeConfigFile(path, { url: 'http://127.0.0.1:9/', apiKey: 'bt_rt', autoSync: false });
    const env = { BATON_CONFIG: path, HOME: root };
    const c = resolveConfig(env, defaultConfigIo(env));
    expect(c).toMatchObject({ trackerUrl: 'http://127.0.0.1:9', apiKey: 'bt_rt', autoSync: false });
    expect(readConfigFile(defaultConfigIo(env), path)).toEqual({
      url: 'http://127.0.0.1:9/',
      apiKey: 'bt_rt',
      autoSync: false,
    });
  });
});
