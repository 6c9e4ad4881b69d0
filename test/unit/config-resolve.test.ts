// Precedence rules of resolveConfig: data dir, config file path, tracker URL/key sources, switches.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { resolveConfig, type ConfigIo } from '../../src/core/config/index.js';

const HOME = '/home/tester';

/** An in-memory file system: path → text. */
function io(files: Record<string, string> = {}): ConfigIo & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    homedir: HOME,
    readFile: (p) => {
      reads.push(p);
      return files[p] ?? null;
    },
  };
}

const defaultConfigFile = join(HOME, '.config', 'baton', 'config.json');
const defaultSettings = join(HOME, '.claude', 'settings.json');

describe('resolveConfig: data dir', () => {
  it('defaults to ~/.local/state/baton', () => {
    const c = resolveConfig({}, io());
    expect(c.dataDir).toBe(join(HOME, '.local', 'state', 'baton'));
    expect(c.dataDirSource).toBe('default');
  });

  it('uses $XDG_STATE_HOME/baton over the default, ignoring a relative XDG_STATE_HOME', () => {
    expect(resolveConfig({ XDG_STATE_HOME: '/xdg/state' }, io()).dataDir).toBe('/xdg/state/baton');
    expect(resolveConfig({ XDG_STATE_HOME: 'rel/state' }, io()).dataDirSource).toBe('default');
  });

  it('prefers CLAUDE_PLUGIN_DATA over XDG_STATE_HOME', () => {
    const c = resolveConfig({ XDG_STATE_HOME: '/xdg/state', CLAUDE_PLUGIN_DATA: '/plugin/data' }, io());
    expect(c.dataDir).toBe('/plugin/data');
    expect(c.dataDirSource).toBe('CLAUDE_PLUGIN_DATA');
  });

  it('prefers BATON_DATA_DIR over everything', () => {
    const c = resolveConfig(
      { BATON_DATA_DIR: '/baton/data', CLAUDE_PLUGIN_DATA: '/plugin/data', XDG_STATE_HOME: '/xdg' },
      io(),
    );
    expect(c.dataDir).toBe('/baton/data');
    expect(c.dataDirSource).toBe('BATON_DATA_DIR');
  });

  it('treats empty values and unsubstituted ${...} placeholders as unset', () => {
    const c = resolveConfig({ BATON_DATA_DIR: '  ', CLAUDE_PLUGIN_DATA: '${CLAUDE_PLUGIN_DATA}' }, io());
    expect(c.dataDirSource).toBe('default');
  });

  it('takes the home dir from io', () => {
    const c = resolveConfig({}, { readFile: () => null, homedir: '/elsewhere' });
    expect(c.dataDir).toBe('/elsewhere/.local/state/baton');
  });
});

describe('resolveConfig: switches', () => {
  it('BATON_DISABLE=1 (or true) disables; 0 and unset do not', () => {
    expect(resolveConfig({ BATON_DISABLE: '1' }, io()).disabled).toBe(true);
    expect(resolveConfig({ BATON_DISABLE: 'true' }, io()).disabled).toBe(true);
    expect(resolveConfig({ BATON_DISABLE: '0' }, io()).disabled).toBe(false);
    expect(resolveConfig({}, io()).disabled).toBe(false);
  });

  it('autoSync and redact default to true, config file overrides the default, env overrides the file', () => {
    expect(resolveConfig({}, io())).toMatchObject({ autoSync: true, redact: true });
    const files = { [defaultConfigFile]: JSON.stringify({ autoSync: false, redact: false }) };
    expect(resolveConfig({}, io(files))).toMatchObject({ autoSync: false, redact: false });
    expect(resolveConfig({ BATON_AUTO_SYNC: '1', BATON_REDACT: 'yes' }, io(files))).toMatchObject({
      autoSync: true,
      redact: true,
    });
  });

  it('returns a frozen object', () => {
    const c = resolveConfig({}, io());
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.problems)).toBe(true);
  });
});

describe('resolveConfig: config file path', () => {
  it('defaults to ~/.config/baton/config.json, then $XDG_CONFIG_HOME, then BATON_CONFIG', () => {
    expect(resolveConfig({}, io()).configFile).toBe(defaultConfigFile);
    expect(resolveConfig({ XDG_CONFIG_HOME: '/xdg/config' }, io()).configFile).toBe(
      '/xdg/config/baton/config.json',
    );
    expect(
      resolveConfig({ XDG_CONFIG_HOME: '/xdg/config', BATON_CONFIG: '/etc/b.json' }, io()).configFile,
    ).toBe('/etc/b.json');
  });
});

describe('resolveConfig: tracker URL and API key precedence', () => {
  const configFile = {
    [defaultConfigFile]: JSON.stringify({ url: 'http://file.example:1/', apiKey: 'bt_file' }),
  };
  const settings = {
    [defaultSettings]: JSON.stringify({
      promptflow: { url: 'http://settings.example', apiKey: 'bt_settings' },
    }),
  };

  it('has no tracker when nothing is configured', () => {
    const c = resolveConfig({}, io());
    expect(c.trackerUrl).toBeUndefined();
    expect(c.apiKey).toBeUndefined();
    expect(c.apiKeySource).toBeUndefined();
  });

  it('CLAUDE_CODE_API_TOKEN supplies a key only', () => {
    const c = resolveConfig({ CLAUDE_CODE_API_TOKEN: 'tok' }, io());
    expect(c.apiKey).toBe('tok');
    expect(c.apiKeySource).toBe('claude-code-token');
    expect(c.trackerUrl).toBeUndefined();
  });

  it('promptflow in ~/.claude/settings.json beats CLAUDE_CODE_API_TOKEN', () => {
    const c = resolveConfig({ CLAUDE_CODE_API_TOKEN: 'tok' }, io(settings));
    expect(c).toMatchObject({
      trackerUrl: 'http://settings.example',
      trackerUrlSource: 'claude-settings',
      apiKey: 'bt_settings',
      apiKeySource: 'claude-settings',
    });
  });

  it('reads settings.json from CLAUDE_CONFIG_DIR when set', () => {
    const moved = {
      '/cc/settings.json': JSON.stringify({
        promptflow: { url: 'http://moved.example', apiKey: 'bt_moved' },
      }),
      ...settings,
    };
    const c = resolveConfig({ CLAUDE_CONFIG_DIR: '/cc' }, io(moved));
    expect(c.claudeConfigDir).toBe('/cc');
    expect(c.trackerUrl).toBe('http://moved.example');
    expect(c.apiKey).toBe('bt_moved');
  });

  it('the Baton config file beats settings.json (and settings.json is not even read then)', () => {
    const fs = io({ ...configFile, ...settings });
    const c = resolveConfig({ CLAUDE_CODE_API_TOKEN: 'tok' }, fs);
    expect(c).toMatchObject({
      trackerUrl: 'http://file.example:1',
      trackerUrlSource: 'config-file',
      apiKey: 'bt_file',
      apiKeySource: 'config-file',
    });
    expect(fs.reads).not.toContain(defaultSettings);
  });

  it('reads the config file at BATON_CONFIG', () => {
    const c = resolveConfig(
      { BATON_CONFIG: '/etc/b.json' },
      io({ '/etc/b.json': '{"url":"https://b.example"}' }),
    );
    expect(c.trackerUrl).toBe('https://b.example');
  });

  it('plugin options (CLAUDE_PLUGIN_OPTION_*) beat the config file', () => {
    const c = resolveConfig(
      {
        CLAUDE_PLUGIN_OPTION_TRACKER_URL: 'http://plugin.example',
        CLAUDE_PLUGIN_OPTION_API_KEY: 'bt_plugin',
      },
      io(configFile),
    );
    expect(c).toMatchObject({
      trackerUrl: 'http://plugin.example',
      trackerUrlSource: 'plugin-option',
      apiKey: 'bt_plugin',
      apiKeySource: 'plugin-option',
    });
  });

  it('BATON_URL / BATON_API_KEY beat everything', () => {
    const c = resolveConfig(
      {
        BATON_URL: 'http://env.example/base/',
        BATON_API_KEY: 'bt_env',
        CLAUDE_PLUGIN_OPTION_TRACKER_URL: 'http://plugin.example',
        CLAUDE_PLUGIN_OPTION_API_KEY: 'bt_plugin',
        CLAUDE_CODE_API_TOKEN: 'tok',
      },
      io({ ...configFile, ...settings }),
    );
    expect(c).toMatchObject({
      trackerUrl: 'http://env.example/base',
      trackerUrlSource: 'env',
      apiKey: 'bt_env',
      apiKeySource: 'env',
    });
  });

  it('resolves URL and key independently: each from the first source that sets it', () => {
    const c = resolveConfig({ BATON_URL: 'http://env.example' }, io(configFile));
    expect(c).toMatchObject({ trackerUrlSource: 'env', apiKey: 'bt_file', apiKeySource: 'config-file' });
  });

  it('empty plugin options (an unanswered userConfig) fall through to the next source', () => {
    const c = resolveConfig(
      { CLAUDE_PLUGIN_OPTION_TRACKER_URL: '', CLAUDE_PLUGIN_OPTION_API_KEY: '' },
      io(configFile),
    );
    expect(c.trackerUrlSource).toBe('config-file');
  });

  it('skips an unusable URL with a problem note, and a broken config file is a note, not a crash', () => {
    const c = resolveConfig(
      { BATON_URL: 'ftp://nope' },
      io({ [defaultConfigFile]: '{not json', ...settings }),
    );
    expect(c.trackerUrl).toBe('http://settings.example');
    expect(c.problems).toHaveLength(2);
    expect(c.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/tracker URL from env: not an http\(s\) URL/),
        expect.stringMatching(/config\.json: not a JSON object/),
      ]),
    );
  });

  it('ignores promptflow values of the wrong type', () => {
    const c = resolveConfig(
      {},
      io({ [defaultSettings]: JSON.stringify({ promptflow: { url: 42, apiKey: ['x'] } }) }),
    );
    expect(c.trackerUrl).toBeUndefined();
    expect(c.apiKey).toBeUndefined();
  });
});
