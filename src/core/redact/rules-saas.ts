// Rules for SaaS and infrastructure tokens with a fixed prefix: Hugging Face, SendGrid, Mailgun, Shopify, PyPI,
// DigitalOcean, HashiCorp Vault, Discord webhooks, Telegram bots. Formats follow the vendors' docs and gitleaks.
import { hasDigit, looksRandom, regexRule, tag, type Rule } from './rule.js';

const NOT_AFTER_WORD = '(?<![A-Za-z0-9_])';
const NOT_AFTER_WORD_OR_DASH = '(?<![A-Za-z0-9_-])';
/** Token characters that may not continue past the end of a match (a longer run is something else). */
const END = (chars: string): string => `(?![${chars}])`;

/** `hf_` user tokens (34 letters, newer ones digits too) and `api_org_` organisation tokens. */
export const huggingfaceToken = regexRule({
  name: 'huggingface-token',
  triggers: ['hf_', 'api_org_'],
  source: `${NOT_AFTER_WORD}(?:hf|api_org)_[A-Za-z0-9]{30,40}${END('A-Za-z0-9_')}`,
  // `hf_xxxxxxxx…` placeholders and snake_case names (`hf_hub_download`) are not mixed-case runs.
  accept: (s) => looksRandom(s.slice(s.indexOf('_') + 1)) && !/(.)\1{5}/.test(s),
});

/** `SG.<22>.<43>`: two base64url parts. `msg.content` and other `sg.` words fail the lookbehind or the lengths. */
export const sendgridKey = regexRule({
  name: 'sendgrid-key',
  triggers: ['SG.'],
  source: `${NOT_AFTER_WORD_OR_DASH}SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{30,60}${END('A-Za-z0-9_-')}`,
  accept: hasDigit,
});

/** Mailgun private API keys: `key-` and 32 characters of lower-case hex or base36. */
export const mailgunKey = regexRule({
  name: 'mailgun-key',
  triggers: ['key-'],
  source: `${NOT_AFTER_WORD_OR_DASH}key-[a-z0-9]{32}${END('A-Za-z0-9_-')}`,
  accept: (s) => hasDigit(s) && /[a-z]/.test(s.slice(4)),
});

/** Shopify admin, custom-app, private-app access tokens and shared secrets: prefix and 32 hex. */
export const shopifyToken = regexRule({
  name: 'shopify-token',
  triggers: ['shpat_', 'shpss_', 'shpca_', 'shppa_'],
  source: `${NOT_AFTER_WORD}shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}${END('A-Za-z0-9_')}`,
});

/** PyPI upload tokens are macaroons; their base64 always opens with the `pypi.org` location. */
export const pypiToken = regexRule({
  name: 'pypi-token',
  triggers: ['pypi-AgEIcHlwaS5vcmc'],
  source: `pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}`,
});

/** DigitalOcean personal, OAuth and refresh tokens: `do[por]_v1_` and 64 hex. */
export const digitaloceanToken = regexRule({
  name: 'digitalocean-token',
  triggers: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
  source: `${NOT_AFTER_WORD}do[por]_v1_[a-f0-9]{64}${END('A-Za-z0-9_')}`,
});

/**
 * Vault service (`hvs.`), batch (`hvb.`) and recovery (`hvr.`) tokens. Legacy `s.<24>` tokens have no prefix worth
 * a trigger (`s.` is everywhere); they are caught next to `VAULT_TOKEN=` and other keywords.
 */
export const vaultToken = regexRule({
  name: 'vault-token',
  triggers: ['hvs.', 'hvb.', 'hvr.'],
  source: `${NOT_AFTER_WORD}hv[sbr]\\.[A-Za-z0-9_-]{24,400}${END('A-Za-z0-9_-')}`,
  accept: (s) => looksRandom(s.slice(4)),
});

/**
 * `discord.com/api/webhooks/<id>/<token>`: the id stays readable, the token goes. The trigger is the path (`i/` is a
 * rare pair for the skip scan, `sc` of `discord` is not); the host is checked behind it.
 */
const DISCORD_HOST = /discord(?:app)?\.com\/$/i;
const DISCORD_PATH = /api\/webhooks\/[0-9]{5,30}\/([A-Za-z0-9_-]{20,100})(?![A-Za-z0-9_-])/dy;
export const discordWebhook: Rule = {
  name: 'discord-webhook',
  triggers: ['api/webhooks/'],
  match(text, at) {
    if (!DISCORD_HOST.test(text.slice(Math.max(0, at - 16), at))) return null;
    DISCORD_PATH.lastIndex = at;
    const m = DISCORD_PATH.exec(text);
    if (m === null) return null;
    const [start] = m.indices![1]!;
    return { end: DISCORD_PATH.lastIndex, replacement: text.slice(at, start) + tag('discord-webhook') };
  },
};

/**
 * Telegram bot tokens, `<bot id>:AA<31-34 more>` (35 characters after the colon in practice, 34 in the docs). The trigger is the last digit of the id and `:AA`, so the id is
 * found by looking back; four-character triggers keep the skip scan fast where `:A` would not.
 */
/** The bot id: digits on their own, or after `bot` in a Bot API URL (`api.telegram.org/bot<token>/getMe`). */
const TELEGRAM = /(?:(?<![A-Za-z0-9_:-])|(?<=[^A-Za-z0-9_-]bot))[0-9]{5,16}$/;
const TELEGRAM_SECRET = /:AA[A-Za-z0-9_-]{31,34}(?![A-Za-z0-9_-])/y;
export const telegramBotToken: Rule = {
  name: 'telegram-bot-token',
  triggers: [...'0123456789'].map((d) => `${d}:AA`),
  match(text, at) {
    TELEGRAM_SECRET.lastIndex = at + 1;
    if (!TELEGRAM_SECRET.test(text)) return null;
    const id = TELEGRAM.exec(text.slice(Math.max(0, at - 20), at + 1));
    if (id === null) return null;
    return {
      start: at + 1 - id[0].length,
      end: TELEGRAM_SECRET.lastIndex,
      replacement: tag('telegram-bot-token'),
    };
  },
};

export const saasRules: readonly Rule[] = [
  huggingfaceToken,
  sendgridKey,
  mailgunKey,
  shopifyToken,
  pypiToken,
  digitaloceanToken,
  vaultToken,
  discordWebhook,
  telegramBotToken,
];
