// Resolves Baton's whole configuration (data dir, tracker URL/key, switches) from an env object and a tiny fs reader.
import { homedir as osHomedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { homedirFrom, isDisabled, resolveDataDir, type DataDirSource } from './data-dir.js';
import { envFlag, envValue, type Env } from './env-values.js';

/** Where a tracker URL or API key came from, highest precedence first. */
export type CredentialSource =
  'env' | 'plugin-option' | 'config-file' | 'claude-settings' | 'claude-code-token';

export interface ConfigIo {
  /** The file's text, or null when it does not exist or cannot be read. */
  readFile(path: string): string | null;
  homedir: string;
}

export interface BatonConfig {
  readonly disabled: boolean;
  readonly dataDir: string;
  readonly dataDirSource: DataDirSource;
  /** The Baton config file (`BATON_CONFIG` > `$XDG_CONFIG_HOME/baton/config.json` > `~/.config/baton/config.json`). */
  readonly configFile: string;
  /** Claude Code's config dir (`CLAUDE_CONFIG_DIR` or `~/.claude`): transcripts and settings.json live there. */
  readonly claudeConfigDir: string;
  /** Tracker base URL without trailing slashes. */
  readonly trackerUrl?: string;
  readonly trackerUrlSource?: CredentialSource;
  readonly apiKey?: string;
  readonly apiKeySource?: CredentialSource;
  /** Push sessions to the tracker in the background (BATON_AUTO_SYNC > config file `autoSync` > true). */
  readonly autoSync: boolean;
  /** Redact secrets before anything leaves the machine (BATON_REDACT > config file `redact` > true). */
  readonly redact: boolean;
  /** Send the API key over plain http:// to non-loopback hosts (BATON_ALLOW_INSECURE > config file > false). */
  readonly allowInsecure: boolean;
  /** Projects never auto-synced: absolute dirs (or names) from the config file's `syncIgnore` list. */
  readonly syncIgnore: readonly string[];
  /** Human-readable notes about sources that were present but unusable (bad JSON, bad URL); never fatal. */
  readonly problems: readonly string[];
}

/** The Baton config file as written by `npm start` / `baton login`. Unknown keys are kept by writeConfigFile. */
export interface ConfigFile {
  url?: string;
  apiKey?: string;
  autoSync?: boolean;
  redact?: boolean;
  allowInsecure?: boolean;
  syncIgnore?: string[];
}

export const defaultConfigIo = (env: Env = process.env): ConfigIo => ({
  readFile: (path) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  },
  homedir: homedirFrom(env, osHomedir),
});

/** Path of the Baton config file for this env. */
export function configFilePath(env: Env, homedir: string): string {
  const explicit = envValue(env, 'BATON_CONFIG');
  if (explicit) return resolve(explicit);
  const xdg = envValue(env, 'XDG_CONFIG_HOME');
  const base = xdg && isAbsolute(xdg) ? xdg : join(homedir, '.config');
  return join(base, 'baton', 'config.json');
}

/** Claude Code's config dir: CLAUDE_CONFIG_DIR or ~/.claude. */
export function claudeConfigDir(env: Env, homedir: string): string {
  const explicit = envValue(env, 'CLAUDE_CONFIG_DIR');
  return explicit ? resolve(explicit) : join(homedir, '.claude');
}

type Candidate = { url?: string; apiKey?: string; source: CredentialSource };

/**
 * Tracker URL and key are each taken from the first source that sets them:
 * BATON_URL/BATON_API_KEY > CLAUDE_PLUGIN_OPTION_TRACKER_URL/_API_KEY > config file > `promptflow` in
 * Claude Code's settings.json > CLAUDE_CODE_API_TOKEN (key only). BATON_DISABLE=1 turns everything off.
 */
export function resolveConfig(env: Env, io: ConfigIo = defaultConfigIo(env)): BatonConfig {
  const problems: string[] = [];
  const { dataDir, source: dataDirSource } = resolveDataDir(env, io.homedir);
  const configFile = configFilePath(env, io.homedir);
  const claudeDir = claudeConfigDir(env, io.homedir);
  const file = readConfigFile(io, configFile, problems);

  // settings.json is only read when nothing earlier supplied both values: it is the biggest file we might touch.
  const candidates: Candidate[] = [
    { url: envValue(env, 'BATON_URL'), apiKey: envValue(env, 'BATON_API_KEY'), source: 'env' },
    {
      url: envValue(env, 'CLAUDE_PLUGIN_OPTION_TRACKER_URL'),
      apiKey: envValue(env, 'CLAUDE_PLUGIN_OPTION_API_KEY'),
      source: 'plugin-option',
    },
    { url: nonBlank(file.url), apiKey: nonBlank(file.apiKey), source: 'config-file' },
  ];
  let url = pickUrl(candidates, problems);
  let key = pickKey(candidates);
  if (!url || !key) {
    const settings = readPromptflowSettings(io, join(claudeDir, 'settings.json'), problems);
    const late: Candidate[] = [
      { ...settings, source: 'claude-settings' },
      { apiKey: envValue(env, 'CLAUDE_CODE_API_TOKEN'), source: 'claude-code-token' },
    ];
    url ??= pickUrl(late, problems);
    key ??= pickKey(late);
  }

  const config: BatonConfig = {
    disabled: isDisabled(env),
    dataDir,
    dataDirSource,
    configFile,
    claudeConfigDir: claudeDir,
    ...(url ? { trackerUrl: url.value, trackerUrlSource: url.source } : {}),
    ...(key ? { apiKey: key.value, apiKeySource: key.source } : {}),
    autoSync: envFlag(env, 'BATON_AUTO_SYNC') ?? file.autoSync ?? true,
    redact: envFlag(env, 'BATON_REDACT') ?? file.redact ?? true,
    allowInsecure: envFlag(env, 'BATON_ALLOW_INSECURE') ?? file.allowInsecure ?? false,
    syncIgnore: Object.freeze(file.syncIgnore ?? []),
    problems: Object.freeze(problems),
  };
  return Object.freeze(config);
}

type Picked = { value: string; source: CredentialSource };

function pickUrl(candidates: Candidate[], problems: string[]): Picked | undefined {
  for (const c of candidates) {
    if (!c.url) continue;
    const url = normalizeTrackerUrl(c.url);
    if (url) return { value: url, source: c.source };
    problems.push(`ignored tracker URL from ${c.source}: not an http(s) URL`);
  }
  return undefined;
}

function pickKey(candidates: Candidate[]): Picked | undefined {
  for (const c of candidates) if (c.apiKey) return { value: c.apiKey, source: c.source };
  return undefined;
}

/** `http(s)://host[:port][/base]` without trailing slashes, or null when the value is not such a URL. */
export function normalizeTrackerUrl(raw: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.search || parsed.hash) return null;
  return parsed.href.replace(/\/+$/, '');
}

function nonBlank(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

function readJsonObject(io: ConfigIo, path: string, problems: string[]): Record<string, unknown> | null {
  const text = io.readFile(path);
  if (text === null || text.trim() === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through: reported below
  }
  problems.push(`ignored ${path}: not a JSON object`);
  return null;
}

/** Hand-written validation (not zod): this module is bundled into the hook, where start-up time is the budget. */
export function readConfigFile(io: ConfigIo, path: string, problems: string[] = []): ConfigFile {
  const raw = readJsonObject(io, path, problems);
  if (!raw) return {};
  const out: ConfigFile = {};
  const url = nonBlank(raw.url);
  const apiKey = nonBlank(raw.apiKey);
  if (url) out.url = url;
  if (apiKey) out.apiKey = apiKey;
  if (typeof raw.autoSync === 'boolean') out.autoSync = raw.autoSync;
  if (typeof raw.redact === 'boolean') out.redact = raw.redact;
  if (typeof raw.allowInsecure === 'boolean') out.allowInsecure = raw.allowInsecure;
  if (Array.isArray(raw.syncIgnore))
    out.syncIgnore = raw.syncIgnore.filter((v): v is string => typeof v === 'string' && v !== '');
  return out;
}

function readPromptflowSettings(
  io: ConfigIo,
  path: string,
  problems: string[],
): { url?: string; apiKey?: string } {
  const settings = readJsonObject(io, path, problems);
  const pf = settings?.promptflow;
  if (!pf || typeof pf !== 'object' || Array.isArray(pf)) return {};
  const { url, apiKey } = pf as Record<string, unknown>;
  return { url: nonBlank(url), apiKey: nonBlank(apiKey) };
}
