// Rules for Azure and Google Cloud credentials that have a recognisable shape (AWS lives in rules-vendor.ts).
import { hasDigit, looksRandom, regexRule, tag, type Rule } from './rule.js';

/**
 * `AccountKey=` (storage connection strings) and `SharedAccessKey=` (Service Bus, Event Hubs, IoT Hub): base64 up
 * to the next `;` or quote. `AccountName=` and the endpoint stay readable.
 */
export const azureStorageKey = regexRule({
  name: 'azure-storage-key',
  triggers: ['accountkey=', 'sharedaccesskey='],
  source: `(?:accountkey|sharedaccesskey)=([A-Za-z0-9+/]{20,128}={0,2})(?![A-Za-z0-9+/=])`,
  flags: 'i',
  group: 1,
  accept: hasDigit,
});

/**
 * The signature of a shared access signature (`...&sig=<url-encoded base64>`), in a SAS URL or after
 * `SharedAccessSignature=`. Only the signature is secret; permissions and expiry stay readable.
 */
export const azureSasSignature = regexRule({
  name: 'azure-sas',
  triggers: ['sig='],
  source: `(?<=[?&;])sig=([A-Za-z0-9%+/=_-]{16,256})(?![A-Za-z0-9%+/=_-])`,
  flags: 'i',
  group: 1,
  accept: (s) => looksRandom(s),
});

/**
 * Azure AD (Entra) client secrets: three characters, a digit, `Q~`, then 31-34 more. The trigger is the digit and
 * `Q~`; the three characters before it belong to the secret, so the hit starts before the trigger.
 */
const AZURE_SECRET_TAIL = /[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/y;
const AZURE_SECRET_HEAD = /(?:^|[^A-Za-z0-9_~.])([A-Za-z0-9_~.]{3})$/;
export const azureClientSecret: Rule = {
  name: 'azure-client-secret',
  triggers: [...'0123456789'].map((d) => `${d}q~`),
  match(text, at) {
    AZURE_SECRET_TAIL.lastIndex = at;
    if (!AZURE_SECRET_TAIL.test(text)) return null;
    if (!AZURE_SECRET_HEAD.test(text.slice(Math.max(0, at - 4), at))) return null;
    return { start: at - 3, end: AZURE_SECRET_TAIL.lastIndex, replacement: tag('azure-client-secret') };
  },
};

/** Google OAuth client secrets (`GOCSPX-` and 28 characters). API keys (`AIza…`) are in rules-vendor.ts. */
export const googleOauthSecret = regexRule({
  name: 'google-oauth-secret',
  triggers: ['GOCSPX-'],
  source: `(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{24,40}(?![A-Za-z0-9_-])`,
});

export const cloudRules: readonly Rule[] = [
  azureStorageKey,
  azureSasSignature,
  azureClientSecret,
  googleOauthSecret,
];
