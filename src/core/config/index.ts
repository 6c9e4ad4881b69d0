// Public surface of Baton's config resolution.
export { envFlag, envValue, type Env } from './env-values.js';
export { homedirFrom, isDisabled, resolveDataDir, type DataDirSource } from './data-dir.js';
export {
  claudeConfigDir,
  configFilePath,
  defaultConfigIo,
  normalizeTrackerUrl,
  readConfigFile,
  resolveConfig,
  type BatonConfig,
  type ConfigFile,
  type ConfigIo,
  type CredentialSource,
} from './resolve-config.js';
export { writeConfigFile } from './write-config-file.js';
