import { createRequire as __bt_createRequire } from 'node:module'; const require = __bt_createRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// src/core/errors.ts
function isBatonError(value) {
  return value instanceof BatonError;
}
var BatonError;
var init_errors = __esm({
  "src/core/errors.ts"() {
    "use strict";
    BatonError = class _BatonError extends Error {
      code;
      details;
      reason;
      constructor(code2, message, options) {
        super(message, options?.cause === void 0 ? void 0 : { cause: options.cause });
        this.name = "BatonError";
        this.code = code2;
        this.details = options?.details;
        if (options?.reason !== void 0) this.reason = options.reason;
      }
      /** A refusal with a stable reason and the details that reason promises (typed by src/core/api ReasonedError). */
      static refusal(code2, message, r) {
        return new _BatonError(code2, message, { reason: r.reason, details: r.details });
      }
    };
  }
});

// src/core/redact/trigger-finder.ts
function createTriggerFinder(literals) {
  if (literals.length === 0 || literals.some((l3) => l3.length < 2 || /[^\x01-\x7f]/.test(l3))) return null;
  const lower = literals.map((l3) => l3.toLowerCase());
  const fold = new Uint8Array(65536);
  for (let c = 1; c < ASCII; c++) fold[c] = c >= 65 && c <= 90 ? c + 32 : c;
  const maxNodes = 1 + lower.reduce((n, l3) => n + l3.length, 0);
  const next = new Int32Array(maxNodes * ASCII);
  const term = new Int32Array(maxNodes).fill(-1);
  let nodes = 1;
  lower.forEach((lit, index) => {
    let node = 0;
    for (let k = 0; k < lit.length; k++) {
      const slot = node * ASCII + lit.charCodeAt(k);
      if (next[slot] === 0) next[slot] = nodes++;
      node = next[slot];
    }
    term[node] = index;
  });
  const shortest = Math.min(...lower.map((l3) => l3.length));
  const m = shortest >= MAX_WINDOW ? MAX_WINDOW : shortest + 1;
  const folded = new Uint8Array(ASCII * ASCII).fill(m - 1);
  const lower1 = (pair, to) => {
    if (to < folded[pair]) folded[pair] = to;
  };
  for (const lit of lower) {
    for (let q2 = 1; q2 < m; q2++) {
      if (q2 < lit.length) lower1(lit.charCodeAt(q2 - 1) << 7 | lit.charCodeAt(q2), m - 1 - q2);
      else for (let c = 0; c < ASCII; c++) lower1(lit.charCodeAt(q2 - 1) << 7 | c, m - 1 - q2);
    }
  }
  const shift = new Uint8Array(256 * 256).fill(m - 1);
  const rawBytes = (f) => {
    if (f === 0) return [0, ...Array.from({ length: 256 - ASCII }, (_2, i) => ASCII + i)];
    return f >= 97 && f <= 122 ? [f, f - 32] : [f];
  };
  for (let pair = 0; pair < folded.length; pair++) {
    const to = folded[pair];
    if (to === m - 1) continue;
    for (const a of rawBytes(pair >> 7)) for (const b of rawBytes(pair & 127)) shift[a << 8 | b] = to;
  }
  const verify = (s, i, n) => {
    let node = 0;
    let found = -1;
    for (let j = i; j < n; j++) {
      node = next[node * ASCII + fold[s.charCodeAt(j)]];
      if (node === 0) break;
      const t = term[node];
      if (t >= 0) found = t;
    }
    return found;
  };
  return (s, from) => {
    const n = s.length;
    let end = from + m - 1;
    while (end < n) {
      const sh = shift[(s.charCodeAt(end - 1) & 255) << 8 | s.charCodeAt(end) & 255];
      if (sh !== 0) {
        end += sh;
        continue;
      }
      const start = end - m + 1;
      const found = verify(s, start, n);
      if (found >= 0) return { at: start, literal: found };
      end++;
    }
    for (let start = Math.max(from, end - m + 1); start <= n - shortest; start++) {
      const found = verify(s, start, n);
      if (found >= 0) return { at: start, literal: found };
    }
    return null;
  };
}
var ASCII, MAX_WINDOW;
var init_trigger_finder = __esm({
  "src/core/redact/trigger-finder.ts"() {
    "use strict";
    ASCII = 128;
    MAX_WINDOW = 8;
  }
});

// src/core/redact/engine.ts
function trieSource(literals) {
  const root = { end: false, next: /* @__PURE__ */ new Map() };
  for (const lit of literals) {
    let node = root;
    for (const c of lit.toLowerCase()) {
      let child = node.next.get(c);
      if (!child) node.next.set(c, child = { end: false, next: /* @__PURE__ */ new Map() });
      node = child;
    }
    node.end = true;
  }
  const emit = (node) => {
    const branches = [...node.next].map(([c, child]) => escapeChar(c) + emit(child));
    if (branches.length === 0) return "";
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join("|")})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}
function compileRules(rules) {
  const literals = [...new Set(rules.flatMap((r) => r.triggers.map((t) => t.toLowerCase())))];
  for (const a of literals) {
    for (const b of literals) {
      if (a !== b && b.includes(a) && !b.startsWith(a)) {
        throw new BatonError("internal", `redaction trigger "${a}" occurs inside "${b}"`);
      }
    }
  }
  const dispatch = /* @__PURE__ */ new Map();
  for (const lit of literals) {
    dispatch.set(
      lit,
      rules.filter((r) => r.triggers.some((t) => lit.startsWith(t.toLowerCase())))
    );
  }
  const trigger = new RegExp(trieSource(literals), "gi");
  const rulesOf = literals.map((lit) => dispatch.get(lit));
  const finder = createTriggerFinder(literals);
  const find = finder ?? ((s, from) => {
    trigger.lastIndex = from;
    const m = trigger.exec(s);
    return m === null ? null : { at: m.index, literal: literals.indexOf(m[0].toLowerCase()) };
  });
  function scan(s, onHit, nested) {
    let m = find(s, 0);
    if (m === null) return s;
    let out = "";
    let copied = 0;
    while (m !== null) {
      const at2 = m.at;
      let next = at2 + 1;
      for (const rule2 of rulesOf[m.literal]) {
        const hit = rule2.match(s, at2, nested);
        if (hit === null || hit.end <= at2) continue;
        const from = hit.start === void 0 ? at2 : hit.start;
        if (from < copied || from > at2) continue;
        out += s.slice(copied, from) + hit.replacement;
        copied = next = hit.end;
        if (hit.counted) for (const name of hit.counted) onHit(name);
        else onHit(rule2.name);
        break;
      }
      m = find(s, next);
    }
    return copied === 0 ? s : out + s.slice(copied);
  }
  return { scan, trigger };
}
var escapeChar;
var init_engine = __esm({
  "src/core/redact/engine.ts"() {
    "use strict";
    init_errors();
    init_trigger_finder();
    escapeChar = (c) => /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
  }
});

// src/core/redact/rule.ts
function regexRule(spec) {
  const re = new RegExp(spec.source, `y${spec.flags ?? ""}${spec.group ? "d" : ""}`);
  const group = spec.group ?? 0;
  const replacement = tag(spec.name);
  return {
    name: spec.name,
    triggers: spec.triggers,
    match(text, at2, nested) {
      re.lastIndex = at2;
      const m = re.exec(text);
      if (!m) return null;
      const secret = m[group];
      if (secret === void 0 || secret.length === 0) return null;
      if (spec.accept && !spec.accept(secret, m)) return null;
      if (group === 0) return { end: at2 + m[0].length, replacement };
      const [start, stop] = m.indices[group];
      const end = at2 + m[0].length;
      if (spec.preferNested) {
        const inner = nested(secret);
        if (inner.hits.length > 0) {
          return {
            end,
            replacement: text.slice(at2, start) + inner.text + text.slice(stop, end),
            counted: inner.hits
          };
        }
      }
      return { end, replacement: text.slice(at2, start) + replacement + text.slice(stop, end) };
    }
  };
}
function looksRandom(s) {
  return (DIGIT.test(s) ? 1 : 0) + (LOWER.test(s) ? 1 : 0) + (UPPER.test(s) ? 1 : 0) >= 2;
}
function isPlaceholder(v2) {
  return PLACEHOLDER.test(v2) || PLACEHOLDER_WORDS.has(v2.toLowerCase()) || v2.includes("${") || v2.includes("{{") || ELIDED.test(v2);
}
var tag, DIGIT, LOWER, UPPER, hasDigit, PLACEHOLDER, PLACEHOLDER_WORDS, ELIDED;
var init_rule = __esm({
  "src/core/redact/rule.ts"() {
    "use strict";
    tag = (rule2) => `[REDACTED:${rule2}]`;
    DIGIT = /[0-9]/;
    LOWER = /[a-z]/;
    UPPER = /[A-Z]/;
    hasDigit = (s) => DIGIT.test(s);
    PLACEHOLDER = /^(?:\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|\{\{.*\}\}|<[^<>]*>|%[A-Za-z_]*%|%s|\[REDACTED:[a-z-]+\]|(.)\1{2,}|\.\.\.|…)$/s;
    PLACEHOLDER_WORDS = /* @__PURE__ */ new Set([
      "password",
      "pass",
      "passwd",
      "secret",
      "changeme",
      "yourpassword",
      "your-password"
    ]);
    ELIDED = /(?:\.\.\.|…)$|[xX*]{6}/;
  }
});

// src/core/redact/rules-assignment.ts
function keyKindOf(key, keyword) {
  if (!STRONG_KEYWORD.test(keyword)) return "weak";
  if (!HAS_LOWER.test(key.slice(key.lastIndexOf(".") + 1))) return "env";
  const k = keyword.toLowerCase();
  return k.startsWith("pass") || k === "pwd" ? "password" : "token";
}
function isValueCandidate(v2) {
  return v2.length > 0 && v2.length <= MAX_VALUE && ALNUM.test(v2) && !isPlaceholder(v2) && !CODE_WORDS.has(v2.toLowerCase()) && !VERSION.test(v2);
}
function isQuotedSecret(v2, kind) {
  if (!isValueCandidate(v2)) return false;
  if (kind === "weak") return isWeakSecret(v2);
  if (kind === "token") return isRandomToken(v2);
  return kind === "env" || v2.length >= 3;
}
function isUnquotedSecret(v2, terminator, kind, codeLike) {
  if (v2.length < 3 || terminator === "(" || terminator === "[" || !isValueCandidate(v2)) return false;
  const reference = MEMBER_ACCESS.test(v2) && !(kind === "env" && !codeLike && hasDigit(v2));
  if (reference || NUMBER.test(v2) || v2.startsWith("$") || v2.startsWith("%") || v2.includes("=>")) {
    return false;
  }
  if (kind === "weak") return isWeakSecret(v2);
  if (kind === "env") return !(codeLike && PASCAL_CASE.test(v2));
  if (kind === "token" && !isRandomToken(v2)) return false;
  if (!codeLike) return true;
  return !LETTERS_ONLY.test(v2) && !v2.startsWith("!") && !KEYWORD_INSIDE.test(v2);
}
function readQuoted(text, p) {
  const c = text[p];
  const escaped = c === "\\" && (text[p + 1] === '"' || text[p + 1] === "'");
  const re = escaped ? ESCAPED_QUOTED[text[p + 1]] : c === void 0 ? void 0 : QUOTED[c];
  if (re === void 0) return null;
  const start = p + (escaped ? 2 : 1);
  re.lastIndex = start;
  if (!re.test(text)) return null;
  return { start, end: re.lastIndex - (escaped ? 2 : 1), after: re.lastIndex };
}
function keyStart(text, at2) {
  let i = at2;
  while (i > 0 && at2 - i < 64 && KEY_CHAR.test(text[i - 1])) i--;
  return i;
}
function keywordStart(text, at2) {
  const c = text[at2];
  if (c !== "_" && c !== "-") return at2;
  const prefix = KEY_PREFIX.exec(text.slice(Math.max(0, at2 - 10), at2));
  return prefix === null ? null : at2 - prefix[0].length;
}
function replaceValue(value, nested) {
  const inner = nested(value);
  return inner.hits.length > 0 ? { text: inner.text, counted: inner.hits } : { text: tag(ASSIGNMENT_RULE) };
}
function redactSecretProperty(key, value, nested) {
  const keyword = KEYWORD_INSIDE.exec(key)?.[1] ?? key;
  if (isWorkingDirectory(keyword, value) || !isQuotedSecret(value, keyKindOf(key, keyword))) return null;
  const r = replaceValue(value, nested);
  return { text: r.text, counted: r.counted ?? [ASSIGNMENT_RULE] };
}
var ASSIGNMENT_RULE, KEYWORD, STRONG_KEYWORD, KEY, SECRET_KEY, KEYWORD_INSIDE, isSecretKey, MAX_VALUE, MAX_UNQUOTED, UNQUOTED_RUN, QUOTED, ESCAPED_QUOTED, CODE_WORDS, MEMBER_ACCESS, LETTERS_ONLY, ALNUM, WHITESPACE, HAS_LOWER, LETTER, PASCAL_CASE, NUMBER, VERSION, KEY_CHAR, isWeakSecret, isRandomToken, isWorkingDirectory, KEY_PREFIX, secretAssignment;
var init_rules_assignment = __esm({
  "src/core/redact/rules-assignment.ts"() {
    "use strict";
    init_rule();
    ASSIGNMENT_RULE = "secret-assignment";
    KEYWORD = "(pass(?:word|wd|phrase)|pwd|secret|token|api[_-]?key|auth(?:[_-]?token)?|credentials?|sid|private[_-]?key(?:[_-]?id)?|(?:access|app|account|master|encryption|signing)[_-]?key)(?:[_-]?(?:access[_-]?)?key)?(?:[_-]?(?:base|b64|base64|value))?";
    STRONG_KEYWORD = /pass|pwd|secret|token|api/i;
    KEY = new RegExp(`${KEYWORD}\\??(\\\\?["'\`])?([ \\t]{0,4})(:=|=(?![=>~])|:(?![:/]))[ \\t]{0,4}`, "iy");
    SECRET_KEY = new RegExp(`${KEYWORD}$`, "i");
    KEYWORD_INSIDE = new RegExp(KEYWORD, "i");
    isSecretKey = (key) => key.length <= 128 && SECRET_KEY.test(key);
    MAX_VALUE = 4096;
    MAX_UNQUOTED = 1024;
    UNQUOTED_RUN = new RegExp(`[^\\s"'\`,;&|(){}[\\]<>]{0,${MAX_UNQUOTED + 1}}`, "y");
    QUOTED = {};
    ESCAPED_QUOTED = {};
    for (const q2 of ['"', "'", "`"]) {
      QUOTED[q2] = new RegExp(`(?:[^${q2}\\\\\\n]|\\\\[^\\n]){0,${MAX_VALUE}}${q2}`, "y");
      ESCAPED_QUOTED[q2] = new RegExp(`(?:[^\\\\\\n]|\\\\[^${q2}\\n]){0,${MAX_VALUE}}\\\\${q2}`, "y");
    }
    CODE_WORDS = /* @__PURE__ */ new Set([
      "null",
      "undefined",
      "true",
      "false",
      "none",
      "nil",
      "this",
      "self",
      "new",
      "await",
      "function",
      "return",
      "typeof",
      "void",
      "string",
      "number",
      "boolean",
      "bool",
      "any",
      "unknown",
      "never",
      "object",
      "str",
      "int",
      "bytes",
      "optional",
      "required",
      "empty",
      "redacted",
      "secret",
      "password",
      "token"
    ]);
    MEMBER_ACCESS = /^[A-Za-z_$][\w$]*(?:(?:\.|\?\.|::|->)[A-Za-z_$][\w$]*)+$/;
    LETTERS_ONLY = /^[A-Za-z_$]+$/;
    ALNUM = /[A-Za-z0-9]/;
    WHITESPACE = /\s/;
    HAS_LOWER = /[a-z]/;
    LETTER = /[A-Za-z]/;
    PASCAL_CASE = /^[A-Z][a-z]+[A-Za-z]*$/;
    NUMBER = /^(?:\d{1,5}|0x[0-9a-fA-F]{1,8})$/;
    VERSION = /^[~^<>=v]{0,3}\d{1,6}(?:\.\d{1,6}){1,3}(?:[-+][\w.-]{1,40})?$/;
    KEY_CHAR = /[A-Za-z0-9_.-]/;
    isWeakSecret = (v2) => v2.length >= 16 && // `SOCKS5_NO_ACCEPTABLE_AUTH = SOCKS5_NO_ACCEPTABLE_AUTH`: an identifier that names the same thing.
    !KEYWORD_INSIDE.test(v2) && isRandomToken(v2) && (v2.match(/[A-Za-z]/g)?.length ?? 0) >= 4 && !/^[./~]/.test(v2) && !v2.includes("://");
    isRandomToken = (v2) => v2.length >= 8 && hasDigit(v2) && LETTER.test(v2) && !WHITESPACE.test(v2);
    isWorkingDirectory = (keyword, v2) => keyword.toLowerCase() === "pwd" && /^(?:[/~]|[A-Za-z]:[\\/])/.test(v2);
    KEY_PREFIX = /(?:api|app|access|account|master|encryption|signing|private|secret)$/i;
    secretAssignment = {
      name: ASSIGNMENT_RULE,
      triggers: [
        ...["password", "passwd", "passphrase", "secret", "token", "auth", "credential"],
        ...["_key", "-key", "apikey", "appkey", "privatekey"],
        // Three-letter keywords ending in a common letter would stall the skip scan; with the separator they are four.
        ...["pwd", "sid"].flatMap((k) => ["=", ":", '"', "'", " ", "\\"].map((sep) => k + sep))
      ],
      match(text, trigger, nested) {
        const at2 = keywordStart(text, trigger);
        if (at2 === null) return null;
        KEY.lastIndex = at2;
        const m = KEY.exec(text);
        if (!m) return null;
        const keyword = m[1];
        const keyQuote = m[2];
        const spaceBefore = m[3];
        const separator = m[4];
        const p = KEY.lastIndex;
        const kind = keyKindOf(text.slice(keyStart(text, at2), at2 + keyword.length), keyword);
        const quoted = readQuoted(text, p);
        let start = p;
        let end;
        let after;
        if (quoted) {
          ({ start, end, after } = quoted);
        } else {
          if (separator === ":" && spaceBefore !== "") return null;
          UNQUOTED_RUN.lastIndex = p;
          UNQUOTED_RUN.test(text);
          end = after = UNQUOTED_RUN.lastIndex;
        }
        if (end === start || end - start > (quoted ? MAX_VALUE : MAX_UNQUOTED)) return null;
        const value = text.slice(start, end);
        if (isWorkingDirectory(keyword, value)) return null;
        const codeLike = separator !== "=" || spaceBefore !== "" || keyQuote !== void 0;
        const ok = quoted ? isQuotedSecret(value, kind) : isUnquotedSecret(value, text[end], kind, codeLike);
        if (!ok) return null;
        const r = replaceValue(value, nested);
        const hit = {
          start: at2,
          end: after,
          replacement: text.slice(at2, start) + r.text + text.slice(end, after)
        };
        return r.counted ? { ...hit, counted: r.counted } : hit;
      }
    };
  }
});

// src/core/redact/rules-cli.ts
function argOf(m) {
  for (const group of [1, 2, 3]) if (m[group] !== void 0) return { value: m[group], group };
  return null;
}
function commandEnd(text, at2) {
  const limit = Math.min(text.length, at2 + MAX_COMMAND);
  let p = at2;
  for (; ; ) {
    const nl = text.indexOf("\n", p);
    if (nl < 0 || nl >= limit) return limit;
    if (text[nl - 1] !== "\\" && !(text[nl - 1] === "\r" && text[nl - 2] === "\\")) return nl;
    p = nl + 1;
  }
}
function commandFlagRule(spec) {
  const command = new RegExp(`(?:${spec.commands.join("|")})(?![A-Za-z0-9_-])`, "iy");
  const flag = new RegExp(`(?<=\\s)${spec.flag}${ARG}`, "gd");
  return {
    name: "cli-password",
    triggers: spec.commands,
    match(text, at2, nested) {
      command.lastIndex = at2;
      if (!command.test(text) || /[A-Za-z0-9_-]/.test(text[at2 - 1] ?? "")) return null;
      const line = text.slice(at2, commandEnd(text, at2));
      flag.lastIndex = 0;
      for (let m = flag.exec(line); m !== null; m = flag.exec(line)) {
        const arg = argOf(m);
        if (arg === null || !spec.accept(arg.value) || isPlaceholder(arg.value)) continue;
        const [start, stop] = m.indices[arg.group];
        return withNested(
          text.slice(at2, at2 + start),
          nested,
          line.slice(stop, flag.lastIndex),
          at2 + flag.lastIndex
        );
      }
      return null;
    }
  };
}
function withNested(before, nested, after, end) {
  const inner = nested(before);
  return {
    end,
    replacement: inner.text + tag("cli-password") + after,
    counted: [...inner.hits, "cli-password"]
  };
}
var ARG, MAX_COMMAND, mysqlPassword, USER_PASS, curlUser, PASSWORD_FLAG, passwordFlag, SSHPASS, sshpassPassword, cliRules;
var init_rules_cli = __esm({
  "src/core/redact/rules-cli.ts"() {
    "use strict";
    init_rule();
    ARG = `(?:'([^'\\n]{1,256})'|"([^"\\n]{1,256})"|([^\\s'"\`;&|<>()]{1,256}))`;
    MAX_COMMAND = 2048;
    mysqlPassword = commandFlagRule({
      commands: [
        "mysql",
        "mysqldump",
        "mysqladmin",
        "mysqlimport",
        "mysqlcheck",
        "mysqlshow",
        "mysqlsh",
        "mariadb"
      ],
      flag: "-p",
      accept: (v2) => v2.length >= 3 && !v2.startsWith("-")
    });
    USER_PASS = /^[^:\s]{1,128}:(.{1,256})$/s;
    curlUser = commandFlagRule({
      commands: ["curl"],
      flag: "(?:-u[ \\t]*|--user[ \\t=]+)",
      accept: (v2) => {
        const pass = USER_PASS.exec(v2)?.[1];
        return pass !== void 0 && pass.length >= 3 && !isPlaceholder(pass);
      }
    });
    PASSWORD_FLAG = new RegExp(`(?<=(?:^|[\\s'"])--)password[ \\t]+${ARG}`, "yd");
    passwordFlag = {
      name: "cli-password",
      triggers: ["password"],
      match(text, at2) {
        PASSWORD_FLAG.lastIndex = at2;
        const m = PASSWORD_FLAG.exec(text);
        const arg = m && argOf(m);
        if (!m || !arg || arg.value.length < 4 || arg.value.startsWith("-") || isPlaceholder(arg.value))
          return null;
        if (!hasDigit(arg.value) && !/[^A-Za-z]/.test(arg.value)) return null;
        const [start, stop] = m.indices[arg.group];
        const end = PASSWORD_FLAG.lastIndex;
        return { end, replacement: text.slice(at2, start) + tag("cli-password") + text.slice(stop, end) };
      }
    };
    SSHPASS = new RegExp(`sshpass(?:[ \\t]+-[ev])?[ \\t]+-p[ \\t]*${ARG}`, "yd");
    sshpassPassword = {
      name: "cli-password",
      triggers: ["sshpass"],
      match(text, at2) {
        SSHPASS.lastIndex = at2;
        const m = SSHPASS.exec(text);
        const arg = m && argOf(m);
        if (!m || !arg || isPlaceholder(arg.value)) return null;
        const [start, stop] = m.indices[arg.group];
        const end = SSHPASS.lastIndex;
        return { end, replacement: text.slice(at2, start) + tag("cli-password") + text.slice(stop, end) };
      }
    };
    cliRules = [mysqlPassword, passwordFlag, curlUser, sshpassPassword];
  }
});

// src/core/redact/rules-cloud.ts
var azureStorageKey, azureSasSignature, AZURE_SECRET_TAIL, AZURE_SECRET_HEAD, azureClientSecret, googleOauthSecret, cloudRules;
var init_rules_cloud = __esm({
  "src/core/redact/rules-cloud.ts"() {
    "use strict";
    init_rule();
    azureStorageKey = regexRule({
      name: "azure-storage-key",
      triggers: ["accountkey=", "sharedaccesskey="],
      source: `(?:accountkey|sharedaccesskey)=([A-Za-z0-9+/]{20,128}={0,2})(?![A-Za-z0-9+/=])`,
      flags: "i",
      group: 1,
      accept: hasDigit
    });
    azureSasSignature = regexRule({
      name: "azure-sas",
      triggers: ["sig="],
      source: `(?<=[?&;])sig=([A-Za-z0-9%+/=_-]{16,256})(?![A-Za-z0-9%+/=_-])`,
      flags: "i",
      group: 1,
      accept: (s) => looksRandom(s)
    });
    AZURE_SECRET_TAIL = /[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/y;
    AZURE_SECRET_HEAD = /(?:^|[^A-Za-z0-9_~.])([A-Za-z0-9_~.]{3})$/;
    azureClientSecret = {
      name: "azure-client-secret",
      triggers: [..."0123456789"].map((d) => `${d}q~`),
      match(text, at2) {
        AZURE_SECRET_TAIL.lastIndex = at2;
        if (!AZURE_SECRET_TAIL.test(text)) return null;
        if (!AZURE_SECRET_HEAD.test(text.slice(Math.max(0, at2 - 4), at2))) return null;
        return { start: at2 - 3, end: AZURE_SECRET_TAIL.lastIndex, replacement: tag("azure-client-secret") };
      }
    };
    googleOauthSecret = regexRule({
      name: "google-oauth-secret",
      triggers: ["GOCSPX-"],
      source: `(?<![A-Za-z0-9_-])GOCSPX-[A-Za-z0-9_-]{24,40}(?![A-Za-z0-9_-])`
    });
    cloudRules = [
      azureStorageKey,
      azureSasSignature,
      azureClientSecret,
      googleOauthSecret
    ];
  }
});

// src/core/redact/rules-cookie.ts
var HEADER, CURL_FLAG, VALUE_END, MAX_HEADER, PAIR, isSecretValue, cookieHeader;
var init_rules_cookie = __esm({
  "src/core/redact/rules-cookie.ts"() {
    "use strict";
    init_rule();
    HEADER = /cookie\\?["']?[ \t]{0,4}:[ \t]{0,4}\\?["']?/iy;
    CURL_FLAG = /cookie[ \t=]+["']?/iy;
    VALUE_END = /[\r\n"'`\\]/;
    MAX_HEADER = 8192;
    PAIR = /([^=;\s]{1,256})=([^;]*)/g;
    isSecretValue = (v2) => v2.length >= 8 && looksRandom(v2) && !isPlaceholder(v2);
    cookieHeader = {
      name: "cookie",
      triggers: ["cookie"],
      match(text, at2, nested) {
        const setCookie = /set-$/i.test(text.slice(Math.max(0, at2 - 4), at2));
        const flag = text.slice(Math.max(0, at2 - 2), at2) === "--";
        const re = flag ? CURL_FLAG : HEADER;
        re.lastIndex = at2;
        if (!re.test(text)) return null;
        const start = re.lastIndex;
        let end = start;
        const limit = Math.min(text.length, start + MAX_HEADER);
        while (end < limit && !VALUE_END.test(text[end])) end++;
        const counted = [];
        const region = setCookie ? text.slice(start, end).split(";", 1)[0] : text.slice(start, end);
        const redacted = region.replace(PAIR, (pair, name, value) => {
          if (!isSecretValue(value.trim())) return pair;
          const inner = nested(value);
          if (inner.hits.length > 0) {
            counted.push(...inner.hits);
            return `${name}=${inner.text}`;
          }
          counted.push("cookie");
          return `${name}=${tag("cookie")}`;
        });
        if (counted.length === 0) return null;
        const stop = start + region.length;
        return {
          end: stop,
          replacement: text.slice(at2, start) + redacted,
          counted
        };
      }
    };
  }
});

// src/core/redact/rules-k8s.ts
function nearSecretKind(text, at2, json) {
  const around = text.slice(Math.max(0, at2 - KIND_WINDOW), at2 + KIND_WINDOW);
  return (json ? KIND_SECRET_JSON : KIND_SECRET_YAML).test(around);
}
function matchYaml(text, at2) {
  const lineStart = text.lastIndexOf("\n", at2 - 1) + 1;
  const before = text.slice(lineStart, at2);
  if (!/^[ \t]*(?:string)?$/i.test(before)) return null;
  YAML_OPEN.lastIndex = at2;
  if (!YAML_OPEN.test(text) || !nearSecretKind(text, at2, false)) return null;
  const own = before.replace(/string$/i, "").length;
  let p = YAML_OPEN.lastIndex;
  let out = text.slice(at2, p);
  const counted = [];
  for (let n = 0; n < MAX_ENTRIES; n++) {
    YAML_ENTRY.lastIndex = p;
    const m = YAML_ENTRY.exec(text);
    if (m === null || m[1].length <= own) break;
    const [, indent, key, rawValue, eol] = m;
    let value = rawValue.trim();
    const next = YAML_ENTRY.lastIndex;
    if (value === "|" || value === ">" || /^[|>][-+]?$/.test(value)) {
      let q2 = next;
      while (q2 < text.length) {
        const nl = text.indexOf("\n", q2);
        const line = text.slice(q2, nl < 0 ? text.length : nl);
        if (line.trim() !== "" && line.search(/\S/) <= indent.length) break;
        q2 = nl < 0 ? text.length : nl + 1;
      }
      out += `${indent}${key}: ${value}
${indent}  ${tag("k8s-secret")}
`;
      counted.push("k8s-secret");
      p = q2;
      continue;
    }
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    if (value.length > 0 && !isPlaceholder(value)) {
      out += `${indent}${key}: ${quoted ? quoted[1] + tag("k8s-secret") + quoted[1] : tag("k8s-secret")}${eol}`;
      counted.push("k8s-secret");
    } else out += m[0];
    p = next;
  }
  return counted.length === 0 ? null : { end: p, replacement: out, counted };
}
function matchJson(text, at2) {
  if (text[at2 - 1] !== '"') return null;
  JSON_BODY.lastIndex = at2;
  const m = JSON_BODY.exec(text);
  if (m === null || !nearSecretKind(text, at2, true)) return null;
  const counted = [];
  const body = m[1].replace(JSON_ENTRY, (entry, head2, value) => {
    if (isPlaceholder(value)) return entry;
    counted.push("k8s-secret");
    return `${head2}${tag("k8s-secret")}"`;
  });
  if (counted.length === 0) return null;
  return {
    end: JSON_BODY.lastIndex,
    replacement: `${m[0].slice(0, m[0].indexOf("{") + 1)}${body}}`,
    counted
  };
}
var KIND_WINDOW, KIND_SECRET_YAML, KIND_SECRET_JSON, YAML_OPEN, YAML_ENTRY, JSON_BODY, JSON_ENTRY, MAX_ENTRIES, k8sSecret;
var init_rules_k8s = __esm({
  "src/core/redact/rules-k8s.ts"() {
    "use strict";
    init_rule();
    KIND_WINDOW = 4096;
    KIND_SECRET_YAML = /(?:^|\n)[ \t-]*kind:[ \t]*["']?Secret["']?[ \t]*(?:\r?\n|$)/;
    KIND_SECRET_JSON = /"kind"[ \t]*:[ \t]*"Secret"/;
    YAML_OPEN = /data:[ \t]*\r?\n/iy;
    YAML_ENTRY = /([ \t]+)([A-Za-z0-9._-]{1,253}):[ \t]*([^\r\n]*)(\r?\n|$)/y;
    JSON_BODY = /data"[ \t]*:[ \t]*\{([^{}]{0,65536})\}/y;
    JSON_ENTRY = /("[^"\\]{1,253}"[ \t]*:[ \t]*")((?:[^"\\]|\\.){1,65536})"/g;
    MAX_ENTRIES = 256;
    k8sSecret = {
      name: "k8s-secret",
      triggers: ["data:", 'data"'],
      match: (text, at2) => text[at2 + 4] === ":" ? matchYaml(text, at2) : matchJson(text, at2)
    };
  }
});

// src/core/redact/rules-saas.ts
var NOT_AFTER_WORD, NOT_AFTER_WORD_OR_DASH, END, huggingfaceToken, sendgridKey, mailgunKey, shopifyToken, pypiToken, digitaloceanToken, vaultToken, DISCORD_HOST, DISCORD_PATH, discordWebhook, TELEGRAM, TELEGRAM_SECRET, telegramBotToken, saasRules;
var init_rules_saas = __esm({
  "src/core/redact/rules-saas.ts"() {
    "use strict";
    init_rule();
    NOT_AFTER_WORD = "(?<![A-Za-z0-9_])";
    NOT_AFTER_WORD_OR_DASH = "(?<![A-Za-z0-9_-])";
    END = (chars) => `(?![${chars}])`;
    huggingfaceToken = regexRule({
      name: "huggingface-token",
      triggers: ["hf_", "api_org_"],
      source: `${NOT_AFTER_WORD}(?:hf|api_org)_[A-Za-z0-9]{30,40}${END("A-Za-z0-9_")}`,
      // `hf_xxxxxxxx…` placeholders and snake_case names (`hf_hub_download`) are not mixed-case runs.
      accept: (s) => looksRandom(s.slice(s.indexOf("_") + 1)) && !/(.)\1{5}/.test(s)
    });
    sendgridKey = regexRule({
      name: "sendgrid-key",
      triggers: ["SG."],
      source: `${NOT_AFTER_WORD_OR_DASH}SG\\.[A-Za-z0-9_-]{16,32}\\.[A-Za-z0-9_-]{30,60}${END("A-Za-z0-9_-")}`,
      accept: hasDigit
    });
    mailgunKey = regexRule({
      name: "mailgun-key",
      triggers: ["key-"],
      source: `${NOT_AFTER_WORD_OR_DASH}key-[a-z0-9]{32}${END("A-Za-z0-9_-")}`,
      accept: (s) => hasDigit(s) && /[a-z]/.test(s.slice(4))
    });
    shopifyToken = regexRule({
      name: "shopify-token",
      triggers: ["shpat_", "shpss_", "shpca_", "shppa_"],
      source: `${NOT_AFTER_WORD}shp(?:at|ss|ca|pa)_[a-fA-F0-9]{32}${END("A-Za-z0-9_")}`
    });
    pypiToken = regexRule({
      name: "pypi-token",
      triggers: ["pypi-AgEIcHlwaS5vcmc"],
      source: `pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}`
    });
    digitaloceanToken = regexRule({
      name: "digitalocean-token",
      triggers: ["dop_v1_", "doo_v1_", "dor_v1_"],
      source: `${NOT_AFTER_WORD}do[por]_v1_[a-f0-9]{64}${END("A-Za-z0-9_")}`
    });
    vaultToken = regexRule({
      name: "vault-token",
      triggers: ["hvs.", "hvb.", "hvr."],
      source: `${NOT_AFTER_WORD}hv[sbr]\\.[A-Za-z0-9_-]{24,400}${END("A-Za-z0-9_-")}`,
      accept: (s) => looksRandom(s.slice(4))
    });
    DISCORD_HOST = /discord(?:app)?\.com\/$/i;
    DISCORD_PATH = /api\/webhooks\/[0-9]{5,30}\/([A-Za-z0-9_-]{20,100})(?![A-Za-z0-9_-])/dy;
    discordWebhook = {
      name: "discord-webhook",
      triggers: ["api/webhooks/"],
      match(text, at2) {
        if (!DISCORD_HOST.test(text.slice(Math.max(0, at2 - 16), at2))) return null;
        DISCORD_PATH.lastIndex = at2;
        const m = DISCORD_PATH.exec(text);
        if (m === null) return null;
        const [start] = m.indices[1];
        return { end: DISCORD_PATH.lastIndex, replacement: text.slice(at2, start) + tag("discord-webhook") };
      }
    };
    TELEGRAM = /(?:(?<![A-Za-z0-9_:-])|(?<=[^A-Za-z0-9_-]bot))[0-9]{5,16}$/;
    TELEGRAM_SECRET = /:AA[A-Za-z0-9_-]{31,34}(?![A-Za-z0-9_-])/y;
    telegramBotToken = {
      name: "telegram-bot-token",
      triggers: [..."0123456789"].map((d) => `${d}:AA`),
      match(text, at2) {
        TELEGRAM_SECRET.lastIndex = at2 + 1;
        if (!TELEGRAM_SECRET.test(text)) return null;
        const id = TELEGRAM.exec(text.slice(Math.max(0, at2 - 20), at2 + 1));
        if (id === null) return null;
        return {
          start: at2 + 1 - id[0].length,
          end: TELEGRAM_SECRET.lastIndex,
          replacement: tag("telegram-bot-token")
        };
      }
    };
    saasRules = [
      huggingfaceToken,
      sendgridKey,
      mailgunKey,
      shopifyToken,
      pypiToken,
      digitaloceanToken,
      vaultToken,
      discordWebhook,
      telegramBotToken
    ];
  }
});

// src/core/redact/rules-structural.ts
var jwt, PEM_BEGIN, PEM_END, PEM_BODY, PEM_MAX, PEM_MIN_BODY, PEM_LINE_BREAK, privateKey, PRIVATE_OPEN, PRIVATE_CLOSE, privateSpan, AUTHORITY_END, NOT_USER, HOST_START, MAX_AUTHORITY, connectionString, CREDENTIAL, authHeader, structuralRules;
var init_rules_structural = __esm({
  "src/core/redact/rules-structural.ts"() {
    "use strict";
    init_rule();
    jwt = regexRule({
      name: "jwt",
      triggers: ["eyJ"],
      source: "(?<![A-Za-z0-9_+-])eyJ[A-Za-z0-9_-]{5,8192}\\.eyJ[A-Za-z0-9_-]{5,8192}\\.[A-Za-z0-9_-]{0,8192}(?![A-Za-z0-9_-])"
    });
    PEM_BEGIN = /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
    PEM_END = /-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
    PEM_BODY = /[A-Za-z0-9+/=\s\\:,-]{0,16384}/y;
    PEM_MAX = 16384;
    PEM_MIN_BODY = 64;
    PEM_LINE_BREAK = /[\s\\]/;
    privateKey = {
      name: "private-key",
      triggers: ["-----BEGIN"],
      match(text, at2) {
        PEM_BEGIN.lastIndex = at2;
        if (!PEM_BEGIN.test(text)) return null;
        const bodyStart = PEM_BEGIN.lastIndex;
        if (!PEM_LINE_BREAK.test(text[bodyStart] ?? "")) return null;
        const window = text.slice(bodyStart, bodyStart + PEM_MAX);
        for (let e = window.indexOf("-----END"); e >= 0; e = window.indexOf("-----END", e + 1)) {
          PEM_END.lastIndex = bodyStart + e;
          if (PEM_END.test(text)) return { end: PEM_END.lastIndex, replacement: tag("private-key") };
        }
        PEM_BODY.lastIndex = bodyStart;
        PEM_BODY.test(text);
        if (PEM_BODY.lastIndex - bodyStart < PEM_MIN_BODY) return null;
        return { end: PEM_BODY.lastIndex, replacement: tag("private-key") };
      }
    };
    PRIVATE_OPEN = "<private>";
    PRIVATE_CLOSE = "</private>";
    privateSpan = {
      name: "private",
      triggers: [PRIVATE_OPEN],
      match(text, at2) {
        if (!text.startsWith(PRIVATE_OPEN, at2)) return null;
        const close = text.indexOf(PRIVATE_CLOSE, at2 + PRIVATE_OPEN.length);
        return { end: close < 0 ? text.length : close + PRIVATE_CLOSE.length, replacement: tag("private") };
      }
    };
    AUTHORITY_END = /[\s/?#'"`<>]/;
    NOT_USER = /[()[\]{},;]/;
    HOST_START = /^[A-Za-z0-9[_-]/;
    MAX_AUTHORITY = 512;
    connectionString = {
      name: "connection-string",
      triggers: ["://"],
      match(text, at2, nested) {
        const start = at2 + 3;
        const limit = Math.min(text.length, start + MAX_AUTHORITY);
        let end = start;
        while (end < limit && !AUTHORITY_END.test(text[end])) end++;
        const authority = text.slice(start, end);
        const atSign = authority.lastIndexOf("@");
        const colon = authority.indexOf(":");
        if (atSign < 0 || colon < 0 || colon > atSign - 2 || !HOST_START.test(authority.slice(atSign + 1)))
          return null;
        const user = authority.slice(0, colon);
        const password = authority.slice(colon + 1, atSign);
        if (NOT_USER.test(user) || isPlaceholder(password)) return null;
        const stop = start + atSign;
        const inner = nested(password);
        const replacement = `://${user}:${inner.hits.length > 0 ? inner.text : tag("connection-string")}`;
        return inner.hits.length > 0 ? { end: stop, replacement, counted: inner.hits } : { end: stop, replacement };
      }
    };
    CREDENTIAL = "([A-Za-z0-9._~+/-]{8,4096}=*)(?![A-Za-z0-9._~+/=-])";
    authHeader = (() => {
      const header = regexRule({
        name: "auth-header",
        triggers: ["authorization"],
        source: `authorization\\\\?["']?[ \\t]{0,4}:[ \\t]{0,4}\\\\?["']?(?:(bearer|basic|token|bot|digest)[ \\t]{1,4})?${CREDENTIAL}`,
        flags: "i",
        group: 2,
        accept: (s, m) => looksRandom(s) && (m[1] !== void 0 || hasDigit(s) && s.length >= 16),
        preferNested: true
      });
      const bearer = regexRule({
        name: "auth-header",
        triggers: ["bearer"],
        source: `bearer[ \\t]{1,4}${CREDENTIAL}`,
        flags: "i",
        group: 1,
        accept: (s) => s.length >= 16 && looksRandom(s),
        preferNested: true
      });
      return {
        name: "auth-header",
        triggers: ["authorization", "bearer"],
        match: (text, at2, nested) => {
          const hit = header.match(text, at2, nested);
          if (hit) return hit;
          return bearer.match(text, at2, nested);
        }
      };
    })();
    structuralRules = [jwt, privateKey, privateSpan, connectionString, authHeader];
  }
});

// src/core/redact/rules-vendor.ts
var NOT_AFTER_WORD2, NOT_AFTER_WORD_OR_DASH2, AWS_KEY_PAIR, awsAccessKey, awsSecretKey, githubToken, gitlabToken, anthropicKey, openaiKey, stripeKey, slackToken, slackWebhook, googleApiKey, npmToken, batonKey, vendorRules;
var init_rules_vendor = __esm({
  "src/core/redact/rules-vendor.ts"() {
    "use strict";
    init_rule();
    NOT_AFTER_WORD2 = "(?<![A-Za-z0-9_])";
    NOT_AFTER_WORD_OR_DASH2 = "(?<![A-Za-z0-9_-])";
    AWS_KEY_PAIR = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])(?:([,;|\t]|[ \t]{1,8}|,?\s*"?,\s*"?)([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=]))?/y;
    awsAccessKey = {
      name: "aws-access-key",
      triggers: ["AKIA", "ASIA", "ABIA", "ACCA"],
      match(text, at2) {
        AWS_KEY_PAIR.lastIndex = at2;
        const m = AWS_KEY_PAIR.exec(text);
        if (m === null) return null;
        const secret = m[2];
        if (secret === void 0 || !looksRandom(secret) || !hasDigit(secret)) {
          return { end: at2 + 20, replacement: tag("aws-access-key") };
        }
        return {
          end: AWS_KEY_PAIR.lastIndex,
          replacement: tag("aws-access-key") + m[1] + tag("aws-secret-key"),
          counted: ["aws-access-key", "aws-secret-key"]
        };
      }
    };
    awsSecretKey = regexRule({
      name: "aws-secret-key",
      triggers: ["secret"],
      source: `secret_?access_?key\\\\?["']?[ \\t]{0,4}[:=][ \\t]{0,4}\\\\?["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])`,
      flags: "i",
      group: 1
    });
    githubToken = regexRule({
      name: "github-token",
      triggers: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"],
      source: `${NOT_AFTER_WORD2}(?:gh[pousr]_[A-Za-z0-9]{30,251}|github_pat_[A-Za-z0-9_]{22,244})`,
      accept: looksRandom
    });
    gitlabToken = regexRule({
      name: "gitlab-token",
      triggers: [
        "glpat-",
        "gldt-",
        "glrt-",
        "glptt-",
        "glft-",
        "glimt-",
        "glagent-",
        "gloas-",
        "glsoat-",
        "glcbt-",
        "glffct-"
      ],
      // Routable tokens (`glpat-<base64url>.01.<crc>`) carry a dotted tail.
      source: `${NOT_AFTER_WORD_OR_DASH2}gl(?:pat|dt|rt|ptt|ft|imt|agent|oas|soat|cbt|ffct)-[A-Za-z0-9_-]{20,255}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{7,9})?`,
      accept: looksRandom
    });
    anthropicKey = regexRule({
      name: "anthropic-key",
      triggers: ["sk-ant-"],
      source: `${NOT_AFTER_WORD_OR_DASH2}sk-ant-[A-Za-z0-9_-]{20,255}`,
      accept: hasDigit
    });
    openaiKey = regexRule({
      name: "openai-key",
      triggers: ["sk-"],
      source: `${NOT_AFTER_WORD_OR_DASH2}sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,255}|[A-Za-z0-9]{20,255}(?![A-Za-z0-9_-]))`,
      accept: (s) => hasDigit(s) && looksRandom(s.slice(3))
    });
    stripeKey = regexRule({
      name: "stripe-key",
      triggers: ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"],
      source: `${NOT_AFTER_WORD2}(?:[sr]k_(?:live|test)_[A-Za-z0-9]{10,255}|whsec_[A-Za-z0-9+/=]{24,255})`,
      accept: hasDigit
    });
    slackToken = regexRule({
      name: "slack-token",
      triggers: ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-", "xapp-"],
      source: `${NOT_AFTER_WORD_OR_DASH2}(?:xox[abprse]-[A-Za-z0-9-]{10,255}|xapp-[0-9]-[A-Za-z0-9-]{10,255})`,
      accept: hasDigit
    });
    slackWebhook = regexRule({
      name: "slack-webhook",
      triggers: ["hooks.slack.com/"],
      source: `hooks\\.slack\\.com/(?:services|workflows|triggers)/([A-Za-z0-9_/-]{8,255})`,
      group: 1
    });
    googleApiKey = regexRule({
      name: "google-api-key",
      triggers: ["AIza"],
      source: `${NOT_AFTER_WORD_OR_DASH2}AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])`
    });
    npmToken = regexRule({
      name: "npm-token",
      triggers: ["npm_"],
      source: `${NOT_AFTER_WORD2}npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])`,
      accept: looksRandom
    });
    batonKey = regexRule({
      name: "baton-key",
      triggers: ["bt_"],
      source: `${NOT_AFTER_WORD2}bt_[A-Za-z0-9_-]{32,255}(?![A-Za-z0-9_-])`,
      // Long snake_case identifiers ("bt_handle_connection_state") are letters only; keys mix classes.
      accept: (s) => looksRandom(s.slice(3))
    });
    vendorRules = [
      awsAccessKey,
      awsSecretKey,
      githubToken,
      gitlabToken,
      anthropicKey,
      openaiKey,
      stripeKey,
      slackToken,
      slackWebhook,
      googleApiKey,
      npmToken,
      batonKey
    ];
  }
});

// src/core/redact/rules.ts
var specificRules, allRules;
var init_rules = __esm({
  "src/core/redact/rules.ts"() {
    "use strict";
    init_rules_assignment();
    init_rules_cli();
    init_rules_cloud();
    init_rules_cookie();
    init_rules_k8s();
    init_rules_saas();
    init_rules_structural();
    init_rules_vendor();
    specificRules = [
      ...structuralRules,
      ...vendorRules,
      ...cloudRules,
      ...saasRules,
      cookieHeader,
      k8sSecret,
      ...cliRules
    ];
    allRules = [...specificRules, secretAssignment];
  }
});

// src/core/redact/walk.ts
function renameKey(f, key, r) {
  const nk = r.text(key);
  if (nk === key) return;
  const taken = /* @__PURE__ */ new Set([...f.keys, ...f.renamed?.values() ?? []]);
  let unique = nk;
  for (let n = 2; taken.has(unique); n++) unique = `${nk}#${n}`;
  (f.renamed ??= /* @__PURE__ */ new Map()).set(key, unique);
}
function finish(f) {
  const out = f.copy ?? f.src;
  if (!f.renamed) return out;
  const from = out;
  return Object.fromEntries(f.keys.map((k) => [f.renamed.get(k) ?? k, from[k]]));
}
function setChild(f, key, value) {
  f.copy ??= Array.isArray(f.src) ? f.src.slice() : { ...f.src };
  f.copy[key] = value;
}
function redactValue(value, r) {
  if (typeof value === "string") return r.text(value);
  if (value === null || typeof value !== "object") return value;
  const stack = [frameOf(value)];
  const open2 = /* @__PURE__ */ new Set([value]);
  let result = value;
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    const n = f.keys ? f.keys.length : f.src.length;
    if (f.i < n) {
      const key = f.keys ? f.keys[f.i] : f.i;
      if (typeof key === "string") renameKey(f, key, r);
      const v2 = f.src[key];
      if (v2 !== null && typeof v2 === "object" && !open2.has(v2)) {
        open2.add(v2);
        stack.push(frameOf(v2));
        continue;
      }
      if (typeof v2 === "string") {
        const nv = f.keys && r.isSecretKey(key) ? r.secretProperty(key, v2) ?? r.text(v2) : r.text(v2);
        if (nv !== v2) setChild(f, key, nv);
      }
      f.i++;
      continue;
    }
    stack.pop();
    open2.delete(f.src);
    const out = finish(f);
    const parent = stack[stack.length - 1];
    if (parent === void 0) result = out;
    else {
      if (out !== f.src) setChild(parent, parent.keys ? parent.keys[parent.i] : parent.i, out);
      parent.i++;
    }
  }
  return result;
}
function redactEventWith(e, r) {
  switch (e.kind) {
    case "prompt": {
      const text = r.text(e.text);
      const args = e.command ? r.text(e.command.args) : void 0;
      if (text === e.text && args === e.command?.args) return e;
      return e.command && args !== void 0 ? { ...e, text, command: { ...e.command, args } } : { ...e, text };
    }
    case "text":
    case "thinking":
    case "system": {
      const text = r.text(e.text);
      return text === e.text ? e : { ...e, text };
    }
    case "tool_call": {
      const input = redactValue(e.input, r);
      return input === e.input ? e : { ...e, input };
    }
    case "tool_result": {
      const content = r.text(e.content);
      return content === e.content ? e : { ...e, content };
    }
    default:
      return e;
  }
}
function redactEvents(events, r) {
  let copy;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const ne2 = redactEventWith(e, r);
    if (ne2 !== e) (copy ??= events.slice())[i] = ne2;
  }
  return copy ?? events;
}
function redactSessionWith(s, r) {
  let turns;
  s.turns.forEach((t, i) => {
    const events = redactEvents(t.events, r);
    if (events !== t.events) (turns ??= s.turns.slice())[i] = { ...t, events };
  });
  let sidechains;
  s.sidechains.forEach((c, i) => {
    const events = redactEvents(c.events, r);
    if (events !== c.events) (sidechains ??= s.sidechains.slice())[i] = { ...c, events };
  });
  const title = s.meta.title === void 0 ? void 0 : r.text(s.meta.title);
  if (!turns && !sidechains && title === s.meta.title) return s;
  return {
    ...s,
    meta: title === s.meta.title ? s.meta : { ...s.meta, title },
    turns: turns ?? s.turns,
    sidechains: sidechains ?? s.sidechains
  };
}
var frameOf;
var init_walk = __esm({
  "src/core/redact/walk.ts"() {
    "use strict";
    frameOf = (src) => ({
      src,
      keys: Array.isArray(src) ? null : Object.keys(src),
      i: 0,
      copy: void 0,
      renamed: void 0
    });
  }
});

// src/core/redact/redactor.ts
function getScanners() {
  return scanners ??= { all: compileRules(allRules), specific: compileRules(specificRules) };
}
function createRedactor(opts = {}) {
  const byRule = {};
  let total = 0;
  const report = () => ({ total, byRule: { ...byRule } });
  if (opts.enabled === false) {
    return {
      redactText: (s) => s,
      redactEvent: (e) => e,
      redactValue: (v2) => v2,
      redactSession: (s) => s,
      report
    };
  }
  const { all, specific } = getScanners();
  const count2 = (rule2) => {
    total++;
    byRule[rule2] = (byRule[rule2] ?? 0) + 1;
  };
  const nested = (s) => {
    const hits = [];
    const text2 = specific.scan(s, (name) => hits.push(name), nested);
    return { text: text2, hits };
  };
  const text = (s) => all.scan(s, count2, nested);
  const walker = {
    text,
    isSecretKey,
    secretProperty(key, value) {
      const r = redactSecretProperty(key, value, nested);
      if (r === null) return null;
      for (const name of r.counted) count2(name);
      return r.text;
    }
  };
  return {
    redactText: text,
    redactEvent: (e) => redactEventWith(e, walker),
    redactValue: (v2) => redactValue(v2, walker),
    redactSession: (s) => redactSessionWith(s, walker),
    report
  };
}
var scanners;
var init_redactor = __esm({
  "src/core/redact/redactor.ts"() {
    "use strict";
    init_engine();
    init_rules_assignment();
    init_rules();
    init_walk();
  }
});

// src/core/redact/private-spans.ts
function hasPrivateSpan(text) {
  return (text.includes("<p") || text.includes("<P")) && (text.includes(OPEN) || OPEN_I.test(text));
}
function stripPrivateText(text) {
  return hasPrivateSpan(text) ? text.replace(SPAN, PRIVATE_MARK) : text;
}
function stripPrivateValue(value) {
  if (typeof value === "string") return stripPrivateText(value);
  if (Array.isArray(value)) {
    let out = null;
    for (let i = 0; i < value.length; i++) {
      const v2 = stripPrivateValue(value[i]);
      if (v2 !== value[i]) (out ??= value.slice())[i] = v2;
    }
    return out ?? value;
  }
  if (value !== null && typeof value === "object") {
    let out = null;
    for (const k in value) {
      const old = value[k];
      const v2 = stripPrivateValue(old);
      if (v2 !== old) (out ??= { ...value })[k] = v2;
    }
    return out ?? value;
  }
  return value;
}
var PRIVATE_MARK, OPEN, SPAN, OPEN_I;
var init_private_spans = __esm({
  "src/core/redact/private-spans.ts"() {
    "use strict";
    PRIVATE_MARK = "[private]";
    OPEN = "<private>";
    SPAN = /<private>[\s\S]*?(?:<\/private>|$)/gi;
    OPEN_I = /<private>/i;
  }
});

// src/core/model/schema-version.ts
var SCHEMA_VERSION;
var init_schema_version = __esm({
  "src/core/model/schema-version.ts"() {
    "use strict";
    SCHEMA_VERSION = 1;
  }
});

// src/core/transcript/collect-session.ts
async function collectSession(run) {
  const turns = [];
  const span = [];
  const sidechains = /* @__PURE__ */ new Map();
  const result = await run((event, ctx) => {
    if (ctx.agentId !== void 0) {
      let sc = sidechains.get(ctx.agentId);
      if (sc === void 0) sidechains.set(ctx.agentId, sc = { agentId: ctx.agentId, events: [] });
      sc.events.push(event);
      return;
    }
    let turn = turns[ctx.turnIndex];
    if (turn === void 0) {
      turns[ctx.turnIndex] = turn = { index: ctx.turnIndex, events: [] };
      span[ctx.turnIndex] = { start: Infinity, end: -Infinity };
    }
    turn.events.push(event);
    const ms = event.timestamp === void 0 ? NaN : Date.parse(event.timestamp);
    const s = span[ctx.turnIndex];
    if (ms < s.start) {
      s.start = ms;
      turn.startedAt = event.timestamp;
    }
    if (ms > s.end) {
      s.end = ms;
      turn.endedAt = event.timestamp;
    }
  });
  for (const sc of sidechains.values()) {
    const toolUseId = result.agentToolUse.get(sc.agentId);
    if (toolUseId !== void 0) sc.toolUseId = toolUseId;
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: result.meta,
    // Turn indices are dense by construction (a turn opens with its first event); filter guards the type.
    turns: turns.filter((t) => t !== void 0),
    sidechains: [...sidechains.values()],
    totals: result.totals,
    stats: result.stats
  };
}
var init_collect_session = __esm({
  "src/core/transcript/collect-session.ts"() {
    "use strict";
    init_schema_version();
  }
});

// src/core/transcript/locate.ts
import { readdir, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
function hashString(s) {
  let h2 = 0;
  for (let i = 0; i < s.length; i++) h2 = (h2 << 5) - h2 + s.charCodeAt(i) | 0;
  return h2;
}
function encodeProjectDir(cwd) {
  const name = cwd.replace(/[^a-zA-Z0-9]/g, "-");
  if (name.length <= MAX_DIR_NAME) return name;
  return `${name.slice(0, MAX_DIR_NAME)}-${Math.abs(hashString(cwd)).toString(36)}`;
}
function projectsDir(configDir) {
  return join(configDir, "projects");
}
async function listDir(dir) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (cause) {
    const code2 = cause.code;
    if (code2 === "ENOENT" || code2 === "ENOTDIR") return [];
    throw new BatonError("io", `cannot list ${dir}: ${String(code2 ?? cause)}`, { cause });
  }
}
async function transcriptsIn(dir, projectDir) {
  const out = [];
  for (const entry of await listDir(dir)) {
    if (!entry.isFile() || !entry.name.endsWith(".jsonl")) continue;
    const path = join(dir, entry.name);
    try {
      const st2 = await stat(path);
      out.push({ path, sessionId: entry.name.slice(0, -6), projectDir, mtime: st2.mtime, size: st2.size });
    } catch {
    }
  }
  return out;
}
function newestFirst(a, b) {
  return b.mtime.getTime() - a.mtime.getTime() || a.path.localeCompare(b.path);
}
async function listTranscripts(configDir) {
  const root = projectsDir(configDir);
  const all = [];
  for (const entry of await listDir(root)) {
    if (entry.isDirectory()) all.push(...await transcriptsIn(join(root, entry.name), entry.name));
  }
  return all.sort(newestFirst);
}
async function findTranscriptById(sessionId, configDir) {
  if (!SESSION_ID_RE.test(sessionId)) {
    throw new BatonError("invalid_input", `not a session id: ${JSON.stringify(sessionId.slice(0, 80))}`);
  }
  const root = projectsDir(configDir);
  let best = null;
  for (const entry of await listDir(root)) {
    if (!entry.isDirectory()) continue;
    const path = join(root, entry.name, `${sessionId}.jsonl`);
    try {
      const st2 = await stat(path);
      if (st2.isFile() && (best === null || st2.mtimeMs > best.mtimeMs)) best = { path, mtimeMs: st2.mtimeMs };
    } catch {
    }
  }
  return best?.path ?? null;
}
async function newestTranscript(configDir, cwd) {
  if (cwd !== void 0) {
    const dirName = encodeProjectDir(cwd);
    const own = (await transcriptsIn(join(projectsDir(configDir), dirName), dirName)).sort(newestFirst);
    if (own[0] !== void 0) return own[0];
  }
  return (await listTranscripts(configDir))[0] ?? null;
}
async function findSubagentFiles(transcriptPath) {
  const stem = basename(transcriptPath).replace(/\.jsonl$/, "");
  const dir = join(dirname(transcriptPath), stem, "subagents");
  let names;
  try {
    names = await readdir(dir, { recursive: true });
  } catch (cause) {
    const code2 = cause.code;
    if (code2 === "ENOENT" || code2 === "ENOTDIR") return [];
    throw new BatonError("io", `cannot list ${dir}: ${String(code2 ?? cause)}`, { cause });
  }
  const files = [];
  for (const rel of names.sort()) {
    const name = basename(rel);
    if (name.startsWith("agent-") && name.endsWith(".jsonl") && name.length > 12) {
      files.push({ path: join(dir, rel), agentId: name.slice(6, -6) });
    }
  }
  return files;
}
var MAX_DIR_NAME, SESSION_ID_RE;
var init_locate = __esm({
  "src/core/transcript/locate.ts"() {
    "use strict";
    init_errors();
    MAX_DIR_NAME = 200;
    SESSION_ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
  }
});

// src/core/transcript/read-stats.ts
function createReadStats() {
  return {
    records: 0,
    unknownTypes: {},
    malformedLines: 0,
    invalidUtf8Lines: 0,
    hugeLines: 0,
    truncatedTail: false,
    metaRecords: 0,
    duplicateRecords: 0,
    compactions: 0,
    skippedTypes: {}
  };
}
function countUnknownType(stats, type) {
  stats.unknownTypes[type] = (stats.unknownTypes[type] ?? 0) + 1;
}
function countSkippedType(stats, type) {
  const m = stats.skippedTypes ??= {};
  m[type] = (m[type] ?? 0) + 1;
}
var init_read_stats = __esm({
  "src/core/transcript/read-stats.ts"() {
    "use strict";
  }
});

// src/core/transcript/read-records.ts
import { open } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
function checkOptions(opts) {
  const from = opts.fromOffset ?? 0;
  const maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const chunk = opts.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(from) || from < 0) {
    throw new BatonError("invalid_input", `fromOffset must be a non-negative integer, got ${String(from)}`);
  }
  if (!Number.isSafeInteger(maxLine) || maxLine < 1) {
    throw new BatonError("invalid_input", `maxLineBytes must be a positive integer, got ${String(maxLine)}`);
  }
  if (!Number.isSafeInteger(chunk) || chunk < 1) {
    throw new BatonError("invalid_input", `chunkBytes must be a positive integer, got ${String(chunk)}`);
  }
  return { from, maxLine, chunk };
}
async function openTranscript(path) {
  try {
    return await open(path, "r");
  } catch (cause) {
    const code2 = cause.code;
    if (code2 === "ENOENT") throw new BatonError("not_found", `transcript not found: ${path}`, { cause });
    throw new BatonError("io", `cannot open transcript ${path}: ${String(code2 ?? cause)}`, { cause });
  }
}
async function* readRecordBatches(path, opts = {}) {
  const { from, maxLine, chunk } = checkOptions(opts);
  const stats = opts.stats ?? createReadStats();
  const fh = await openTranscript(path);
  try {
    const size = (await fh.stat()).size;
    if (from > size) {
      throw new BatonError(
        "conflict",
        `offset ${from} is beyond the end of ${path} (${size} bytes): was it rewritten?`,
        {
          details: { fromOffset: from, size }
        }
      );
    }
    const buf = Buffer.allocUnsafe(chunk);
    let filePos = from;
    let lineStart = from;
    let pending = [];
    let pendingLen = 0;
    let skipping = false;
    let batch = [];
    const handleLine = (bytes, s, e, offset, utf8Known) => {
      if (!utf8Known && !isUtf8(bytes.subarray(s, e))) stats.invalidUtf8Lines++;
      let text = bytes.toString("utf8", s, e);
      if (offset === 0 && text.charCodeAt(0) === 65279) text = text.slice(1);
      const rec = parseObject(text, stats);
      if (rec !== void 0) batch.push({ record: rec, offset, endOffset: offset + (e - s) + 1 });
    };
    for (; ; ) {
      const { bytesRead } = await fh.read(buf, 0, chunk, filePos);
      if (bytesRead === 0) break;
      const chunkStart = filePos;
      filePos += bytesRead;
      const view = buf.subarray(0, bytesRead);
      const firstNl = view.indexOf(NEWLINE);
      const lastNl = firstNl === -1 ? -1 : view.lastIndexOf(NEWLINE);
      const regionValid = firstNl !== -1 && isUtf8(view.subarray(firstNl + 1, lastNl));
      let i = 0;
      for (; ; ) {
        const nl = i <= lastNl ? view.indexOf(NEWLINE, i) : -1;
        if (nl === -1) {
          const rest = bytesRead - i;
          if (skipping) break;
          if (pendingLen + rest > maxLine) {
            skipping = true;
            pending = [];
            pendingLen = 0;
          } else if (rest > 0) {
            pending.push(Buffer.from(view.subarray(i)));
            pendingLen += rest;
          }
          break;
        }
        const len = pendingLen + (nl - i);
        if (skipping || len > maxLine) {
          stats.hugeLines++;
        } else if (pendingLen > 0) {
          pending.push(view.subarray(i, nl));
          const line = Buffer.concat(pending, len);
          handleLine(line, 0, len, lineStart, false);
        } else if (nl > i) {
          handleLine(view, i, nl, lineStart, regionValid && i > firstNl);
        }
        skipping = false;
        pending = [];
        pendingLen = 0;
        lineStart = chunkStart + nl + 1;
        i = nl + 1;
      }
      if (batch.length > 0) {
        const out = batch;
        batch = [];
        yield out;
      }
    }
    let nextOffset = lineStart;
    if (skipping) {
      stats.truncatedTail = true;
    } else if (pendingLen > 0) {
      const tail = Buffer.concat(pending, pendingLen);
      const text = tail.toString("utf8");
      if (text.trim() === "") {
        nextOffset = lineStart + pendingLen;
      } else if (isCompleteObject(text)) {
        handleLine(tail, 0, pendingLen, lineStart, false);
        nextOffset = lineStart + pendingLen;
      } else {
        stats.truncatedTail = true;
      }
    }
    if (batch.length > 0) yield batch;
    return { nextOffset };
  } finally {
    await fh.close();
  }
}
function parseObject(text, stats) {
  const c = text.charCodeAt(0);
  if (c <= 32 && text.trim() === "") return void 0;
  let v2;
  try {
    v2 = JSON.parse(text);
  } catch {
    stats.malformedLines++;
    return void 0;
  }
  if (typeof v2 !== "object" || v2 === null || Array.isArray(v2)) {
    stats.malformedLines++;
    return void 0;
  }
  stats.records++;
  return v2;
}
function isCompleteObject(text) {
  try {
    const v2 = JSON.parse(text);
    return typeof v2 === "object" && v2 !== null && !Array.isArray(v2);
  } catch {
    return false;
  }
}
var DEFAULT_MAX_LINE_BYTES, DEFAULT_CHUNK_BYTES, NEWLINE;
var init_read_records = __esm({
  "src/core/transcript/read-records.ts"() {
    "use strict";
    init_errors();
    init_read_stats();
    DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
    DEFAULT_CHUNK_BYTES = 512 * 1024;
    NEWLINE = 10;
  }
});

// src/core/transcript/guards.ts
function isObj(v2) {
  return typeof v2 === "object" && v2 !== null && !Array.isArray(v2);
}
function isPlainObject(v2) {
  if (!isObj(v2)) return false;
  const proto = Object.getPrototypeOf(v2);
  return proto === Object.prototype || proto === null;
}
function str(v2) {
  return typeof v2 === "string" && v2.length > 0 ? v2 : void 0;
}
function count(v2) {
  return typeof v2 === "number" && v2 > 0 && Number.isFinite(v2) ? Math.floor(v2) : 0;
}
function objAt(o, key) {
  const v2 = o[key];
  return isObj(v2) ? v2 : void 0;
}
var init_guards = __esm({
  "src/core/transcript/guards.ts"() {
    "use strict";
  }
});

// src/core/transcript/known-types.ts
var NON_EVENT_TYPES, AGENT_TOOL_NAMES, FILE_WRITING_TOOLS;
var init_known_types = __esm({
  "src/core/transcript/known-types.ts"() {
    "use strict";
    NON_EVENT_TYPES = /* @__PURE__ */ new Set([
      "attachment",
      "progress",
      "summary",
      "custom-title",
      "ai-title",
      "tag",
      "last-prompt",
      "queue-operation",
      "cost-state",
      "file-history-snapshot",
      "file-history-delta",
      "attribution-snapshot",
      "ended-by-model",
      "continued-in",
      "relocated",
      "agent-name",
      "agent-color",
      "agent-setting",
      "pr-link",
      "frame-link",
      "artifact-comment-monitor",
      "artifact-autoreact-ledger",
      "bridge-session",
      "history-suppression",
      "mode",
      "permission-mode",
      "isolation-latch",
      "session-owner",
      "dev-mods",
      "memory-mode",
      "atis-latch",
      "tools-used",
      "data-flow-records",
      "data-flow-incomplete",
      "derived-from",
      "worktree-state",
      "content-replacement",
      "api-request-shape",
      "api-request-blob",
      "api-request",
      "api-request-resumed",
      "fork-context-ref",
      "observer-ref",
      "resume-head-vouch"
    ]);
    AGENT_TOOL_NAMES = /* @__PURE__ */ new Set(["Task", "Agent"]);
    FILE_WRITING_TOOLS = /* @__PURE__ */ new Set([
      "Write",
      "Edit",
      "MultiEdit",
      "NotebookEdit"
    ]);
  }
});

// src/core/transcript/content.ts
function between(text, open2, close) {
  const a = text.indexOf(open2);
  if (a === -1) return void 0;
  const start = a + open2.length;
  const b = text.indexOf(close, start);
  return b === -1 ? void 0 : text.slice(start, b);
}
function classifyUserText(text) {
  if (text.charCodeAt(0) === 60) {
    if (text.startsWith("<command-")) {
      const name = between(text, "<command-name>", "</command-name>");
      if (name !== void 0) {
        const args = (between(text, "<command-args>", "</command-args>") ?? "").trim();
        const cmd = name.trim();
        return { kind: "prompt", text: args ? `${cmd} ${args}` : cmd, command: { name: cmd, args } };
      }
    }
    if (text.startsWith("<local-command-stdout>") || text.startsWith("<local-command-stderr>")) {
      return { kind: "system", subtype: "local_command", text: stripTags(text) };
    }
    if (text.startsWith("<bash-input>")) {
      return { kind: "prompt", text: `!${between(text, "<bash-input>", "</bash-input>") ?? ""}` };
    }
    if (text.startsWith("<bash-stdout>") || text.startsWith("<bash-stderr>")) {
      return { kind: "system", subtype: "bash_output", text: stripTags(text) };
    }
    if (text.startsWith(TASK_NOTIFICATION)) {
      return { kind: "system", subtype: "task_notification", text: taskNotificationText(text) };
    }
  } else if (text.startsWith("[Request interrupted by user")) {
    return { kind: "system", subtype: "interrupted", text };
  }
  return { kind: "prompt", text };
}
function taskNotificationText(text) {
  const summary = between(text, "<summary>", "</summary>")?.trim();
  if (summary) return summary;
  return text.replace(/<\/?[a-z][a-z-]*>/g, " ").replace(/\s+/g, " ").trim();
}
function stripTags(text) {
  return text.replace(/<\/?(?:local-command-stdout|local-command-stderr|bash-stdout|bash-stderr)>/g, "").trim();
}
function flattenToolResultContent(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content))
    return content === void 0 || content === null ? "" : JSON.stringify(content);
  const parts = [];
  for (const block of content) {
    if (typeof block === "string") parts.push(block);
    else if (isObj(block)) {
      if (block.type === "text" && typeof block.text === "string") parts.push(block.text);
      else if (block.type === "image") parts.push("[image]");
      else parts.push(`[${typeof block.type === "string" ? block.type : "content"}]`);
    }
  }
  return parts.join("\n");
}
function titleFromPrompt(text, max = 80) {
  const trimmed = text.trim();
  const nl = trimmed.indexOf("\n");
  const line = (nl === -1 ? trimmed : trimmed.slice(0, nl)).trim();
  if (line === "") return void 0;
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}
var TASK_NOTIFICATION;
var init_content = __esm({
  "src/core/transcript/content.ts"() {
    "use strict";
    init_guards();
    TASK_NOTIFICATION = "<task-notification>";
  }
});

// src/core/transcript/cost-state.ts
function parseCostState(rec) {
  const cost = rec.totalCostUSD;
  const models = rec.modelUsage;
  if (typeof cost !== "number" || !Number.isFinite(cost) || cost < 0 || !isObj(models)) return void 0;
  const tokens = { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
  for (const u of Object.values(models)) {
    if (!isObj(u)) continue;
    tokens.input += count(u.inputTokens);
    tokens.output += count(u.outputTokens);
    tokens.cacheRead += count(u.cacheReadInputTokens);
    tokens.cacheWrite += count(u.cacheCreationInputTokens);
  }
  return { tokens, costUsd: cost };
}
var init_cost_state = __esm({
  "src/core/transcript/cost-state.ts"() {
    "use strict";
    init_guards();
  }
});

// src/core/pricing.ts
function priceForModel(model) {
  const id = model.toLowerCase();
  for (const rule2 of PRICE_RULES) {
    if (rule2.pattern.test(id)) {
      return {
        input: rule2.input,
        output: rule2.output,
        cacheRead: rule2.cacheRead,
        cacheWrite5m: rule2.input * 1.25,
        cacheWrite1h: rule2.input * 2
      };
    }
  }
  return null;
}
function estimateCostUsd(usage2) {
  let total = 0;
  for (const [model, u] of usage2) {
    if (u.input + u.output + u.cacheRead + u.cacheWrite === 0) continue;
    const p = priceForModel(model);
    if (p === null) return null;
    const write1h = Math.min(u.cacheWrite1h ?? 0, u.cacheWrite);
    total += u.input * p.input + u.output * p.output + u.cacheRead * p.cacheRead + (u.cacheWrite - write1h) * p.cacheWrite5m + write1h * p.cacheWrite1h;
  }
  return Math.round(total * 1e3) / 1e9;
}
var PRICE_RULES;
var init_pricing = __esm({
  "src/core/pricing.ts"() {
    "use strict";
    PRICE_RULES = [
      // Opus
      { pattern: /opus-5-5/, input: 4, output: 20, cacheRead: 0.2 },
      // Opus 4 and 4.1 (ids like claude-opus-4-20250514, claude-opus-4-1@20250805, claude-opus-4-0) and Opus 3.
      {
        pattern: /opus-4(?:-[01])?(?=$|[^\d-]|-\d{8})|claude-3-opus|opus-3/,
        input: 15,
        output: 75,
        cacheRead: 1.5
      },
      // Opus 4.5 through 5.
      { pattern: /opus/, input: 5, output: 25, cacheRead: 0.5 },
      // Sonnet
      { pattern: /sonnet-5/, input: 2, output: 10, cacheRead: 0.2 },
      // Sonnet 3.5 through 4.6.
      { pattern: /sonnet/, input: 3, output: 15, cacheRead: 0.3 },
      // Haiku
      { pattern: /haiku-5/, input: 0.1, output: 0.5, cacheRead: 0.01 },
      { pattern: /haiku-3-5|3-5-haiku/, input: 0.8, output: 4, cacheRead: 0.08 },
      { pattern: /claude-3-haiku|haiku-3(?!-5)/, input: 0.25, output: 1.25, cacheRead: 0.03 },
      // Haiku 4.5.
      { pattern: /haiku/, input: 1, output: 5, cacheRead: 0.1 }
    ];
  }
});

// src/core/transcript/usage-bucket.ts
function emptyUsage() {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 };
}
function addTo(into, d) {
  into.input += d.input;
  into.output += d.output;
  into.cacheRead += d.cacheRead;
  into.cacheWrite += d.cacheWrite;
  into.cacheWrite1h += d.cacheWrite1h;
}
var SYNTHETIC_MODEL, UsageBucket;
var init_usage_bucket = __esm({
  "src/core/transcript/usage-bucket.ts"() {
    "use strict";
    init_pricing();
    SYNTHETIC_MODEL = "<synthetic>";
    UsageBucket = class _UsageBucket {
      total = emptyUsage();
      /** A Map: model names are data. The synthetic model (client-made messages) is in the total, never priced. */
      byModel = /* @__PURE__ */ new Map();
      add(model, d) {
        addTo(this.total, d);
        if (model === SYNTHETIC_MODEL) return;
        let m = this.byModel.get(model);
        if (m === void 0) this.byModel.set(model, m = emptyUsage());
        addTo(m, d);
      }
      merge(other) {
        for (const [model, u] of other.byModel) this.add(model, u);
        const priced = emptyUsage();
        for (const u of other.byModel.values()) addTo(priced, u);
        addTo(this.total, {
          input: other.total.input - priced.input,
          output: other.total.output - priced.output,
          cacheRead: other.total.cacheRead - priced.cacheRead,
          cacheWrite: other.total.cacheWrite - priced.cacheWrite,
          cacheWrite1h: other.total.cacheWrite1h - priced.cacheWrite1h
        });
      }
      clone() {
        const c = new _UsageBucket();
        c.merge(this);
        return c;
      }
      get empty() {
        const t = this.total;
        return t.input + t.output + t.cacheRead + t.cacheWrite === 0;
      }
      tokens() {
        const t = this.total;
        return { input: t.input, output: t.output, cacheRead: t.cacheRead, cacheWrite: t.cacheWrite };
      }
      costUsd() {
        return estimateCostUsd(this.byModel);
      }
    };
  }
});

// src/core/transcript/totals-accumulator.ts
var TotalsAccumulator;
var init_totals_accumulator = __esm({
  "src/core/transcript/totals-accumulator.ts"() {
    "use strict";
    init_cost_state();
    init_guards();
    init_known_types();
    init_usage_bucket();
    init_usage_bucket();
    TotalsAccumulator = class {
      /** Usage already counted per API response, keyed by message.id + requestId. */
      seenResponses = /* @__PURE__ */ new Map();
      /** Main-chain responses (the main transcript file, not sidechains). */
      main = new UsageBucket();
      /** Main-chain responses written after the last cost-state record (Claude Code had not counted them yet). */
      sinceCostState = new UsageBucket();
      agents = /* @__PURE__ */ new Map();
      costState;
      costStateMs = -Infinity;
      inherited;
      prompts = 0;
      messages = 0;
      toolCalls = 0;
      toolErrors = 0;
      tools = /* @__PURE__ */ new Map();
      // a Map: tool names are data, even `__proto__`
      files = /* @__PURE__ */ new Set();
      /**
       * Counts an assistant record's usage. One API response is written as several records that share message.id
       * and requestId and each repeat the usage, so a response is counted once. Early records of a response can
       * carry partial counts (output_tokens: 1 while streaming), so the largest value seen per field wins.
       */
      addUsage(rec, msg, agentId, ms = NaN) {
        const u = objAt(msg, "usage");
        if (u === void 0) return;
        const next = {
          input: count(u.input_tokens),
          output: count(u.output_tokens),
          cacheRead: count(u.cache_read_input_tokens),
          cacheWrite: count(u.cache_creation_input_tokens),
          cacheWrite1h: count(objAt(u, "cache_creation")?.ephemeral_1h_input_tokens)
        };
        const messageId = str(msg.id);
        const requestId = str(rec.requestId);
        let delta = next;
        if (messageId !== void 0 || requestId !== void 0) {
          const key = `${messageId ?? ""}\0${requestId ?? ""}`;
          const prev = this.seenResponses.get(key);
          if (prev !== void 0) {
            delta = {
              input: Math.max(0, next.input - prev.input),
              output: Math.max(0, next.output - prev.output),
              cacheRead: Math.max(0, next.cacheRead - prev.cacheRead),
              cacheWrite: Math.max(0, next.cacheWrite - prev.cacheWrite),
              cacheWrite1h: Math.max(0, next.cacheWrite1h - prev.cacheWrite1h)
            };
            prev.input += delta.input;
            prev.output += delta.output;
            prev.cacheRead += delta.cacheRead;
            prev.cacheWrite += delta.cacheWrite;
            prev.cacheWrite1h += delta.cacheWrite1h;
          } else {
            this.seenResponses.set(key, { ...next });
          }
        }
        if (delta.input + delta.output + delta.cacheRead + delta.cacheWrite === 0) return;
        const model = str(msg.model) ?? "unknown";
        if (agentId === void 0) {
          this.main.add(model, delta);
          this.sinceCostState.add(model, delta);
          return;
        }
        let a = this.agents.get(agentId);
        if (a === void 0) this.agents.set(agentId, a = { bucket: new UsageBucket(), firstMs: Infinity });
        a.bucket.add(model, delta);
        if (ms < a.firstMs) a.firstMs = ms;
      }
      /**
       * A `cost-state` record of the main transcript: Claude Code's running totals, compaction calls and interrupted
       * streams included. The last one wins; usage written after it is added on top. `atMs` is the newest main-file
       * timestamp so far (subagent responses after it were not in the figure yet).
       */
      addCostState(rec, atMs) {
        const cs = parseCostState(rec);
        if (cs === void 0) return;
        const seen = this.main.total;
        const t = cs.tokens;
        if (t.input < seen.input || t.output < seen.output || t.cacheRead < seen.cacheRead || t.cacheWrite < seen.cacheWrite) {
          return;
        }
        this.costState = cs;
        this.costStateMs = atMs;
        this.sinceCostState = new UsageBucket();
      }
      /** Everything counted so far is a fork's inherited history (called after each record copied from the parent). */
      markInherited(turns) {
        this.inherited = { main: this.main.clone(), turns, prompts: this.prompts, messages: this.messages };
      }
      /** Conversation counts (prompts, messages) come from the main chain only; tool work counts everywhere. */
      addEvent(e, mainChain) {
        switch (e.kind) {
          case "prompt":
            if (mainChain) {
              this.prompts++;
              this.messages++;
            }
            break;
          case "text":
            if (mainChain) this.messages++;
            break;
          case "tool_call": {
            this.toolCalls++;
            this.tools.set(e.name, (this.tools.get(e.name) ?? 0) + 1);
            if (FILE_WRITING_TOOLS.has(e.name) && isObj(e.input)) {
              const file = str(e.input.file_path) ?? str(e.input.notebook_path) ?? str(e.input.path);
              if (file !== void 0) this.files.add(file);
            }
            break;
          }
          case "tool_result":
            if (e.isError) this.toolErrors++;
            break;
          default:
            break;
        }
      }
      finish(o) {
        const { tokens, costUsd } = this.usageTotals();
        const totals = {
          tokens,
          costUsd,
          turns: o.turns,
          prompts: this.prompts,
          messages: this.messages,
          toolCalls: this.toolCalls,
          toolErrors: this.toolErrors,
          tools: Object.fromEntries(this.tools),
          filesTouched: [...this.files],
          durationMs: o.durationMs
        };
        const inherited = this.inheritedTotals(o);
        if (inherited !== void 0) totals.inherited = inherited;
        const subagents = this.subagentUsage(o);
        if (subagents.length > 0) totals.subagents = subagents;
        return totals;
      }
      /** Each subagent's own responses, by spawning call, in spawn order (then by agent id). */
      subagentUsage(o) {
        const rank = o.spawnRank ?? (() => 0);
        return [...this.agents].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([agentId, a]) => {
          const toolUseId = o.spawnedBy?.get(agentId);
          return {
            agentId,
            ...toolUseId ? { toolUseId } : {},
            tokens: a.bucket.tokens(),
            costUsd: a.bucket.costUsd()
          };
        });
      }
      /** Claude Code's last cost-state plus what came after it; without one, every response at list prices. */
      usageTotals() {
        const cs = this.costState;
        if (cs === void 0) {
          const all = this.main.clone();
          for (const a of this.agents.values()) all.merge(a.bucket);
          return { tokens: all.tokens(), costUsd: all.costUsd() };
        }
        const after = this.sinceCostState.clone();
        for (const a of this.agents.values()) if (a.firstMs > this.costStateMs) after.merge(a.bucket);
        if (after.empty) return { tokens: { ...cs.tokens }, costUsd: cs.costUsd };
        const t = after.tokens();
        const extra = after.costUsd();
        return {
          tokens: {
            input: cs.tokens.input + t.input,
            output: cs.tokens.output + t.output,
            cacheRead: cs.tokens.cacheRead + t.cacheRead,
            cacheWrite: cs.tokens.cacheWrite + t.cacheWrite
          },
          costUsd: extra === null ? null : Math.round((cs.costUsd + extra) * 1e9) / 1e9
        };
      }
      inheritedTotals(o) {
        const snap = this.inherited;
        if (snap === void 0) return void 0;
        const usage2 = snap.main.clone();
        for (const id of o.inheritedAgents) {
          const a = this.agents.get(id);
          if (a !== void 0) usage2.merge(a.bucket);
        }
        return {
          tokens: usage2.tokens(),
          costUsd: usage2.costUsd(),
          durationMs: Math.min(o.inheritedDurationMs, o.durationMs),
          turns: Math.min(snap.turns, o.turns),
          prompts: snap.prompts,
          messages: snap.messages
        };
      }
    };
  }
});

// src/core/transcript/meta-accumulator.ts
function lastPathSegment(p) {
  const parts = p.split(/[\\/]+/).filter((s) => s !== "");
  return parts[parts.length - 1];
}
var UUID_RE, MetaAccumulator;
var init_meta_accumulator = __esm({
  "src/core/transcript/meta-accumulator.ts"() {
    "use strict";
    init_guards();
    init_content();
    init_totals_accumulator();
    UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    MetaAccumulator = class {
      /** Distinct sessionIds of main-file records, in order of first appearance. */
      sessionIds = [];
      /** Distinct `requestSessionId`s: on records a fork copied, Claude Code keeps the parent's id there. */
      requestSessionIds = [];
      cwd;
      gitBranch;
      version;
      models = /* @__PURE__ */ new Set();
      startMs = Infinity;
      endMs = -Infinity;
      startedAt;
      endedAt;
      customTitle;
      aiTitle;
      summary;
      firstPromptTitle;
      /** Any record: its timestamp widens the session's time span. */
      observeTime(rec) {
        const ts = rec.timestamp;
        if (typeof ts !== "string") return;
        const ms = Date.parse(ts);
        if (Number.isNaN(ms)) return;
        if (ms < this.startMs) {
          this.startMs = ms;
          this.startedAt = ts;
        }
        if (ms > this.endMs) {
          this.endMs = ms;
          this.endedAt = ts;
        }
      }
      /** Records of the main transcript file: where and with what the session ran. */
      observeMain(rec) {
        const sid = str(rec.sessionId);
        if (sid !== void 0 && !this.sessionIds.includes(sid)) this.sessionIds.push(sid);
        const rsid = str(rec.requestSessionId);
        if (rsid !== void 0 && !this.requestSessionIds.includes(rsid)) this.requestSessionIds.push(rsid);
        this.cwd ??= str(rec.cwd);
        const branch = str(rec.gitBranch);
        if (branch !== void 0) this.gitBranch = branch;
        const version = str(rec.version);
        if (version !== void 0) this.version = version;
      }
      observeModel(model) {
        if (model !== void 0 && model !== SYNTHETIC_MODEL) this.models.add(model);
      }
      /** Title records: the last of each kind wins, as in Claude Code's own session list. */
      observeTitle(rec) {
        if (rec.type === "custom-title") this.customTitle = str(rec.customTitle) ?? this.customTitle;
        else if (rec.type === "ai-title") this.aiTitle = str(rec.aiTitle) ?? this.aiTitle;
        else if (rec.type === "summary") this.summary = str(rec.summary) ?? this.summary;
      }
      observeFirstPrompt(text) {
        this.firstPromptTitle ??= titleFromPrompt(text);
      }
      /** Earliest timestamp seen (ms), or Infinity. */
      get startTime() {
        return this.startMs;
      }
      /** Newest timestamp seen (ms), or -Infinity. */
      get endTime() {
        return this.endMs;
      }
      get durationMs() {
        return Number.isFinite(this.startMs) && this.endMs >= this.startMs ? Math.round(this.endMs - this.startMs) : 0;
      }
      /**
       * The session id is the file's own name when it is a UUID or records carry it (Claude Code names files by
       * session id), else the newest sessionId seen, else the file name. A forked file (`--fork-session`) starts with
       * history copied from its parent: Claude Code 2.1.330 rewrites their sessionId but keeps the parent's id in
       * `requestSessionId` of copied assistant records; other versions may keep the old sessionId. The first id that
       * differs from the session's own is the parent.
       */
      finish(fileStem) {
        const ids = this.sessionIds;
        const id = UUID_RE.test(fileStem) || ids.includes(fileStem) ? fileStem : ids[ids.length - 1] ?? fileStem;
        const meta = { id, models: [...this.models] };
        if (this.cwd !== void 0) {
          meta.cwd = this.cwd;
          const project = lastPathSegment(this.cwd);
          if (project !== void 0) meta.project = project;
        }
        if (this.gitBranch !== void 0) meta.gitBranch = this.gitBranch;
        if (this.startedAt !== void 0) meta.startedAt = this.startedAt;
        if (this.endedAt !== void 0) meta.endedAt = this.endedAt;
        const title = this.customTitle ?? this.aiTitle ?? this.summary ?? this.firstPromptTitle;
        if (title !== void 0) meta.title = title;
        const parent = ids.find((s) => s !== id) ?? this.requestSessionIds.find((s) => s !== id);
        if (parent !== void 0) meta.parentSessionId = parent;
        if (this.version !== void 0) meta.claudeVersion = this.version;
        return meta;
      }
    };
  }
});

// src/core/transcript/record-events.ts
function systemOrigin(rec) {
  const kind = str(objAt(rec, "origin")?.kind);
  if (kind === "task-notification") return "task_notification";
  if (rec.promptSource === "system") return kind !== void 0 ? kind.replace(/-/g, "_") : "system_prompt";
  return void 0;
}
function userRecordEvents(rec, ctx) {
  const list = new EventList(ctx);
  const content = objAt(rec, "message")?.content;
  if (rec.isCompactSummary === true) {
    const text = typeof content === "string" ? content : flattenToolResultContent(content);
    list.add({ kind: "system", subtype: "compaction_summary", text });
    return list.events;
  }
  const origin = systemOrigin(rec);
  if (origin !== void 0 && (typeof content === "string" || !hasToolResult(content))) {
    const raw = typeof content === "string" ? content : flattenToolResultContent(content);
    const text = origin === "task_notification" ? taskNotificationText(raw) : raw;
    list.add({ kind: "system", subtype: origin, text });
    return list.events;
  }
  if (typeof content === "string") {
    if (content.trim() !== "") list.addUserText(classifyUserText(content));
    return list.events;
  }
  if (!Array.isArray(content)) return list.events;
  const texts = [];
  let firstText = -1;
  for (let i = 0; i < content.length; i++) {
    const t = userBlockText(content[i]);
    if (t === void 0) continue;
    texts.push(t);
    if (firstText === -1) firstText = i;
  }
  for (let i = 0; i < content.length; i++) {
    const block = content[i];
    if (i === firstText) list.addUserText(classifyUserText(texts.join("\n\n")));
    else if (isObj(block) && block.type === "tool_result") {
      list.add({
        kind: "tool_result",
        toolUseId: str(block.tool_use_id) ?? "",
        content: flattenToolResultContent(block.content),
        isError: block.is_error === true
      });
    }
  }
  return list.events;
}
function hasToolResult(content) {
  return Array.isArray(content) && content.some((b) => isObj(b) && b.type === "tool_result");
}
function attachmentRecordEvents(rec, ctx) {
  const att = objAt(rec, "attachment");
  if (att?.type !== "queued_command") return null;
  const raw = att.prompt;
  const text = typeof raw === "string" ? raw : Array.isArray(raw) ? queuedBlocksText(raw) : "";
  const list = new EventList(ctx);
  if (text.trim() === "") return list.events;
  const mode = str(att.commandMode);
  if (mode === "task-notification" || str(objAt(att, "origin")?.kind) === "task-notification") {
    list.add({ kind: "system", subtype: "task_notification", text: taskNotificationText(text) });
  } else if (mode === "bash") {
    list.add({ kind: "prompt", text: text.startsWith("!") ? text : `!${text}` });
  } else {
    list.addUserText(classifyUserText(text));
  }
  return list.events;
}
function queuedBlocksText(blocks) {
  const parts = [];
  for (const b of blocks) {
    const t = userBlockText(b);
    if (t !== void 0) parts.push(t);
  }
  return parts.join("\n\n");
}
function userBlockText(block) {
  if (!isObj(block)) return void 0;
  if (block.type === "image") return "[image]";
  if (block.type === "text" && typeof block.text === "string" && block.text !== "") return block.text;
  return void 0;
}
function assistantRecordEvents(rec, ctx, stats) {
  const list = new EventList(ctx);
  const msg = objAt(rec, "message");
  const content = msg?.content;
  if (rec.isApiErrorMessage === true) {
    const text = typeof content === "string" ? content : Array.isArray(content) ? flattenToolResultContent(content) : "";
    list.add({ kind: "system", subtype: "api_error", text: text || str(rec.error) || "API error" });
    return list.events;
  }
  const messageId = str(msg?.id);
  const model = str(msg?.model);
  if (typeof content === "string") {
    if (content !== "") list.add(textEvent(content, messageId, model));
    return list.events;
  }
  if (!Array.isArray(content)) return list.events;
  for (const block of content) {
    if (!isObj(block)) continue;
    const type = block.type;
    if (type === "text") {
      if (typeof block.text === "string" && block.text !== "")
        list.add(textEvent(block.text, messageId, model));
    } else if (type === "thinking") {
      if (typeof block.thinking === "string" && block.thinking !== "") {
        list.add({ kind: "thinking", text: block.thinking });
      }
    } else if (type === "tool_use" || type === "server_tool_use" || type === "mcp_tool_use") {
      list.add({
        kind: "tool_call",
        toolUseId: str(block.id) ?? "",
        name: str(block.name) ?? "unknown",
        input: block.input ?? {}
      });
    } else if (typeof type === "string" && type.endsWith("_tool_result")) {
      list.add({
        kind: "tool_result",
        toolUseId: str(block.tool_use_id) ?? "",
        content: flattenToolResultContent(block.content),
        isError: block.is_error === true
      });
    } else if (type !== "redacted_thinking") {
      countUnknownType(stats, `block:${typeof type === "string" ? type : "untyped"}`);
    }
  }
  return list.events;
}
function textEvent(text, messageId, model) {
  const e = { kind: "text", text };
  if (messageId !== void 0) e.messageId = messageId;
  if (model !== void 0) e.model = model;
  return e;
}
function systemRecordEvents(rec, ctx, stats) {
  const list = new EventList(ctx);
  const subtype = str(rec.subtype) ?? "";
  if (subtype === "compact_boundary") {
    stats.compactions++;
    const meta = objAt(rec, "compactMetadata");
    const trigger = str(meta?.trigger);
    const pre = typeof meta?.preTokens === "number" ? meta.preTokens : void 0;
    const detail = [trigger, pre !== void 0 ? `${pre} tokens before` : void 0].filter(Boolean).join(", ");
    const text = str(rec.content) ?? "Conversation compacted";
    list.add({ kind: "system", subtype: "compaction", text: detail ? `${text} (${detail})` : text });
  } else if (subtype === "api_error") {
    list.add({ kind: "system", subtype: "api_error", text: apiErrorText(rec) });
  } else if (rec.level === "error") {
    list.add({ kind: "system", subtype: subtype || "error", text: str(rec.content) ?? subtype });
  }
  return list.events;
}
function apiErrorText(rec) {
  const err = rec.error;
  let message = str(rec.content) ?? str(err);
  if (message === void 0 && isObj(err)) {
    message = str(err.message) ?? str(objAt(err, "error")?.message) ?? str(err.type);
    const status = typeof err.status === "number" ? err.status : void 0;
    if (status !== void 0) message = `${status} ${message ?? ""}`.trim();
  }
  const attempt = typeof rec.retryAttempt === "number" ? rec.retryAttempt : void 0;
  const max = typeof rec.maxRetries === "number" ? rec.maxRetries : void 0;
  const retry = attempt !== void 0 ? ` (retry ${attempt}${max !== void 0 ? `/${max}` : ""})` : "";
  return `API error: ${message ?? "unknown"}${retry}`;
}
var EventList;
var init_record_events = __esm({
  "src/core/transcript/record-events.ts"() {
    "use strict";
    init_content();
    init_guards();
    init_read_stats();
    EventList = class {
      constructor(ctx) {
        this.ctx = ctx;
      }
      ctx;
      events = [];
      add(fields) {
        const n = this.events.length;
        const e = { uuid: n === 0 ? this.ctx.uuid : `${this.ctx.uuid}#${n}`, ...fields };
        if (this.ctx.parentUuid !== void 0) e.parentUuid = this.ctx.parentUuid;
        if (this.ctx.timestamp !== void 0) e.timestamp = this.ctx.timestamp;
        if (this.ctx.agentId !== void 0) e.agentId = this.ctx.agentId;
        this.events.push(e);
      }
      addUserText(t) {
        if (t.kind === "system") this.add({ kind: "system", subtype: t.subtype, text: t.text });
        else if (t.command) this.add({ kind: "prompt", text: t.text, command: t.command });
        else this.add({ kind: "prompt", text: t.text });
      }
    };
  }
});

// src/core/transcript/subagent-links.ts
function rootPrompt(rec) {
  if (rec.type !== "user") return void 0;
  const content = objAt(rec, "message")?.content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return void 0;
  const texts = content.filter((b) => isObj(b) && b.type === "text" && typeof b.text === "string");
  return texts.length ? texts.map((b) => b.text).join("\n\n") : void 0;
}
var SubagentLinks;
var init_subagent_links = __esm({
  "src/core/transcript/subagent-links.ts"() {
    "use strict";
    init_guards();
    SubagentLinks = class {
      /** Subagent id → the tool_use id of the call that spawned it. */
      toolUseOf = /* @__PURE__ */ new Map();
      /** Agent/Task calls of the main chain in call order (the order the parent spawned them). */
      calls = [];
      callById = /* @__PURE__ */ new Map();
      linkedCalls = /* @__PURE__ */ new Set();
      /** Old inline sidechains (no agentId): record uuid → its chain's id. */
      inlineChain = /* @__PURE__ */ new Map();
      addCall(toolUseId, input, turn, seq) {
        if (toolUseId === "" || this.callById.has(toolUseId)) return;
        const prompt = isObj(input) ? str(input.prompt) : void 0;
        const call = { toolUseId, prompt, turn, seq };
        this.calls.push(call);
        this.callById.set(toolUseId, call);
      }
      callOf(agentId) {
        const id = this.toolUseOf.get(agentId);
        return id === void 0 ? void 0 : this.callById.get(id);
      }
      link(agentId, toolUseId) {
        if (this.toolUseOf.has(agentId)) return;
        this.toolUseOf.set(agentId, toolUseId);
        this.linkedCalls.add(toolUseId);
      }
      /** A main-chain tool result of an Agent/Task call names the subagent it ran (`toolUseResult.agentId`). */
      linkFromResult(rec) {
        const result = rec.toolUseResult;
        if (!isObj(result)) return;
        const agentId = str(result.agentId);
        if (agentId === void 0 || this.toolUseOf.has(agentId)) return;
        const content = objAt(rec, "message")?.content;
        if (!Array.isArray(content)) return;
        for (const block of content) {
          if (isObj(block) && block.type === "tool_result") {
            const id = str(block.tool_use_id);
            if (id !== void 0) this.link(agentId, id);
            return;
          }
        }
      }
      /**
       * The agent id of a sidechain record found inside the main transcript. Claude Code 2.x names it (`agentId`);
       * 1.x did not, so records are grouped into chains by parentUuid, each chain rooted at the subagent's prompt and
       * linked to the not yet answered Task call that handed it that prompt (parallel calls each get their own).
       */
      inlineAgentId(rec, uuid) {
        const named = str(rec.agentId);
        if (named !== void 0) return named;
        const parent = str(rec.parentUuid);
        let chain = parent === void 0 ? void 0 : this.inlineChain.get(parent);
        if (chain === void 0) {
          chain = `sidechain-${uuid ?? this.inlineChain.size}`;
          const call = this.matchCall(rootPrompt(rec));
          if (call !== void 0) this.link(chain, call.toolUseId);
        }
        if (uuid !== void 0) this.inlineChain.set(uuid, chain);
        return chain;
      }
      matchCall(prompt) {
        let fallback;
        for (const c of this.calls) {
          if (this.linkedCalls.has(c.toolUseId)) continue;
          if (prompt !== void 0 && c.prompt !== void 0 && c.prompt.trim() === prompt.trim()) return c;
          fallback ??= c;
        }
        return fallback;
      }
      /** Rank of a subagent in spawn order (the call's position); unlinked ones after all linked ones. */
      rank(agentId) {
        const call = this.callOf(agentId);
        return call === void 0 ? Number.MAX_SAFE_INTEGER : this.calls.indexOf(call);
      }
    };
  }
});

// src/core/transcript/session-builder.ts
var MAIN, SessionBuilder;
var init_session_builder = __esm({
  "src/core/transcript/session-builder.ts"() {
    "use strict";
    init_guards();
    init_known_types();
    init_meta_accumulator();
    init_read_stats();
    init_record_events();
    init_subagent_links();
    init_totals_accumulator();
    MAIN = {};
    SessionBuilder = class {
      constructor(stats, opts = {}) {
        this.stats = stats;
        this.opts = opts;
      }
      stats;
      opts;
      seen = /* @__PURE__ */ new Set();
      turn = -1;
      turnCtx = [];
      agentCtx = /* @__PURE__ */ new Map();
      links = new SubagentLinks();
      meta = new MetaAccumulator();
      totals = new TotalsAccumulator();
      /** Main-file records read (deduplicated): positions to compare agent calls with a fork's inherited boundary. */
      mainSeq = 0;
      /** Position of the last main record a fork copied from its parent (-1: none, this is no fork). */
      inheritedSeq = -1;
      /** Earliest timestamp of a main record after the inherited history (a fork's own start). */
      ownStartMs = Infinity;
      /** Subagent id → the Task/Agent tool_use that spawned it (from the tool result's `toolUseResult.agentId`). */
      get agentToolUse() {
        return this.links.toolUseOf;
      }
      /** Adds one record; its events (if any) are appended to `out` in order. */
      addRecord(rec, offset, out, source = MAIN) {
        const recordUuid = str(rec.uuid);
        if (recordUuid !== void 0) {
          if (this.seen.has(recordUuid)) {
            this.stats.duplicateRecords++;
            return;
          }
          this.seen.add(recordUuid);
        }
        const isMain = source.agentId === void 0;
        this.meta.observeTime(rec);
        if (isMain) {
          this.meta.observeMain(rec);
          this.mainSeq++;
        }
        if (rec.isMeta === true) this.stats.metaRecords++;
        const agentId = source.agentId ?? (rec.isSidechain === true ? this.links.inlineAgentId(rec, recordUuid) : void 0);
        const events = this.recordEvents(rec, offset, source, agentId, recordUuid);
        if (events !== null) for (const event of events) out.push({ event, ctx: this.place(event, agentId) });
        if (isMain) this.observeFork(rec);
      }
      /** The record's events, or null when it is deliberately skipped (then counted by type) or unknown. */
      recordEvents(rec, offset, source, agentId, recordUuid) {
        const isMain = source.agentId === void 0;
        const ctx = {
          uuid: recordUuid ?? (isMain ? `off:${offset}` : `off:${source.agentId}:${offset}`)
        };
        if (rec.parentUuid === null || typeof rec.parentUuid === "string") ctx.parentUuid = rec.parentUuid;
        if (typeof rec.timestamp === "string") ctx.timestamp = rec.timestamp;
        if (agentId !== void 0) ctx.agentId = agentId;
        const type = rec.type;
        if (type === "user") {
          if (rec.isMeta === true) return null;
          if (isMain && rec.isSidechain !== true) this.links.linkFromResult(rec);
          return userRecordEvents(rec, ctx);
        }
        if (type === "assistant") {
          const msg = objAt(rec, "message");
          if (msg !== void 0) {
            const ms = typeof rec.timestamp === "string" ? Date.parse(rec.timestamp) : NaN;
            this.totals.addUsage(rec, msg, agentId, ms);
            this.meta.observeModel(str(msg.model));
          }
          return assistantRecordEvents(rec, ctx, this.stats);
        }
        if (type === "system") {
          const events = systemRecordEvents(rec, ctx, this.stats);
          if (events.length === 0) countSkippedType(this.stats, `system:${str(rec.subtype) ?? "(none)"}`);
          return events;
        }
        if (type === "attachment") {
          const events = attachmentRecordEvents(rec, ctx);
          if (events === null) {
            countSkippedType(this.stats, `attachment:${str(objAt(rec, "attachment")?.type) ?? "(none)"}`);
          }
          return events;
        }
        if (typeof type === "string" && NON_EVENT_TYPES.has(type)) {
          if (type === "cost-state" && isMain) this.totals.addCostState(rec, this.meta.endTime);
          else this.meta.observeTitle(rec);
          countSkippedType(this.stats, type);
          return null;
        }
        countUnknownType(this.stats, typeof type === "string" ? type : "(no type)");
        return null;
      }
      /**
       * A fork (`--fork-session`) starts with its parent's history: Claude Code 2.1.330+ rewrites sessionId but keeps the
       * parent's id in `requestSessionId` of copied assistant records; older versions kept the old sessionId. Everything
       * up to the last such record is inherited.
       */
      observeFork(rec) {
        const sid = str(rec.sessionId);
        const rsid = str(rec.requestSessionId);
        const own = this.opts.sessionId;
        const copied = rsid !== void 0 && sid !== void 0 && rsid !== sid || own !== void 0 && sid !== void 0 && sid !== own;
        if (copied) {
          this.inheritedSeq = this.mainSeq;
          this.ownStartMs = Infinity;
          this.totals.markInherited(this.turn + 1);
          return;
        }
        if (this.inheritedSeq === -1 || typeof rec.timestamp !== "string") return;
        const ms = Date.parse(rec.timestamp);
        if (ms < this.ownStartMs) this.ownStartMs = ms;
      }
      /** Turn bookkeeping: each main-chain prompt opens a turn; events before the first prompt go to turn 0. */
      place(event, agentId) {
        if (agentId !== void 0) {
          this.totals.addEvent(event, false);
          return this.agentContext(agentId);
        }
        if (event.kind === "prompt") {
          this.turn++;
          this.meta.observeFirstPrompt(event.text);
        } else if (this.turn === -1) {
          this.turn = 0;
        }
        this.totals.addEvent(event, true);
        if (event.kind === "tool_call" && AGENT_TOOL_NAMES.has(event.name)) {
          this.links.addCall(event.toolUseId, event.input, this.turn, this.mainSeq);
        }
        let c = this.turnCtx[this.turn];
        if (c === void 0) this.turnCtx[this.turn] = c = { turnIndex: this.turn };
        return c;
      }
      /** The context of a subagent's events: the turn of its spawning call, and that call's id once it is known. */
      agentContext(agentId) {
        let c = this.agentCtx.get(agentId);
        if (c !== void 0 && (c.toolUseId !== void 0 || !this.links.toolUseOf.has(agentId))) return c;
        const call = this.links.callOf(agentId);
        const turnIndex = c?.turnIndex ?? call?.turn ?? Math.max(this.turn, 0);
        c = call === void 0 ? { turnIndex, agentId } : { turnIndex, agentId, toolUseId: call.toolUseId };
        this.agentCtx.set(agentId, c);
        return c;
      }
      /** The parent session id, when this transcript is a fork (as far as read). */
      parentSessionId(fileStem) {
        return this.meta.finish(fileStem).parentSessionId;
      }
      finish(fileStem) {
        const durationMs = this.meta.durationMs;
        const inheritedAgents = /* @__PURE__ */ new Set();
        if (this.inheritedSeq !== -1) {
          for (const agentId of this.links.toolUseOf.keys()) {
            const call = this.links.callOf(agentId);
            if (call !== void 0 && call.seq <= this.inheritedSeq) inheritedAgents.add(agentId);
          }
        }
        const start = this.meta.startTime;
        const inheritedDurationMs = Number.isFinite(this.ownStartMs) && Number.isFinite(start) ? Math.max(0, Math.round(this.ownStartMs - start)) : durationMs;
        return {
          meta: this.meta.finish(fileStem),
          totals: this.totals.finish({
            turns: this.turn + 1,
            durationMs,
            inheritedAgents,
            inheritedDurationMs,
            spawnedBy: this.links.toolUseOf,
            spawnRank: (agentId) => this.links.rank(agentId)
          })
        };
      }
    };
  }
});

// src/core/transcript/session-run.ts
async function deliver(batches, builder, source, onEvent, admit, held) {
  const out = [];
  for (; ; ) {
    const step = await batches.next();
    if (step.done) return step.value?.nextOffset ?? 0;
    for (const item of step.value) {
      if (admit && !admit(item.record)) continue;
      builder.addRecord(item.record, item.offset, out, source);
      if (out.length === 0) continue;
      for (const d of out) {
        if (held !== void 0 && d.ctx.agentId !== void 0) {
          let list = held.get(d.ctx.agentId);
          if (list === void 0) held.set(d.ctx.agentId, list = []);
          list.push(d);
          continue;
        }
        const r = onEvent(d.event, d.ctx);
        if (r !== void 0) await r;
      }
      out.length = 0;
    }
  }
}
async function runFeed(stem, feed, onEvent, withSubagents = true) {
  const builder = new SessionBuilder(createReadStats(), UUID_RE2.test(stem) ? { sessionId: stem } : {});
  const held = /* @__PURE__ */ new Map();
  const nextOffset = await deliver(
    feed.main(builder.stats),
    builder,
    void 0,
    onEvent,
    feed.admit?.(),
    held
  );
  const files = withSubagents ? await feed.subagents(builder) : [];
  const agents = [.../* @__PURE__ */ new Set([...held.keys(), ...files.map((f) => f.agentId)])];
  const firstSeen = new Map(agents.map((a, i) => [a, i]));
  agents.sort(
    (a, b) => builder.links.rank(a) - builder.links.rank(b) || firstSeen.get(a) - firstSeen.get(b)
  );
  for (const agentId of agents) {
    for (const d of held.get(agentId) ?? []) {
      const r = onEvent(d.event, builder.agentContext(agentId));
      if (r !== void 0) await r;
    }
    for (const file of files) {
      if (file.agentId === agentId)
        await deliver(file.read(builder.stats), builder, { agentId }, onEvent, feed.admit?.());
    }
  }
  const { meta, totals } = builder.finish(stem);
  return { meta, totals, stats: builder.stats, nextOffset, agentToolUse: builder.agentToolUse };
}
var UUID_RE2;
var init_session_run = __esm({
  "src/core/transcript/session-run.ts"() {
    "use strict";
    init_read_stats();
    init_session_builder();
    UUID_RE2 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  }
});

// src/core/transcript/stream-session.ts
import { basename as basename2, dirname as dirname2, join as join2 } from "node:path";
async function subagentFilesFor(path, builder, stem) {
  const files = await findSubagentFiles(path);
  const parent = builder.parentSessionId(stem);
  if (parent === void 0 || parent.includes("/") || parent.includes("\\")) return files;
  const have = new Set(files.map((f) => f.agentId));
  const wanted = [...builder.agentToolUse.keys()].filter((id) => !have.has(id));
  if (wanted.length === 0) return files;
  const fromParent = await findSubagentFiles(join2(dirname2(path), `${parent}.jsonl`));
  return [...files, ...fromParent.filter((f) => wanted.includes(f.agentId))];
}
function fileFeed(path, stem, opts) {
  const lineOpts = opts.maxLineBytes === void 0 ? {} : { maxLineBytes: opts.maxLineBytes };
  return {
    main: (stats) => readRecordBatches(path, { ...lineOpts, fromOffset: opts.fromOffset ?? 0, stats }),
    subagents: async (builder) => (await subagentFilesFor(path, builder, stem)).map((f) => ({
      agentId: f.agentId,
      read: (stats) => readRecordBatches(f.path, { ...lineOpts, stats })
    })),
    ...opts.admit ? { admit: opts.admit } : {}
  };
}
function runSession(path, onEvent, opts = {}) {
  const stem = basename2(path).replace(/\.jsonl$/, "");
  const withFiles = opts.subagents ?? (opts.fromOffset ?? 0) === 0;
  return runFeed(stem, fileFeed(path, stem, opts), onEvent, withFiles);
}
async function streamSession(transcriptPath, onEvent, opts = {}) {
  const { meta, totals, stats, nextOffset } = await runSession(transcriptPath, onEvent, opts);
  return { meta, totals, stats, nextOffset };
}
var init_stream_session = __esm({
  "src/core/transcript/stream-session.ts"() {
    "use strict";
    init_locate();
    init_read_records();
    init_session_run();
  }
});

// src/core/transcript/load-session.ts
function loadSession(transcriptPath, opts = {}) {
  return collectSession((onEvent) => runSession(transcriptPath, onEvent, opts));
}
var init_load_session = __esm({
  "src/core/transcript/load-session.ts"() {
    "use strict";
    init_collect_session();
    init_stream_session();
  }
});

// src/core/egress/seal.ts
function seal(value) {
  sealed.add(value);
  return value;
}
function isGated(value) {
  return value !== null && typeof value === "object" && sealed.has(value);
}
var sealed;
var init_seal = __esm({
  "src/core/egress/seal.ts"() {
    "use strict";
    init_errors();
    sealed = /* @__PURE__ */ new WeakSet();
  }
});

// src/core/egress/entries.ts
function createEntryGate(deps) {
  const files = /* @__PURE__ */ new Map();
  const stateOf = (where) => {
    const key = `${where.sessionId ?? ""}\0${where.subKey ?? ""}`;
    let s = files.get(key);
    if (s === void 0) {
      s = { admit: deps.filterFor(where.sessionId), dropped: /* @__PURE__ */ new Map() };
      files.set(key, s);
    }
    return s;
  };
  const restored = (where) => {
    if (deps.fromTracker === void 0 || where.sessionId === void 0) return false;
    const at2 = where.offset ?? offsetOfKey(where.lineKey);
    return at2 !== void 0 && at2 < deps.fromTracker(where.sessionId, where.subKey ?? "");
  };
  const entry = (line, where) => {
    const record = typeof line === "string" ? parseObject2(line) : isPlainObject(line) ? line : null;
    if (record === null) return null;
    const state = stateOf(where);
    if (!state.admit(record)) {
      const uuid2 = record.uuid;
      if (typeof uuid2 === "string") state.dropped.set(uuid2, resolve(state.dropped, record.parentUuid));
      return null;
    }
    if (where.seen === true || restored(where)) return null;
    const gated = deps.value(relink(record, state.dropped));
    const uuid = gated.uuid;
    const item = { line: gated };
    if (where.subKey !== void 0 && where.subKey !== "") item.subKey = where.subKey;
    if (typeof uuid === "string" && uuid.length > 0 && uuid.length <= 200) item.uuid = uuid;
    else if (where.lineKey !== void 0) item.uuid = where.lineKey;
    return seal(item);
  };
  const items = (list, where) => {
    const out = [];
    for (const item of list) {
      if (isGated(item)) {
        out.push(item);
        continue;
      }
      const subKey = typeof item.subKey === "string" ? item.subKey : where.subKey;
      const g2 = entry(item.line, { sessionId: where.sessionId, subKey });
      if (g2 === null) continue;
      const uuid = typeof item.uuid === "string" && item.uuid.length > 0 ? deps.value(item.uuid) : void 0;
      out.push(g2.uuid === void 0 && uuid !== void 0 ? seal({ ...g2, uuid }) : g2);
    }
    return out;
  };
  return { entry, items };
}
function offsetOfKey(key) {
  const m = key === void 0 ? null : /^@(\d{1,15})$/.exec(key);
  return m ? Number(m[1]) : void 0;
}
function resolve(dropped, parent) {
  if (typeof parent !== "string") return null;
  const to = dropped.get(parent);
  return to === void 0 ? parent : to;
}
function relink(record, dropped) {
  if (dropped.size === 0) return record;
  let out = null;
  for (const k of LINKS) {
    const v2 = record[k];
    if (typeof v2 !== "string" || !dropped.has(v2)) continue;
    (out ??= { ...record })[k] = dropped.get(v2) ?? null;
  }
  return out ?? record;
}
function parseObject2(line) {
  try {
    const v2 = JSON.parse(line);
    return isPlainObject(v2) ? v2 : null;
  } catch {
    return null;
  }
}
var LINKS, isEntryItemList;
var init_entries = __esm({
  "src/core/egress/entries.ts"() {
    "use strict";
    init_guards();
    init_seal();
    LINKS = ["parentUuid", "logicalParentUuid"];
    isEntryItemList = (v2) => Array.isArray(v2) && v2.every((i) => isObj(i) && isPlainObject(i.line));
  }
});

// src/core/egress/pause-spans.ts
function pausedAtTime(spans, timestamp) {
  if (spans.length === 0) return false;
  const t = timestamp === void 0 ? NaN : Date.parse(timestamp);
  if (Number.isNaN(t)) return stillPaused(spans);
  return spans.some((p) => t >= Date.parse(p.from) && (p.to === void 0 || t <= Date.parse(p.to)));
}
function stillPaused(spans) {
  const last = spans[spans.length - 1];
  return last !== void 0 && last.to === void 0;
}
function createPauseFilter(lookup, fallbackSessionId) {
  const open2 = /* @__PURE__ */ new Map();
  const adopted = /* @__PURE__ */ new Set();
  const spansOf = (sid) => {
    const own = sid === void 0 ? [] : lookup(sid);
    if (adopted.size === 0) return own;
    const all = [...own];
    for (const other of adopted) if (other !== sid) all.push(...lookup(other));
    return all;
  };
  return (record) => {
    const sid = str2(record.sessionId) ?? fallbackSessionId;
    const uuid = str2(record.uuid);
    const parent = str2(record.requestSessionId);
    if (parent !== void 0 && parent !== sid) adopted.add(parent);
    if (uuid !== void 0 && lookup.startingAt) {
      for (const hit of lookup.startingAt(uuid)) if (hit.sessionId !== sid) adopted.add(hit.sessionId);
    }
    const spans = spansOf(sid);
    if (spans.length === 0 && open2.size === 0) return true;
    if (open2.size > 0) refreshOpen(open2, spans);
    let refused = open2.size > 0;
    if (uuid !== void 0) {
      for (const [k, o] of open2) {
        if (o.span.untilUuid === uuid) open2.delete(k);
        else o.passed.add(uuid);
      }
    }
    const timestamp = str2(record.timestamp);
    if (!refused && spans.length > 0) {
      refused = timestamp === void 0 ? uuid === void 0 && stillPaused(spans) : pausedAtTime(spans, timestamp);
    }
    if (uuid !== void 0) {
      for (const p of spans) {
        const byUuid = p.afterUuid !== void 0 && (p.to === void 0 || p.untilUuid !== void 0);
        if (byUuid && p.afterUuid === uuid && p.untilUuid !== uuid)
          open2.set(spanKey(p), { span: p, passed: /* @__PURE__ */ new Set() });
      }
    }
    return !refused;
  };
}
function refreshOpen(open2, spans) {
  for (const p of spans) {
    const k = spanKey(p);
    const o = open2.get(k);
    if (o === void 0 || o.span === p) continue;
    if (p.to !== void 0 && p.untilUuid === void 0) open2.delete(k);
    else if (p.untilUuid !== void 0 && o.passed.has(p.untilUuid)) open2.delete(k);
    else o.span = p;
  }
}
var noPauses, str2, spanKey;
var init_pause_spans = __esm({
  "src/core/egress/pause-spans.ts"() {
    "use strict";
    noPauses = () => [];
    str2 = (v2) => typeof v2 === "string" ? v2 : void 0;
    spanKey = (p) => `${p.from}\0${p.afterUuid ?? ""}`;
  }
});

// src/core/egress/gate.ts
function createEgressGate(policy) {
  const redactor = createRedactor({ enabled: policy.redact });
  const copies = createRedactor({ enabled: policy.redact });
  const pauses = policy.pauses ?? noPauses;
  const paused = (sessionId, timestamp) => sessionId !== void 0 && pausedAtTime(pauses(sessionId), timestamp);
  const text = (s) => redactor.redactText(stripPrivateText(s));
  const value = (v2) => redactor.redactValue(stripPrivateValue(v2));
  function event(e, sessionId) {
    if (isGated(e)) return e;
    if (paused(sessionId, e.timestamp)) return null;
    return seal(redactor.redactEvent(stripPrivateValue(e)));
  }
  function meta(m) {
    if (isGated(m)) return m;
    const out = { ...stripPrivateValue(m) };
    if (out.title !== void 0) out.title = copies.redactText(out.title);
    if (out.firstPrompt !== void 0) out.firstPrompt = copies.redactText(out.firstPrompt);
    return seal(out);
  }
  const events = (list, sid) => {
    const out = [];
    for (const e of list) {
      const g2 = event(e, sid);
      if (g2 !== null) out.push(g2);
    }
    return out;
  };
  function session(s) {
    if (isGated(s)) return s;
    const sid = s.meta.id;
    const before = report();
    const turns = s.turns.map((t) => ({ ...t, events: events(t.events, sid) }));
    const sidechains = s.sidechains.map((c) => ({ ...c, events: events(c.events, sid) }));
    const gatedMeta = meta(s.meta);
    return seal({
      ...s,
      meta: gatedMeta,
      turns,
      sidechains,
      redaction: since(before, report(), s.redaction)
    });
  }
  const recordFilter = (fallbackSessionId) => createPauseFilter(pauses, fallbackSessionId);
  const entries = createEntryGate({ filterFor: recordFilter, value, fromTracker: policy.fromTracker });
  function body(b, sessionId) {
    if (isGated(b)) return b;
    const src = b;
    const out = {};
    const sid = sessionId ?? (isMetaLike(src.meta) ? src.meta.id : void 0);
    for (const [k, v2] of Object.entries(src)) {
      if (k === "session" && isSessionLike(v2)) out[k] = session(v2);
      else if (k === "sessions" && Array.isArray(v2) && v2.every(isSessionLike)) out[k] = v2.map(session);
      else if (k === "meta" && isMetaLike(v2)) out[k] = meta(v2);
      else if (k === "events" && Array.isArray(v2) && v2.every(isEventItem)) {
        const items = [];
        for (const item of v2) {
          const g2 = event(item.event, sid);
          if (g2 !== null) items.push({ ...value(omitEvent(item)), event: g2 });
        }
        out[k] = items;
      } else if (k === "entries" && isEntryItemList(v2)) {
        const subKey = typeof src.subKey === "string" ? src.subKey : void 0;
        out[k] = entries.items(v2, { sessionId: sid, subKey });
      } else if (k === "transcripts" && Array.isArray(v2) && v2.every(isTranscriptLike)) {
        out[k] = v2.map(({ sessionId: id, entries: list, ...rest }) => ({
          ...value(rest),
          sessionId: id,
          entries: entries.items(list, { sessionId: id })
        }));
      } else out[k] = value(v2);
    }
    return seal(out);
  }
  function report() {
    return redactor.report();
  }
  const sessionIdOf2 = (path) => /([^/\\]+)\.jsonl$/.exec(path)?.[1];
  return {
    redacting: policy.redact,
    recordFilter,
    async loadSession(path, opts = {}) {
      const sid = sessionIdOf2(path);
      return session(await loadSession(path, { ...opts, admit: () => recordFilter(sid) }));
    },
    async streamSession(path, onEvent, opts = {}) {
      const sid = sessionIdOf2(path);
      const res = await streamSession(
        path,
        (e, ctx) => {
          const g2 = event(e, sid);
          return g2 === null ? void 0 : onEvent(g2, ctx);
        },
        { ...opts, admit: () => recordFilter(sid) }
      );
      return { ...res, meta: meta(res.meta) };
    },
    session,
    event,
    meta,
    entry: entries.entry,
    text,
    body,
    report
  };
}
function since(before, after, prior) {
  const byRule = { ...prior?.byRule };
  for (const [rule2, n] of Object.entries(after.byRule)) {
    const d = n - (before.byRule[rule2] ?? 0);
    if (d > 0) byRule[rule2] = (byRule[rule2] ?? 0) + d;
  }
  return { total: (prior?.total ?? 0) + after.total - before.total, byRule };
}
var isObject, isMetaLike, isSessionLike, isEventItem, isTranscriptLike, omitEvent;
var init_gate = __esm({
  "src/core/egress/gate.ts"() {
    "use strict";
    init_redactor();
    init_private_spans();
    init_load_session();
    init_stream_session();
    init_entries();
    init_pause_spans();
    init_seal();
    isObject = (v2) => v2 !== null && typeof v2 === "object" && !Array.isArray(v2);
    isMetaLike = (v2) => isObject(v2) && typeof v2.id === "string";
    isSessionLike = (v2) => isObject(v2) && isMetaLike(v2.meta) && Array.isArray(v2.turns) && Array.isArray(v2.sidechains);
    isEventItem = (v2) => isObject(v2) && isObject(v2.event) && typeof v2.event.kind === "string";
    isTranscriptLike = (v2) => isObject(v2) && typeof v2.sessionId === "string" && isEntryItemList(v2.entries);
    omitEvent = ({ event: _event, ...rest }) => rest;
  }
});

// src/core/export/comments.ts
function createCommentIndex(threads, gateText) {
  const pending = new Map(threads.map((t) => [t.eventUuid, t]));
  const one = (c) => ({
    ...c,
    author: gateText(c.author),
    text: gateText(c.text)
  });
  return (uuid) => {
    const t = pending.get(uuid);
    if (!t) return void 0;
    pending.delete(uuid);
    return {
      eventUuid: t.eventUuid,
      reactions: t.reactions,
      comments: t.comments.map((c) => ({ ...one(c), replies: c.replies.map(one) }))
    };
  };
}
function commentTime(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}
function reactionsText(rs, words = false) {
  return rs.map((r) => `${words ? REACTION_WORDS[r.emoji] ?? r.emoji : r.emoji} ${r.count}`).join(" · ");
}
function countComments(threads) {
  return threads.reduce((n, t) => n + t.comments.reduce((m, c) => m + 1 + c.replies.length, 0), 0);
}
var REACTION_WORDS;
var init_comments = __esm({
  "src/core/export/comments.ts"() {
    "use strict";
    REACTION_WORDS = {
      "👍": "thumbs up",
      "🎉": "hooray",
      "❤️": "heart",
      "🚀": "rocket",
      "👀": "eyes",
      "😕": "confused"
    };
  }
});

// src/core/export/generated/highlighter.ts
var HIGHLIGHTER_JS, HIGHLIGHT_LANGUAGES;
var init_highlighter = __esm({
  "src/core/export/generated/highlighter.ts"() {
    "use strict";
    HIGHLIGHTER_JS = '/*! highlight.js 11.12.0 | BSD-3-Clause | (c) 2006 Ivan Sagalaev */\nvar H=(()=>{var Fn=Object.create;var ue=Object.defineProperty;var Gn=Object.getOwnPropertyDescriptor;var Hn=Object.getOwnPropertyNames;var Kn=Object.getPrototypeOf,Yn=Object.prototype.hasOwnProperty;var Zn=(e,n)=>()=>{try{return n||e((n={exports:{}}).exports,n),n.exports}catch(t){throw n=0,t}},Wn=(e,n)=>{for(var t in n)ue(e,t,{get:n[t],enumerable:!0})},Le=(e,n,t,a)=>{if(n&&typeof n=="object"||typeof n=="function")for(let l of Hn(n))!Yn.call(e,l)&&l!==t&&ue(e,l,{get:()=>n[l],enumerable:!(a=Gn(n,l))||a.enumerable});return e};var qn=(e,n,t)=>(t=e!=null?Fn(Kn(e)):{},Le(n||!e||!e.__esModule?ue(t,"default",{value:e,enumerable:!0}):t,e)),Xn=e=>Le(ue({},"__esModule",{value:!0}),e);var en=Zn((ra,je)=>{function Fe(e){return e instanceof Map?e.clear=e.delete=e.set=function(){throw new Error("map is read-only")}:e instanceof Set&&(e.add=e.clear=e.delete=function(){throw new Error("set is read-only")}),Object.freeze(e),Object.getOwnPropertyNames(e).forEach(n=>{let t=e[n],a=typeof t;(a==="object"||a==="function")&&!Object.isFrozen(t)&&Fe(t)}),e}var ge=class{constructor(n){n.data===void 0&&(n.data={}),this.data=n.data,this.isMatchIgnored=!1}ignoreMatch(){this.isMatchIgnored=!0}};function Ge(e){return e.replace(/&/g,"&amp;").replace(/</g,"&lt;").replace(/>/g,"&gt;").replace(/"/g,"&quot;").replace(/\'/g,"&#x27;")}function X(e,...n){let t=Object.create(null);for(let a in e)t[a]=e[a];return n.forEach(function(a){for(let l in a)t[l]=a[l]}),t}var Vn="</span>",De=e=>!!e.scope,Qn=(e,{prefix:n})=>{if(e.startsWith("language:"))return e.replace("language:","language-");if(e.includes(".")){let t=e.split(".");return[`${n}${t.shift()}`,...t.map((a,l)=>`${a}${"_".repeat(l+1)}`)].join(" ")}return`${n}${e}`},Te=class{constructor(n,t){this.buffer="",this.classPrefix=t.classPrefix,n.walk(this)}addText(n){this.buffer+=Ge(n)}openNode(n){if(!De(n))return;let t=Qn(n.scope,{prefix:this.classPrefix});this.span(t)}closeNode(n){De(n)&&(this.buffer+=Vn)}value(){return this.buffer}span(n){this.buffer+=`<span class="${n}">`}},Be=(e={})=>{let n={children:[]};return Object.assign(n,e),n},Ae=class e{constructor(){this.rootNode=Be(),this.stack=[this.rootNode]}get top(){return this.stack[this.stack.length-1]}get root(){return this.rootNode}add(n){this.top.children.push(n)}openNode(n){let t=Be({scope:n});this.add(t),this.stack.push(t)}closeNode(){if(this.stack.length>1)return this.stack.pop()}closeAllNodes(){for(;this.closeNode(););}toJSON(){return JSON.stringify(this.rootNode,null,4)}walk(n){return this.constructor._walk(n,this.rootNode)}static _walk(n,t){return typeof t=="string"?n.addText(t):t.children&&(n.openNode(t),t.children.forEach(a=>this._walk(n,a)),n.closeNode(t)),n}static _collapse(n){typeof n!="string"&&n.children&&(n.children.every(t=>typeof t=="string")?n.children=[n.children.join("")]:n.children.forEach(t=>{e._collapse(t)}))}},Oe=class extends Ae{constructor(n){super(),this.options=n}addText(n){n!==""&&this.add(n)}startScope(n){this.openNode(n)}endScope(){this.closeNode()}__addSublanguage(n,t){let a=n.root;t&&(a.scope=`language:${t}`),this.add(a)}toHTML(){return new Te(this,this.options).value()}finalize(){return this.closeAllNodes(),!0}};function se(e){return e?typeof e=="string"?e:e.source:null}function He(e){return j("(?=",e,")")}function Jn(e){return j("(?:",e,")*")}function jn(e){return j("(?:",e,")?")}function j(...e){return e.map(t=>se(t)).join("")}function et(e){let n=e[e.length-1];return typeof n=="object"&&n.constructor===Object?(e.splice(e.length-1,1),n):{}}function be(...e){return"("+(et(e).capture?"":"?:")+e.map(a=>se(a)).join("|")+")"}function Ke(e){return new RegExp(e.toString()+"|").exec("").length-1}function nt(e,n){let t=e&&e.exec(n);return t&&t.index===0}var tt=new RegExp(be(/\\[(?:[^\\\\\\]]|\\\\.)*\\]/,/\\(\\?<(?![=!])[^>]+>/,/\\(\\?\'[^\']+\'/,/\\(\\??/,/\\\\([1-9][0-9]*)/,/\\\\./));function Re(e,{joinWith:n}){let t=0;return e.map(a=>{t+=1;let l=t,f=se(a),i="";for(;f.length>0;){let r=tt.exec(f);if(!r){i+=f;break}i+=f.substring(0,r.index),f=f.substring(r.index+r[0].length),r[0][0]==="\\\\"&&r[1]?i+="\\\\"+String(Number(r[1])+l):(i+=r[0],(r[0]==="("||/^\\(\\?[<\']/.test(r[0]))&&t++)}return i}).map(a=>`(${a})`).join(n)}var at=/\\b\\B/,Ye="[a-zA-Z]\\\\w*",ve="[a-zA-Z_]\\\\w*",Ze="\\\\b\\\\d+(\\\\.\\\\d+)?",We="(-?)(\\\\b0[xX][a-fA-F0-9]+|(\\\\b\\\\d+(\\\\.\\\\d*)?|\\\\.\\\\d+)([eE][-+]?\\\\d+)?)",qe="\\\\b(0b[01]+)",rt="!|!=|!==|%|%=|&|&&|&=|\\\\*|\\\\*=|\\\\+|\\\\+=|,|-|-=|/=|/|:|;|<<|<<=|<=|<|===|==|=|>>>=|>>=|>=|>>>|>>|>|\\\\?|\\\\[|\\\\{|\\\\(|\\\\^|\\\\^=|\\\\||\\\\|=|\\\\|\\\\||~",it=(e={})=>{let n=/^#![ ]*\\//;return e.binary&&(e.begin=j(n,/.*\\b/,e.binary,/\\b.*/)),X({scope:"meta",begin:n,end:/$/,relevance:0,"on:begin":(t,a)=>{t.index!==0&&a.ignoreMatch()}},e)},oe={begin:"\\\\\\\\[\\\\s\\\\S]",relevance:0},st={scope:"string",begin:"\'",end:"\'",illegal:"\\\\n",contains:[oe]},ot={scope:"string",begin:\'"\',end:\'"\',illegal:"\\\\n",contains:[oe]},ct={begin:/\\b(a|an|the|are|I\'m|isn\'t|don\'t|doesn\'t|won\'t|but|just|should|pretty|simply|enough|gonna|going|wtf|so|such|will|you|your|they|like|more)\\b/},fe=function(e,n,t={}){let a=X({scope:"comment",begin:e,end:n,contains:[]},t);a.contains.push({scope:"doctag",begin:"[ ]*(?=(TODO|FIXME|NOTE|BUG|OPTIMIZE|HACK|XXX):)",end:/(TODO|FIXME|NOTE|BUG|OPTIMIZE|HACK|XXX):/,excludeBegin:!0,relevance:0});let l=be("I","a","is","so","us","to","at","if","in","it","on",/[A-Za-z]+[\'](d|ve|re|ll|t|s|n)/,/[A-Za-z]+[-][a-z]+/,/[A-Za-z][a-z]{2,}/);return a.contains.push({begin:j(/[ ]+/,"(",l,/[.]?[:]?([.][ ]|[ ])/,"){3}")}),a},lt=fe("//","$"),ut=fe("/\\\\*","\\\\*/"),dt=fe("#","$"),gt={scope:"number",begin:Ze,relevance:0},pt={scope:"number",begin:We,relevance:0},bt={scope:"number",begin:qe,relevance:0},ft={scope:"regexp",begin:/\\/(?=[^/\\n]*\\/)/,end:/\\/[gimuy]*/,contains:[oe,{begin:/\\[/,end:/\\]/,relevance:0,contains:[oe]}]},_t={scope:"title",begin:Ye,relevance:0},mt={scope:"title",begin:ve,relevance:0},Et={begin:"\\\\.\\\\s*"+ve,relevance:0},ht=function(e){return Object.assign(e,{"on:begin":(n,t)=>{t.data._beginMatch=n[1]},"on:end":(n,t)=>{t.data._beginMatch!==n[1]&&t.ignoreMatch()}})},de=Object.freeze({__proto__:null,APOS_STRING_MODE:st,BACKSLASH_ESCAPE:oe,BINARY_NUMBER_MODE:bt,BINARY_NUMBER_RE:qe,COMMENT:fe,C_BLOCK_COMMENT_MODE:ut,C_LINE_COMMENT_MODE:lt,C_NUMBER_MODE:pt,C_NUMBER_RE:We,END_SAME_AS_BEGIN:ht,HASH_COMMENT_MODE:dt,IDENT_RE:Ye,MATCH_NOTHING_RE:at,METHOD_GUARD:Et,NUMBER_MODE:gt,NUMBER_RE:Ze,PHRASAL_WORDS_MODE:ct,QUOTE_STRING_MODE:ot,REGEXP_MODE:ft,RE_STARTERS_RE:rt,SHEBANG:it,TITLE_MODE:_t,UNDERSCORE_IDENT_RE:ve,UNDERSCORE_TITLE_MODE:mt});function Nt(e,n){e.input[e.index-1]==="."&&n.ignoreMatch()}function yt(e,n){e.className!==void 0&&(e.scope=e.className,delete e.className)}function St(e,n){n&&e.beginKeywords&&(e.begin="\\\\b("+e.beginKeywords.split(" ").join("|")+")(?!\\\\.)(?=\\\\b|\\\\s)",e.__beforeBegin=Nt,e.keywords=e.keywords||e.beginKeywords,delete e.beginKeywords,e.relevance===void 0&&(e.relevance=0))}function Tt(e,n){Array.isArray(e.illegal)&&(e.illegal=be(...e.illegal))}function At(e,n){if(e.match){if(e.begin||e.end)throw new Error("begin & end are not supported with match");e.begin=e.match,delete e.match}}function Ot(e,n){e.relevance===void 0&&(e.relevance=1)}var wt=(e,n)=>{if(!e.beforeMatch)return;if(e.starts)throw new Error("beforeMatch cannot be used with starts");let t=Object.assign({},e);Object.keys(e).forEach(a=>{delete e[a]}),e.keywords=t.keywords,e.begin=j(t.beforeMatch,He(t.begin)),e.starts={relevance:0,contains:[Object.assign(t,{endsParent:!0})]},e.relevance=0,delete t.beforeMatch},Rt=["of","and","for","in","not","or","if","then","parent","list","value"],vt="keyword";function Xe(e,n,t=vt){let a=Object.create(null);return typeof e=="string"?l(t,e.split(" ")):Array.isArray(e)?l(t,e):Object.keys(e).forEach(function(f){Object.assign(a,Xe(e[f],n,f))}),a;function l(f,i){n&&(i=i.map(r=>r.toLowerCase())),i.forEach(function(r){let o=r.split("|");a[o[0]]=[f,xt(o[0],o[1])]})}}function xt(e,n){return n?Number(n):Mt(e)?0:1}function Mt(e){return Rt.includes(e.toLowerCase())}var Pe={},J=e=>{console.error(e)},Ue=(e,...n)=>{console.log(`WARN: ${e}`,...n)},ee=(e,n)=>{Pe[`${e}/${n}`]||(console.log(`Deprecated as of ${e}. ${n}`),Pe[`${e}/${n}`]=!0)},pe=new Error;function Ve(e,n,{key:t}){let a=0,l=e[t],f={},i={};for(let r=1;r<=n.length;r++)i[r+a]=l[r],f[r+a]=!0,a+=Ke(n[r-1]);e[t]=i,e[t]._emit=f,e[t]._multi=!0}function kt(e){if(Array.isArray(e.begin)){if(e.skip||e.excludeBegin||e.returnBegin)throw J("skip, excludeBegin, returnBegin not compatible with beginScope: {}"),pe;if(typeof e.beginScope!="object"||e.beginScope===null)throw J("beginScope must be object"),pe;Ve(e,e.begin,{key:"beginScope"}),e.begin=Re(e.begin,{joinWith:""})}}function It(e){if(Array.isArray(e.end)){if(e.skip||e.excludeEnd||e.returnEnd)throw J("skip, excludeEnd, returnEnd not compatible with endScope: {}"),pe;if(typeof e.endScope!="object"||e.endScope===null)throw J("endScope must be object"),pe;Ve(e,e.end,{key:"endScope"}),e.end=Re(e.end,{joinWith:""})}}function Ct(e){e.scope&&typeof e.scope=="object"&&e.scope!==null&&(e.beginScope=e.scope,delete e.scope)}function Lt(e){Ct(e),typeof e.beginScope=="string"&&(e.beginScope={_wrap:e.beginScope}),typeof e.endScope=="string"&&(e.endScope={_wrap:e.endScope}),kt(e),It(e)}function Dt(e){function n(i,r){return new RegExp(se(i),"m"+(e.case_insensitive?"i":"")+(e.unicodeRegex?"u":"")+(r?"g":""))}class t{constructor(){this.matchIndexes={},this.regexes=[],this.matchAt=1,this.position=0}addRule(r,o){o.position=this.position++,this.matchIndexes[this.matchAt]=o,this.regexes.push([o,r]),this.matchAt+=Ke(r)+1}compile(){this.regexes.length===0&&(this.exec=()=>null);let r=this.regexes.map(o=>o[1]);this.matcherRe=n(Re(r,{joinWith:"|"}),!0),this.lastIndex=0}exec(r){this.matcherRe.lastIndex=this.lastIndex;let o=this.matcherRe.exec(r);if(!o)return null;let u=o.findIndex((y,_)=>_>0&&y!==void 0),d=this.matchIndexes[u];return o.splice(0,u),Object.assign(o,d)}}class a{constructor(){this.rules=[],this.multiRegexes=[],this.count=0,this.lastIndex=0,this.regexIndex=0}getMatcher(r){if(this.multiRegexes[r])return this.multiRegexes[r];let o=new t;return this.rules.slice(r).forEach(([u,d])=>o.addRule(u,d)),o.compile(),this.multiRegexes[r]=o,o}resumingScanAtSamePosition(){return this.regexIndex!==0}considerAll(){this.regexIndex=0}addRule(r,o){this.rules.push([r,o]),o.type==="begin"&&this.count++}exec(r){let o=this.getMatcher(this.regexIndex);o.lastIndex=this.lastIndex;let u=o.exec(r);if(this.resumingScanAtSamePosition()&&!(u&&u.index===this.lastIndex)){let d=this.getMatcher(0);d.lastIndex=this.lastIndex+1,u=d.exec(r)}return u&&(this.regexIndex+=u.position+1,this.regexIndex===this.count&&this.considerAll()),u}}function l(i){let r=new a;return i.contains.forEach(o=>r.addRule(o.begin,{rule:o,type:"begin"})),i.terminatorEnd&&r.addRule(i.terminatorEnd,{type:"end"}),i.illegal&&r.addRule(i.illegal,{type:"illegal"}),r}function f(i,r){let o=i;if(i.isCompiled)return o;[yt,At,Lt,wt].forEach(d=>d(i,r)),e.compilerExtensions.forEach(d=>d(i,r)),i.__beforeBegin=null,[St,Tt,Ot].forEach(d=>d(i,r)),i.isCompiled=!0;let u=null;return typeof i.keywords=="object"&&i.keywords.$pattern&&(i.keywords=Object.assign({},i.keywords),u=i.keywords.$pattern,delete i.keywords.$pattern),u=u||/\\w+/,i.keywords&&(i.keywords=Xe(i.keywords,e.case_insensitive)),o.keywordPatternRe=n(u,!0),r&&(i.begin||(i.begin=/\\B|\\b/),o.beginRe=n(o.begin),!i.end&&!i.endsWithParent&&(i.end=/\\B|\\b/),i.end&&(o.endRe=n(o.end)),o.terminatorEnd=se(o.end)||"",i.endsWithParent&&r.terminatorEnd&&(o.terminatorEnd+=(i.end?"|":"")+r.terminatorEnd)),i.illegal&&(o.illegalRe=n(i.illegal)),i.contains||(i.contains=[]),i.contains=[].concat(...i.contains.map(function(d){return Bt(d==="self"?i:d)})),i.contains.forEach(function(d){f(d,o)}),i.starts&&f(i.starts,r),o.matcher=l(o),o}if(e.compilerExtensions||(e.compilerExtensions=[]),e.contains&&e.contains.includes("self"))throw new Error("ERR: contains `self` is not supported at the top-level of a language.  See documentation.");return e.classNameAliases=X(e.classNameAliases||{}),f(e)}function Qe(e){return e?e.endsWithParent||Qe(e.starts):!1}function Bt(e){return e.variants&&!e.cachedVariants&&(e.cachedVariants=e.variants.map(function(n){return X(e,{variants:null},n)})),e.cachedVariants?e.cachedVariants:Qe(e)?X(e,{starts:e.starts?X(e.starts):null}):Object.isFrozen(e)?X(e):e}var Pt="11.12.0",we=class extends Error{constructor(n,t){super(n),this.name="HTMLInjectionError",this.html=t}},Se=Ge,$e=X,ze=Symbol("nomatch"),Ut=7,Je=function(e){let n=Object.create(null),t=Object.create(null),a=[],l=!0,f="Could not find the language \'{}\', did you forget to load/include a language module?",i={disableAutodetect:!0,name:"Plain text",contains:[]},r={ignoreUnescapedHTML:!1,throwUnescapedHTML:!1,noHighlightRe:/^(no-?highlight)$/i,languageDetectRe:/\\blang(?:uage)?-([\\w-]+)\\b/i,classPrefix:"hljs-",cssSelector:"pre code",languages:null,__emitter:Oe};function o(s){return r.noHighlightRe.test(s)}function u(s){let p=s.className+" ";p+=s.parentNode?s.parentNode.className:"";let g=r.languageDetectRe.exec(p);if(g){let h=B(g[1]);return h||(Ue(f.replace("{}",g[1])),Ue("Falling back to no-highlight mode for this block.",s)),h?g[1]:"no-highlight"}return p.split(/\\s+/).find(h=>o(h)||B(h))}function d(s,p,g){let h="",A="";typeof p=="object"?(h=s,g=p.ignoreIllegals,A=p.language):(ee("10.7.0","highlight(lang, code, ...args) has been deprecated."),ee("10.7.0",`Please use highlight(code, options) instead.\ngithub.com/highlightjs/highlight.js/issues/2277`),A=s,h=p),g===void 0&&(g=!0);let I={code:h,language:A};q("before:highlight",I);let z=I.result?I.result:y(I.language,I.code,g);return z.code=I.code,q("after:highlight",z),z}function y(s,p,g,h){let A=Object.create(null);function I(c,b){return c.keywords[b]}function z(){if(!m.keywords){$.addText(R);return}let c=0;m.keywordPatternRe.lastIndex=0;let b=m.keywordPatternRe.exec(R),N="";for(;b;){N+=R.substring(c,b.index);let O=Y.case_insensitive?b[0].toLowerCase():b[0],F=I(m,O);if(F){let[Z,$n]=F;if($.addText(N),N="",A[O]=(A[O]||0)+1,A[O]<=Ut&&(le+=$n),Z.startsWith("_"))N+=b[0];else{let zn=Y.classNameAliases[Z]||Z;K(b[0],zn)}}else N+=b[0];c=m.keywordPatternRe.lastIndex,b=m.keywordPatternRe.exec(R)}N+=R.substring(c),$.addText(N)}function H(){if(R==="")return;let c=null;if(typeof m.subLanguage=="string"){if(!n[m.subLanguage]){$.addText(R);return}c=y(m.subLanguage,R,!0,Ce[m.subLanguage]),Ce[m.subLanguage]=c._top}else c=E(R,m.subLanguage.length?m.subLanguage:null);m.relevance>0&&(le+=c.relevance),$.__addSublanguage(c._emitter,c.language)}function G(){m.subLanguage!=null?H():z(),R=""}function K(c,b){c!==""&&($.startScope(b),$.addText(c),$.endScope())}function xe(c,b){let N=1,O=b.length-1;for(;N<=O;){if(!c._emit[N]){N++;continue}let F=Y.classNameAliases[c[N]]||c[N],Z=b[N];F?K(Z,F):(R=Z,z(),R=""),N++}}function Me(c,b){return c.scope&&typeof c.scope=="string"&&$.openNode(Y.classNameAliases[c.scope]||c.scope),c.beginScope&&(c.beginScope._wrap?(K(R,Y.classNameAliases[c.beginScope._wrap]||c.beginScope._wrap),R=""):c.beginScope._multi&&(xe(c.beginScope,b),R="")),m=Object.create(c,{parent:{value:m}}),m}function ke(c,b,N){let O=nt(c.endRe,N);if(O){if(c["on:end"]){let F=new ge(c);c["on:end"](b,F),F.isMatchIgnored&&(O=!1)}if(O){for(;c.endsParent&&c.parent;)c=c.parent;return c}}if(c.endsWithParent)return ke(c.parent,b,N)}function Ln(c){return m.matcher.regexIndex===0?(R+=c[0],1):(ye=!0,0)}function Dn(c){let b=c[0],N=c.rule,O=new ge(N),F=[N.__beforeBegin,N["on:begin"]];for(let Z of F)if(Z&&(Z(c,O),O.isMatchIgnored))return Ln(b);return N.skip?R+=b:(N.excludeBegin&&(R+=b),G(),!N.returnBegin&&!N.excludeBegin&&(R=b)),Me(N,c),N.returnBegin?0:b.length}function Bn(c){let b=c[0],N=p.substring(c.index),O=ke(m,c,N);if(!O)return ze;let F=m;m.endScope&&m.endScope._wrap?(G(),K(b,m.endScope._wrap)):m.endScope&&m.endScope._multi?(G(),xe(m.endScope,c)):F.skip?R+=b:(F.returnEnd||F.excludeEnd||(R+=b),G(),F.excludeEnd&&(R=b));do m.scope&&$.closeNode(),!m.skip&&!m.subLanguage&&(le+=m.relevance),m=m.parent;while(m!==O.parent);return O.starts&&Me(O.starts,c),F.returnEnd?0:b.length}function Pn(){let c=[];for(let b=m;b!==Y;b=b.parent)b.scope&&c.unshift(b.scope);c.forEach(b=>$.openNode(b))}let ce={};function Ie(c,b){let N=b&&b[0];if(R+=c,N==null)return G(),0;if(ce.type==="begin"&&b.type==="end"&&ce.index===b.index&&N===""){if(R+=p.slice(b.index,b.index+1),!l){let O=new Error(`0 width match regex (${s})`);throw O.languageName=s,O.badRule=ce.rule,O}return 1}if(ce=b,b.type==="begin")return Dn(b);if(b.type==="illegal"&&!g){let O=new Error(\'Illegal lexeme "\'+N+\'" for mode "\'+(m.scope||"<unnamed>")+\'"\');throw O.mode=m,O}else if(b.type==="end"){let O=Bn(b);if(O!==ze)return O}if(b.type==="illegal"&&N==="")return b.index===p.length||(R+=`\n`),1;if(Ne>1e5&&Ne>b.index*3)throw new Error("potential infinite loop, way more iterations than matches");return R+=N,N.length}let Y=B(s);if(!Y)throw J(f.replace("{}",s)),new Error(\'Unknown language: "\'+s+\'"\');let Un=Dt(Y),he="",m=h||Un,Ce={},$=new r.__emitter(r);Pn();let R="",le=0,Q=0,Ne=0,ye=!1;try{if(Y.__emitTokens)Y.__emitTokens(p,$);else{for(m.matcher.considerAll();;){Ne++,ye?ye=!1:m.matcher.considerAll(),m.matcher.lastIndex=Q;let c=m.matcher.exec(p);if(!c)break;let b=p.substring(Q,c.index),N=Ie(b,c);Q=c.index+N}Ie(p.substring(Q))}return $.finalize(),he=$.toHTML(),{language:s,value:he,relevance:le,illegal:!1,_emitter:$,_top:m}}catch(c){if(c.message&&c.message.includes("Illegal"))return{language:s,value:Se(p),illegal:!0,relevance:0,_illegalBy:{message:c.message,index:Q,context:p.slice(Q-100,Q+100),mode:c.mode,resultSoFar:he},_emitter:$};if(l)return{language:s,value:Se(p),illegal:!1,relevance:0,errorRaised:c,_emitter:$,_top:m};throw c}}function _(s){let p={value:Se(s),illegal:!1,relevance:0,_top:i,_emitter:new r.__emitter(r)};return p._emitter.addText(s),p}function E(s,p){p=p||r.languages||Object.keys(n);let g=_(s),h=p.filter(B).filter(W).map(G=>y(G,s,!1));h.unshift(g);let A=h.sort((G,K)=>{if(G.relevance!==K.relevance)return K.relevance-G.relevance;if(G.language&&K.language){if(B(G.language).supersetOf===K.language)return 1;if(B(K.language).supersetOf===G.language)return-1}return 0}),[I,z]=A,H=I;return H.secondBest=z,H}function T(s,p,g){let h=p&&t[p]||g;s.classList.add("hljs"),s.classList.add(`language-${h}`)}function S(s){let p=null,g=u(s);if(o(g))return;if(q("before:highlightElement",{el:s,language:g}),s.dataset.highlighted){console.log("Element previously highlighted. To highlight again, first unset `dataset.highlighted`.",s);return}if(s.children.length>0&&(r.ignoreUnescapedHTML||(console.warn("One of your code blocks includes unescaped HTML. This is a potentially serious security risk."),console.warn("github.com/highlightjs/highlight.js/wiki/security"),console.warn("The element with unescaped HTML:"),console.warn(s)),r.throwUnescapedHTML))throw new we("One of your code blocks includes unescaped HTML.",s.innerHTML);p=s;let h=p.textContent,A=g?d(h,{language:g,ignoreIllegals:!0}):E(h);s.innerHTML=A.value,s.dataset.highlighted="yes",T(s,g,A.language),s.result={language:A.language,re:A.relevance,relevance:A.relevance},A.secondBest&&(s.secondBest={language:A.secondBest.language,relevance:A.secondBest.relevance}),q("after:highlightElement",{el:s,result:A,text:h})}function v(s){r=$e(r,s)}let x=()=>{w(),ee("10.6.0","initHighlighting() deprecated.  Use highlightAll() now.")};function C(){w(),ee("10.6.0","initHighlightingOnLoad() deprecated.  Use highlightAll() now.")}let P=!1;function w(){function s(){w()}if(document.readyState==="loading"){P||window.addEventListener("DOMContentLoaded",s,!1),P=!0;return}document.querySelectorAll(r.cssSelector).forEach(S)}function M(s,p){let g=null;try{g=p(e)}catch(h){if(J("Language definition for \'{}\' could not be registered.".replace("{}",s)),l)J(h);else throw h;g=i}g.name||(g.name=s),n[s]=g,g.rawDefinition=p.bind(null,e),g.aliases&&U(g.aliases,{languageName:s})}function k(s){delete n[s];for(let p of Object.keys(t))t[p]===s&&delete t[p]}function D(){return Object.keys(n)}function B(s){return s=(s||"").toLowerCase(),n[s]||n[t[s]]}function U(s,{languageName:p}){typeof s=="string"&&(s=[s]),s.forEach(g=>{t[g.toLowerCase()]=p})}function W(s){let p=B(s);return p&&!p.disableAutodetect}function V(s){s["before:highlightBlock"]&&!s["before:highlightElement"]&&(s["before:highlightElement"]=p=>{s["before:highlightBlock"](Object.assign({block:p.el},p))}),s["after:highlightBlock"]&&!s["after:highlightElement"]&&(s["after:highlightElement"]=p=>{s["after:highlightBlock"](Object.assign({block:p.el},p))})}function ae(s){V(s),a.push(s)}function re(s){let p=a.indexOf(s);p!==-1&&a.splice(p,1)}function q(s,p){let g=s;a.forEach(function(h){h[g]&&h[g](p)})}function ie(s){return ee("10.7.0","highlightBlock will be removed entirely in v12.0"),ee("10.7.0","Please use highlightElement now."),S(s)}Object.assign(e,{highlight:d,highlightAuto:E,highlightAll:w,highlightElement:S,highlightBlock:ie,configure:v,initHighlighting:x,initHighlightingOnLoad:C,registerLanguage:M,unregisterLanguage:k,listLanguages:D,getLanguage:B,registerAliases:U,autoDetection:W,inherit:$e,addPlugin:ae,removePlugin:re}),e.debugMode=function(){l=!1},e.safeMode=function(){l=!0},e.versionString=Pt,e.regex={concat:j,lookahead:He,either:be,optional:jn,anyNumberOfTimes:Jn};for(let s in de)typeof de[s]=="object"&&Fe(de[s]);return Object.assign(e,de),e},ne=Je({});ne.newInstance=()=>Je({});je.exports=ne;ne.HighlightJS=ne;ne.default=ne});var ta={};Wn(ta,{has:()=>na,highlight:()=>ea});var nn=qn(en(),1);var tn=nn.default;function an(e){let n=e.regex,t={},a={begin:/\\$\\{/,end:/\\}/,contains:["self",{begin:/:-/,contains:[t]}]};Object.assign(t,{className:"variable",variants:[{begin:n.concat(/\\$[\\w\\d#@][\\w\\d_]*/,"(?![\\\\w\\\\d])(?![$])")},a]});let l={className:"subst",begin:/\\$\\(/,end:/\\)/,contains:[e.BACKSLASH_ESCAPE]},f=e.inherit(e.COMMENT(),{match:[/(^|\\s)/,/#.*$/],scope:{2:"comment"}}),i={begin:/<<-?\\s*(?=\\w+)/,starts:{contains:[e.END_SAME_AS_BEGIN({begin:/(\\w+)/,end:/(\\w+)/,className:"string"})]}},r={className:"string",begin:/"/,end:/"/,contains:[e.BACKSLASH_ESCAPE,t,l]};l.contains.push(r);let o={match:/\\\\"/},u={className:"string",begin:/\'/,end:/\'/},d={match:/\\\\\'/},y={begin:/\\$?\\(\\(/,end:/\\)\\)/,contains:[{begin:/\\d+#[0-9a-f]+/,className:"number"},e.NUMBER_MODE,t]},_=["fish","bash","zsh","sh","csh","ksh","tcsh","dash","scsh"],E=e.SHEBANG({binary:`(${_.join("|")})`,relevance:10}),T={className:"function",begin:/\\w[\\w\\d_]*\\s*\\(\\s*\\)\\s*\\{/,returnBegin:!0,contains:[e.inherit(e.TITLE_MODE,{begin:/\\w[\\w\\d_]*/})],relevance:0},S=["if","then","else","elif","fi","time","for","while","until","in","do","done","case","esac","coproc","function","select"],v=["true","false"],x={match:/(\\/[a-z._-]+)+/},C=["break","cd","continue","eval","exec","exit","export","getopts","hash","pwd","readonly","return","shift","test","times","trap","umask","unset"],P=["alias","bind","builtin","caller","command","declare","echo","enable","help","let","local","logout","mapfile","printf","read","readarray","source","sudo","type","typeset","ulimit","unalias"],w=["autoload","bg","bindkey","bye","cap","chdir","clone","comparguments","compcall","compctl","compdescribe","compfiles","compgroups","compquote","comptags","comptry","compvalues","dirs","disable","disown","echotc","echoti","emulate","fc","fg","float","functions","getcap","getln","history","integer","jobs","kill","limit","log","noglob","popd","print","pushd","pushln","rehash","sched","setcap","setopt","stat","suspend","ttyctl","unfunction","unhash","unlimit","unsetopt","vared","wait","whence","where","which","zcompile","zformat","zftp","zle","zmodload","zparseopts","zprof","zpty","zregexparse","zsocket","zstyle","ztcp"],M=["chcon","chgrp","chown","chmod","cp","dd","df","dir","dircolors","ln","ls","mkdir","mkfifo","mknod","mktemp","mv","realpath","rm","rmdir","shred","sync","touch","truncate","vdir","b2sum","base32","base64","cat","cksum","comm","csplit","cut","expand","fmt","fold","head","join","md5sum","nl","numfmt","od","paste","ptx","pr","sha1sum","sha224sum","sha256sum","sha384sum","sha512sum","shuf","sort","split","sum","tac","tail","tr","tsort","unexpand","uniq","wc","arch","basename","chroot","date","dirname","du","echo","env","expr","factor","groups","hostid","id","link","logname","nice","nohup","nproc","pathchk","pinky","printenv","printf","pwd","readlink","runcon","seq","sleep","stat","stdbuf","stty","tee","test","timeout","tty","uname","unlink","uptime","users","who","whoami","yes"];return{name:"Bash",aliases:["sh","zsh"],keywords:{$pattern:/\\b[a-z][a-z0-9._-]+\\b/,keyword:S,literal:v,built_in:[...C,...P,"set","shopt",...w,...M]},contains:[E,e.SHEBANG(),T,y,f,i,x,r,o,u,d,t]}}function rn(e){let n=e.regex,t=e.COMMENT("//","$",{contains:[{begin:/\\\\\\n/}]}),a="decltype\\\\(auto\\\\)",l="[a-zA-Z_]\\\\w*::",i="("+a+"|"+n.optional(l)+"[a-zA-Z_]\\\\w*"+n.optional("<[^<>]+>")+")",r=n.concat(/\\batomic_/,n.either("bool","char","schar","uchar","short","ushort","int","uint","long","ulong","llong","ullong","char16_t","char32_t","wchar_t","int_least8_t","uint_least8_t","int_least16_t","uint_least16_t","int_least32_t","uint_least32_t","int_least64_t","uint_least64_t","int_fast8_t","uint_fast8_t","int_fast16_t","uint_fast16_t","int_fast32_t","uint_fast32_t","int_fast64_t","uint_fast64_t","intptr_t","uintptr_t","size_t","ptrdiff_t","intmax_t","uintmax_t"),/\\b/),o={className:"type",variants:[{begin:"\\\\b[a-z\\\\d_]*_t\\\\b"},{match:r}]},d={className:"string",variants:[{begin:\'(u8?|U|L)?"\',end:\'"\',illegal:"\\\\n",contains:[e.BACKSLASH_ESCAPE]},{begin:"(u8?|U|L)?\'("+"\\\\\\\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4,8}|[0-7]{3}|\\\\S)"+"|.)",end:"\'",illegal:"."},e.END_SAME_AS_BEGIN({begin:/(?:u8?|U|L)?R"([^()\\\\\\s"]{0,16})\\(/,end:/\\)([^()\\\\\\s"]{0,16})"/})]},y={className:"number",variants:[{match:/\\b(0b[01\']+)/},{match:/(-?)\\b([\\d\']+(\\.[\\d\']*)?|\\.[\\d\']+)((ll|LL|l|L)(u|U)?|(u|U)(ll|LL|l|L)?|f|F|b|B)/},{match:/(-?)\\b(0[xX][a-fA-F0-9]+(?:\'[a-fA-F0-9]+)*(?:\\.[a-fA-F0-9]*(?:\'[a-fA-F0-9]*)*)?(?:[pP][-+]?[0-9]+)?(l|L)?(u|U)?)/},{match:/(-?)\\b\\d+(?:\'\\d+)*(?:\\.\\d*(?:\'\\d*)*)?(?:[eE][-+]?\\d+)?/}],relevance:0},_={scope:"meta",begin:/#\\s*include\\b/,end:/$/,keywords:{keyword:"include"},contains:[{begin:/\\\\\\n/},d,{scope:"string",begin:/<.*?>/},t,e.C_BLOCK_COMMENT_MODE]},E={className:"meta",begin:/#\\s*[a-z]+\\b/,end:/$/,keywords:{keyword:"if else elif endif define undef warning error line pragma _Pragma ifdef ifndef elifdef elifndef include"},contains:[{begin:/\\\\\\n/,relevance:0},e.inherit(d,{className:"string"}),t,e.C_BLOCK_COMMENT_MODE]},T=[_,E],S={className:"title",begin:n.optional(l)+e.IDENT_RE,relevance:0},v=n.optional(l)+e.IDENT_RE+"\\\\s*\\\\(",x=12,w={keyword:["asm","auto","break","case","continue","default","do","else","enum","extern","for","fortran","goto","if","inline","register","restrict","return","sizeof","typeof","typeof_unqual","struct","switch","typedef","union","volatile","while","_Alignas","_Alignof","_Atomic","_Generic","_Noreturn","_Static_assert","_Thread_local","alignas","alignof","noreturn","static_assert","thread_local","_Pragma"],type:["float","double","signed","unsigned","int","short","long","char","void","_Bool","_BitInt","_Complex","_Imaginary","_Decimal32","_Decimal64","_Decimal96","_Decimal128","_Decimal64x","_Decimal128x","_Float16","_Float32","_Float64","_Float128","_Float32x","_Float64x","_Float128x","const","static","constexpr","complex","bool","imaginary"],literal:"true false NULL",built_in:"std string wstring cin cout cerr clog stdin stdout stderr stringstream istringstream ostringstream auto_ptr deque list queue stack vector map set pair bitset multiset multimap unordered_set unordered_map unordered_multiset unordered_multimap priority_queue make_pair array shared_ptr abort terminate abs acos asin atan2 atan calloc ceil cosh cos exit exp fabs floor fmod fprintf fputs free frexp fscanf future isalnum isalpha iscntrl isdigit isgraph islower isprint ispunct isspace isupper isxdigit tolower toupper labs ldexp log10 log malloc realloc memchr memcmp memcpy memset modf pow printf putchar puts scanf sinh sin snprintf sprintf sqrt sscanf strcat strchr strcmp strcpy strcspn strlen strncat strncmp strncpy strpbrk strrchr strspn strstr tanh tan vfprintf vprintf vsprintf endl initializer_list unique_ptr"},M=[...T,o,t,e.C_BLOCK_COMMENT_MODE,y,d],k={variants:[{begin:/=/,end:/;/},{begin:/\\(/,end:/\\)/},{beginKeywords:"new throw return else",end:/;/}],keywords:w,contains:M.concat([{begin:/\\(/,end:/\\)/,keywords:w,contains:M.concat(["self"]),relevance:0}]),relevance:0},D={begin:"("+i+"[\\\\*&\\\\s]+){1,"+x+"}"+v,returnBegin:!0,end:/[{;=]/,excludeEnd:!0,keywords:w,illegal:/[^\\w\\s\\*&:<>.]/,contains:[{begin:a,keywords:w,relevance:0},{begin:v,returnBegin:!0,contains:[e.inherit(S,{className:"title.function"})],relevance:0},{relevance:0,match:/,/},{className:"params",begin:/\\(/,end:/\\)/,keywords:w,relevance:0,contains:[t,e.C_BLOCK_COMMENT_MODE,d,y,o,{begin:/\\(/,end:/\\)/,keywords:w,relevance:0,contains:["self",t,e.C_BLOCK_COMMENT_MODE,d,y,o]}]},o,t,e.C_BLOCK_COMMENT_MODE,...T]};return{name:"C",aliases:["h"],keywords:w,disableAutodetect:!0,illegal:"</",contains:[].concat(k,D,M,[...T,{begin:e.IDENT_RE+"::",keywords:w},{className:"class",beginKeywords:"enum class struct union",end:/[{;:<>=]/,contains:[{beginKeywords:"final class struct"},e.TITLE_MODE]}]),exports:{preprocessor:E,strings:d,keywords:w}}}function sn(e){let n=e.regex,t=e.COMMENT("//","$",{contains:[{begin:/\\\\\\n/}]}),a="decltype\\\\(auto\\\\)",l="[a-zA-Z_]\\\\w*::",i="(?!struct)("+a+"|"+n.optional(l)+"[a-zA-Z_]\\\\w*"+n.optional("<[^<>]+>")+")",r={className:"type",begin:"\\\\b[a-z\\\\d_]*_t\\\\b"},u={className:"string",variants:[{begin:\'(u8?|U|L)?"\',end:\'"\',illegal:"\\\\n",contains:[e.BACKSLASH_ESCAPE]},{begin:"(u8?|U|L)?\'("+"\\\\\\\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4,8}|[0-7]{3}|\\\\S)"+"|.)",end:"\'",illegal:"."},e.END_SAME_AS_BEGIN({begin:/(?:u8?|U|L)?R"([^()\\\\\\s"]{0,16})\\(/,end:/\\)([^()\\\\\\s"]{0,16})"/})]},d={className:"number",variants:[{begin:"[+-]?(?:(?:\\\\b[0-9](?:\'?[0-9])*\\\\.(?:[0-9](?:\'?[0-9])*)?|\\\\.[0-9](?:\'?[0-9])*)(?:[Ee][+-]?[0-9](?:\'?[0-9])*)?|\\\\b[0-9](?:\'?[0-9])*[Ee][+-]?[0-9](?:\'?[0-9])*|\\\\b0[Xx](?:[0-9A-Fa-f](?:\'?[0-9A-Fa-f])*(?:\\\\.(?:[0-9A-Fa-f](?:\'?[0-9A-Fa-f])*)?)?|\\\\.[0-9A-Fa-f](?:\'?[0-9A-Fa-f])*)[Pp][+-]?[0-9](?:\'?[0-9])*)(?:[Ff](?:16|32|64|128)?|(BF|bf)16|[Ll]|)"},{begin:"[+-]?\\\\b(?:0[Bb][01](?:\'?[01])*|0[Xx][0-9A-Fa-f](?:\'?[0-9A-Fa-f])*|0(?:\'?[0-7])*|[1-9](?:\'?[0-9])*)(?:[Uu](?:LL?|ll?)|[Uu][Zz]?|(?:LL?|ll?)[Uu]?|[Zz][Uu]|)"}],relevance:0},y={scope:"meta",begin:/#\\s*include\\b/,end:/$/,keywords:{keyword:"include"},contains:[{begin:/\\\\\\n/},u,{scope:"string",begin:/<.*?>/},t,e.C_BLOCK_COMMENT_MODE]},_={className:"meta",begin:/#\\s*[a-z]+\\b/,end:/$/,keywords:{keyword:"if else elif endif define undef warning error line pragma _Pragma ifdef ifndef include"},contains:[{begin:/\\\\\\n/,relevance:0},e.inherit(u,{className:"string"}),t,e.C_BLOCK_COMMENT_MODE]},E=[y,_],T={className:"title",begin:n.optional(l)+e.IDENT_RE,relevance:0},S=n.optional(l)+e.IDENT_RE+"\\\\s*\\\\(",v=12,x=["alignas","alignof","and","and_eq","asm","atomic_cancel","atomic_commit","atomic_noexcept","auto","bitand","bitor","break","case","catch","class","co_await","co_return","co_yield","compl","concept","const_cast|10","consteval","constexpr","constinit","continue","decltype","default","delete","do","dynamic_cast|10","else","enum","explicit","export","extern","false","final","for","friend","goto","if","import","inline","module","mutable","namespace","new","noexcept","not","not_eq","nullptr","operator","or","or_eq","override","private","protected","public","reflexpr","register","reinterpret_cast|10","requires","return","sizeof","static_assert","static_cast|10","struct","switch","synchronized","template","this","thread_local","throw","transaction_safe","transaction_safe_dynamic","true","try","typedef","typeid","typename","union","using","virtual","volatile","while","xor","xor_eq"],C=["bool","char","char16_t","char32_t","char8_t","double","float","int","long","short","void","wchar_t","unsigned","signed","const","static"],P=["any","auto_ptr","barrier","binary_semaphore","bitset","complex","condition_variable","condition_variable_any","counting_semaphore","deque","false_type","flat_map","flat_set","future","imaginary","initializer_list","istringstream","jthread","latch","lock_guard","multimap","multiset","mutex","optional","ostringstream","packaged_task","pair","promise","priority_queue","queue","recursive_mutex","recursive_timed_mutex","scoped_lock","set","shared_future","shared_lock","shared_mutex","shared_timed_mutex","shared_ptr","stack","string_view","stringstream","timed_mutex","thread","true_type","tuple","unique_lock","unique_ptr","unordered_map","unordered_multimap","unordered_multiset","unordered_set","variant","vector","weak_ptr","wstring","wstring_view"],w=["abort","abs","acos","apply","as_const","asin","atan","atan2","calloc","ceil","cerr","cin","clog","cos","cosh","cout","declval","endl","exchange","exit","exp","fabs","floor","fmod","forward","fprintf","fputs","free","frexp","fscanf","future","invoke","isalnum","isalpha","iscntrl","isdigit","isgraph","islower","isprint","ispunct","isspace","isupper","isxdigit","labs","launder","ldexp","log","log10","make_pair","make_shared","make_shared_for_overwrite","make_tuple","make_unique","malloc","memchr","memcmp","memcpy","memset","modf","move","pow","printf","putchar","puts","realloc","scanf","sin","sinh","snprintf","sprintf","sqrt","sscanf","std","stderr","stdin","stdout","strcat","strchr","strcmp","strcpy","strcspn","strlen","strncat","strncmp","strncpy","strpbrk","strrchr","strspn","strstr","swap","tan","tanh","terminate","to_underlying","tolower","toupper","vfprintf","visit","vprintf","vsprintf"],D={type:C,keyword:x,literal:["NULL","false","nullopt","nullptr","true"],built_in:["_Pragma"],_type_hints:P},B={className:"function.dispatch",relevance:0,keywords:{_hint:w},begin:n.concat(/\\b/,`(?!${x.join("|")})`,e.IDENT_RE,n.lookahead(/(<[^<>]+>|)\\s*\\(/))},U=[B,...E,r,t,e.C_BLOCK_COMMENT_MODE,d,u],W={variants:[{begin:/=/,end:/;/},{begin:/\\(/,end:/\\)/},{beginKeywords:"new throw return else",end:/;/}],keywords:D,contains:U.concat([{begin:/\\(/,end:/\\)/,keywords:D,contains:U.concat(["self"]),relevance:0}]),relevance:0},V={className:"function",begin:"("+i+"[\\\\*&\\\\s]+){1,"+v+"}"+S,returnBegin:!0,end:/[{;=]/,excludeEnd:!0,keywords:D,illegal:/[^\\w\\s\\*&:<>.]/,contains:[{begin:a,keywords:D,relevance:0},{begin:S,returnBegin:!0,contains:[T],relevance:0},{begin:/::/,relevance:0},{begin:/:/,endsWithParent:!0,contains:[u,d]},{relevance:0,match:/,/},{className:"params",begin:/\\(/,end:/\\)/,keywords:D,relevance:0,contains:[t,e.C_BLOCK_COMMENT_MODE,u,d,r,{begin:/\\(/,end:/\\)/,keywords:D,relevance:0,contains:["self",t,e.C_BLOCK_COMMENT_MODE,u,d,r]}]},r,t,e.C_BLOCK_COMMENT_MODE,...E]};return{name:"C++",aliases:["cc","c++","h++","hpp","hh","hxx","cxx"],keywords:D,illegal:"</",classNameAliases:{"function.dispatch":"built_in"},contains:[].concat(W,V,B,U,[...E,{begin:"\\\\b(deque|list|queue|priority_queue|pair|stack|vector|map|set|bitset|multiset|multimap|unordered_map|unordered_set|unordered_multiset|unordered_multimap|array|tuple|optional|variant|function|flat_map|flat_set)\\\\s*<(?!<)",end:">",keywords:D,contains:["self",r]},{begin:e.IDENT_RE+"::",keywords:D},{match:[/\\b(?:enum(?:\\s+(?:class|struct))?|class|struct|union)/,/\\s+/,/\\w+/],className:{1:"keyword",3:"title.class"}}])}}var $t=e=>({IMPORTANT:{scope:"meta",begin:"!important"},BLOCK_COMMENT:e.C_BLOCK_COMMENT_MODE,HEXCOLOR:{scope:"number",begin:/#(([0-9a-fA-F]{3,4})|(([0-9a-fA-F]{2}){3,4}))\\b/},UNICODE_RANGE:{scope:"number",begin:/\\b[Uu]\\+[0-9A-Fa-f][0-9A-Fa-f?]{0,5}(-[0-9A-Fa-f][0-9A-Fa-f]{0,5})?/},FUNCTION_DISPATCH:{className:"built_in",begin:/[\\w-]+(?=\\()/},ATTRIBUTE_SELECTOR_MODE:{scope:"selector-attr",begin:/\\[/,end:/\\]/,illegal:"$",contains:[e.APOS_STRING_MODE,e.QUOTE_STRING_MODE]},CSS_NUMBER_MODE:{scope:"number",begin:e.NUMBER_RE+"(%|em|ex|ch|rem|vw|vh|vmin|vmax|cm|mm|in|pt|pc|px|deg|grad|rad|turn|s|ms|Hz|kHz|dpi|dpcm|dppx)?",relevance:0},CSS_VARIABLE:{className:"attr",begin:/--[A-Za-z_][A-Za-z0-9_-]*/}}),zt=["a","abbr","address","article","aside","audio","b","blockquote","body","button","canvas","caption","cite","code","dd","del","details","dfn","div","dl","dt","em","fieldset","figcaption","figure","footer","form","h1","h2","h3","h4","h5","h6","header","hgroup","html","i","iframe","img","input","ins","kbd","label","legend","li","main","mark","menu","nav","object","ol","optgroup","option","p","picture","q","quote","samp","section","select","source","span","strong","summary","sup","table","tbody","td","textarea","tfoot","th","thead","time","tr","ul","var","video"],Ft=["defs","g","marker","mask","pattern","svg","switch","symbol","feBlend","feColorMatrix","feComponentTransfer","feComposite","feConvolveMatrix","feDiffuseLighting","feDisplacementMap","feFlood","feGaussianBlur","feImage","feMerge","feMorphology","feOffset","feSpecularLighting","feTile","feTurbulence","linearGradient","radialGradient","stop","circle","ellipse","image","line","path","polygon","polyline","rect","text","use","textPath","tspan","foreignObject","clipPath"],Gt=[...zt,...Ft],Ht=["any-hover","any-pointer","aspect-ratio","color","color-gamut","color-index","device-aspect-ratio","device-height","device-width","display-mode","forced-colors","grid","height","hover","inverted-colors","monochrome","orientation","overflow-block","overflow-inline","pointer","prefers-color-scheme","prefers-contrast","prefers-reduced-motion","prefers-reduced-transparency","resolution","scan","scripting","update","width","min-width","max-width","min-height","max-height"].sort().reverse(),Kt=["active","any-link","blank","checked","current","default","defined","dir","disabled","drop","empty","enabled","first","first-child","first-of-type","fullscreen","future","focus","focus-visible","focus-within","has","host","host-context","hover","indeterminate","in-range","invalid","is","lang","last-child","last-of-type","left","link","local-link","not","nth-child","nth-col","nth-last-child","nth-last-col","nth-last-of-type","nth-of-type","only-child","only-of-type","optional","out-of-range","past","placeholder-shown","read-only","read-write","required","right","root","scope","target","target-within","user-invalid","valid","visited","where"].sort().reverse(),Yt=["after","backdrop","before","cue","cue-region","first-letter","first-line","grammar-error","marker","part","placeholder","selection","slotted","spelling-error"].sort().reverse(),Zt=["accent-color","align-content","align-items","align-self","alignment-baseline","all","anchor-name","animation","animation-composition","animation-delay","animation-direction","animation-duration","animation-fill-mode","animation-iteration-count","animation-name","animation-play-state","animation-range","animation-range-end","animation-range-start","animation-timeline","animation-timing-function","appearance","aspect-ratio","backdrop-filter","backface-visibility","background","background-attachment","background-blend-mode","background-clip","background-color","background-image","background-origin","background-position","background-position-x","background-position-y","background-repeat","background-size","baseline-shift","block-size","border","border-block","border-block-color","border-block-end","border-block-end-color","border-block-end-style","border-block-end-width","border-block-start","border-block-start-color","border-block-start-style","border-block-start-width","border-block-style","border-block-width","border-bottom","border-bottom-color","border-bottom-left-radius","border-bottom-right-radius","border-bottom-style","border-bottom-width","border-collapse","border-color","border-end-end-radius","border-end-start-radius","border-image","border-image-outset","border-image-repeat","border-image-slice","border-image-source","border-image-width","border-inline","border-inline-color","border-inline-end","border-inline-end-color","border-inline-end-style","border-inline-end-width","border-inline-start","border-inline-start-color","border-inline-start-style","border-inline-start-width","border-inline-style","border-inline-width","border-left","border-left-color","border-left-style","border-left-width","border-radius","border-right","border-right-color","border-right-style","border-right-width","border-spacing","border-start-end-radius","border-start-start-radius","border-style","border-top","border-top-color","border-top-left-radius","border-top-right-radius","border-top-style","border-top-width","border-width","bottom","box-align","box-decoration-break","box-direction","box-flex","box-flex-group","box-lines","box-ordinal-group","box-orient","box-pack","box-shadow","box-sizing","break-after","break-before","break-inside","caption-side","caret-color","clear","clip","clip-path","clip-rule","color","color-interpolation","color-interpolation-filters","color-profile","color-rendering","color-scheme","column-count","column-fill","column-gap","column-rule","column-rule-color","column-rule-style","column-rule-width","column-span","column-width","columns","contain","contain-intrinsic-block-size","contain-intrinsic-height","contain-intrinsic-inline-size","contain-intrinsic-size","contain-intrinsic-width","container","container-name","container-type","content","content-visibility","corner-bottom-left-shape","corner-bottom-right-shape","corner-shape","corner-top-left-shape","corner-top-right-shape","counter-increment","counter-reset","counter-set","cue","cue-after","cue-before","cursor","cx","cy","direction","display","dominant-baseline","empty-cells","enable-background","field-sizing","fill","fill-opacity","fill-rule","filter","flex","flex-basis","flex-direction","flex-flow","flex-grow","flex-shrink","flex-wrap","float","flood-color","flood-opacity","flow","font","font-display","font-family","font-feature-settings","font-kerning","font-language-override","font-optical-sizing","font-palette","font-size","font-size-adjust","font-smooth","font-smoothing","font-stretch","font-style","font-synthesis","font-synthesis-position","font-synthesis-small-caps","font-synthesis-style","font-synthesis-weight","font-variant","font-variant-alternates","font-variant-caps","font-variant-east-asian","font-variant-emoji","font-variant-ligatures","font-variant-numeric","font-variant-position","font-variation-settings","font-weight","forced-color-adjust","gap","glyph-orientation-horizontal","glyph-orientation-vertical","grid","grid-area","grid-auto-columns","grid-auto-flow","grid-auto-rows","grid-column","grid-column-end","grid-column-start","grid-gap","grid-row","grid-row-end","grid-row-start","grid-template","grid-template-areas","grid-template-columns","grid-template-rows","hanging-punctuation","height","hyphenate-character","hyphenate-limit-chars","hyphens","icon","image-orientation","image-rendering","image-resolution","ime-mode","initial-letter","initial-letter-align","inline-size","inset","inset-area","inset-block","inset-block-end","inset-block-start","inset-inline","inset-inline-end","inset-inline-start","isolation","justify-content","justify-items","justify-self","kerning","left","letter-spacing","lighting-color","line-break","line-height","line-height-step","list-style","list-style-image","list-style-position","list-style-type","margin","margin-block","margin-block-end","margin-block-start","margin-bottom","margin-inline","margin-inline-end","margin-inline-start","margin-left","margin-right","margin-top","margin-trim","marker","marker-end","marker-mid","marker-start","marks","mask","mask-border","mask-border-mode","mask-border-outset","mask-border-repeat","mask-border-slice","mask-border-source","mask-border-width","mask-clip","mask-composite","mask-image","mask-mode","mask-origin","mask-position","mask-repeat","mask-size","mask-type","masonry-auto-flow","math-depth","math-shift","math-style","max-block-size","max-height","max-inline-size","max-width","min-block-size","min-height","min-inline-size","min-width","mix-blend-mode","nav-down","nav-index","nav-left","nav-right","nav-up","none","normal","object-fit","object-position","offset","offset-anchor","offset-distance","offset-path","offset-position","offset-rotate","opacity","order","orphans","outline","outline-color","outline-offset","outline-style","outline-width","overflow","overflow-anchor","overflow-block","overflow-clip-margin","overflow-inline","overflow-wrap","overflow-x","overflow-y","overlay","overscroll-behavior","overscroll-behavior-block","overscroll-behavior-inline","overscroll-behavior-x","overscroll-behavior-y","padding","padding-block","padding-block-end","padding-block-start","padding-bottom","padding-inline","padding-inline-end","padding-inline-start","padding-left","padding-right","padding-top","page","page-break-after","page-break-before","page-break-inside","paint-order","pause","pause-after","pause-before","perspective","perspective-origin","place-content","place-items","place-self","pointer-events","position","position-anchor","position-visibility","print-color-adjust","quotes","r","resize","rest","rest-after","rest-before","right","rotate","row-gap","ruby-align","ruby-position","scale","scroll-behavior","scroll-margin","scroll-margin-block","scroll-margin-block-end","scroll-margin-block-start","scroll-margin-bottom","scroll-margin-inline","scroll-margin-inline-end","scroll-margin-inline-start","scroll-margin-left","scroll-margin-right","scroll-margin-top","scroll-padding","scroll-padding-block","scroll-padding-block-end","scroll-padding-block-start","scroll-padding-bottom","scroll-padding-inline","scroll-padding-inline-end","scroll-padding-inline-start","scroll-padding-left","scroll-padding-right","scroll-padding-top","scroll-snap-align","scroll-snap-stop","scroll-snap-type","scroll-timeline","scroll-timeline-axis","scroll-timeline-name","scrollbar-color","scrollbar-gutter","scrollbar-width","shape-image-threshold","shape-margin","shape-outside","shape-rendering","speak","speak-as","src","stop-color","stop-opacity","stroke","stroke-dasharray","stroke-dashoffset","stroke-linecap","stroke-linejoin","stroke-miterlimit","stroke-opacity","stroke-width","tab-size","table-layout","text-align","text-align-all","text-align-last","text-anchor","text-combine-upright","text-decoration","text-decoration-color","text-decoration-line","text-decoration-skip","text-decoration-skip-ink","text-decoration-style","text-decoration-thickness","text-emphasis","text-emphasis-color","text-emphasis-position","text-emphasis-style","text-indent","text-justify","text-orientation","text-overflow","text-rendering","text-shadow","text-size-adjust","text-transform","text-underline-offset","text-underline-position","text-wrap","text-wrap-mode","text-wrap-style","timeline-scope","top","touch-action","transform","transform-box","transform-origin","transform-style","transition","transition-behavior","transition-delay","transition-duration","transition-property","transition-timing-function","translate","unicode-bidi","unicode-range","user-modify","user-select","vector-effect","vertical-align","view-timeline","view-timeline-axis","view-timeline-inset","view-timeline-name","view-transition-name","visibility","voice-balance","voice-duration","voice-family","voice-pitch","voice-range","voice-rate","voice-stress","voice-volume","white-space","white-space-collapse","widows","width","will-change","word-break","word-spacing","word-wrap","writing-mode","x","y","z-index","zoom"].sort().reverse();function on(e){let n=e.regex,t=$t(e),a={begin:/-(webkit|moz|ms|o)-(?=[a-z])/},l="and or not only",f=/@-?\\w[\\w]*(-\\w+)*/,i="[a-zA-Z-][a-zA-Z0-9_-]*",r=[e.APOS_STRING_MODE,e.QUOTE_STRING_MODE];return{name:"CSS",case_insensitive:!0,illegal:/[=|\'\\$]/,keywords:{keyframePosition:"from to"},classNameAliases:{keyframePosition:"selector-tag"},contains:[t.BLOCK_COMMENT,a,t.CSS_NUMBER_MODE,{className:"selector-id",begin:/#[A-Za-z0-9_-]+/,relevance:0},{className:"selector-class",begin:"\\\\."+i,relevance:0},t.ATTRIBUTE_SELECTOR_MODE,{className:"selector-pseudo",variants:[{begin:":("+Kt.join("|")+")"},{begin:":(:)?("+Yt.join("|")+")"}]},t.CSS_VARIABLE,{className:"attribute",begin:"\\\\b("+Zt.join("|")+")\\\\b"},{begin:/:/,end:/[;}{]/,contains:[t.BLOCK_COMMENT,t.HEXCOLOR,t.IMPORTANT,t.CSS_NUMBER_MODE,t.UNICODE_RANGE,...r,{begin:/(url|data-uri)\\(/,end:/\\)/,relevance:0,keywords:{built_in:"url data-uri"},contains:[...r,{className:"string",begin:/[^)]/,endsWithParent:!0,excludeEnd:!0}]},t.FUNCTION_DISPATCH]},{begin:n.lookahead(/@/),end:"[{;]",relevance:0,illegal:/:/,contains:[{className:"keyword",begin:f},{begin:/\\s/,endsWithParent:!0,excludeEnd:!0,relevance:0,keywords:{$pattern:/[a-z-]+/,keyword:l,attribute:Ht.join(" ")},contains:[{begin:/[a-z-]+(?=:)/,className:"attribute"},...r,t.CSS_NUMBER_MODE]}]},{className:"selector-tag",begin:"\\\\b("+Gt.join("|")+")\\\\b"}]}}function cn(e){let n=e.regex;return{name:"Diff",aliases:["patch"],contains:[{className:"meta",relevance:10,match:n.either(/^@@ +-\\d+,\\d+ +\\+\\d+,\\d+ +@@/,/^@@ +-\\d+ +\\+\\d+,\\d+ +@@/,/^@@ +-\\d+,\\d+ +\\+\\d+ +@@/,/^@@ +-\\d+ +\\+\\d+ +@@/,/^\\*\\*\\* +\\d+,\\d+ +\\*\\*\\*\\*$/,/^--- +\\d+,\\d+ +----$/)},{className:"comment",variants:[{begin:n.either(/Index: /,/^index/,/={3,}/,/^-{3}/,/^\\*{3} /,/^\\+{3}/,/^diff --git/),end:/$/},{match:/^\\*{15}$/}]},{className:"addition",begin:/^\\+/,end:/$/},{className:"deletion",begin:/^-/,end:/$/},{className:"addition",begin:/^!/,end:/$/}]}}function ln(e){let f={keyword:["break","case","chan","const","continue","default","defer","else","fallthrough","for","func","go","goto","if","import","interface","map","package","range","return","select","struct","switch","type","var"],type:["bool","byte","complex64","complex128","error","float32","float64","int8","int16","int32","int64","string","uint8","uint16","uint32","uint64","int","uint","uintptr","rune"],literal:["true","false","iota","nil"],built_in:["append","cap","close","complex","copy","imag","len","make","new","panic","print","println","real","recover","delete"]};return{name:"Go",aliases:["golang"],keywords:f,illegal:"</",contains:[e.C_LINE_COMMENT_MODE,e.C_BLOCK_COMMENT_MODE,{className:"string",variants:[e.QUOTE_STRING_MODE,e.APOS_STRING_MODE,{begin:"`",end:"`"}]},{className:"number",variants:[{match:/-?\\b0[xX]\\.[a-fA-F0-9](_?[a-fA-F0-9])*[pP][+-]?\\d(_?\\d)*i?/,relevance:0},{match:/-?\\b0[xX](_?[a-fA-F0-9])+((\\.([a-fA-F0-9](_?[a-fA-F0-9])*)?)?[pP][+-]?\\d(_?\\d)*)?i?/,relevance:0},{match:/-?\\b0[oO](_?[0-7])*i?/,relevance:0},{match:/-?\\b0[bB](_?[01])*i?/,relevance:0},{match:/-?\\.\\d(_?\\d)*([eE][+-]?\\d(_?\\d)*)?i?/,relevance:0},{match:/-?\\b\\d(_?\\d)*(\\.(\\d(_?\\d)*)?)?([eE][+-]?\\d(_?\\d)*)?i?/,relevance:0}]},{begin:/:=/},{className:"function",beginKeywords:"func",end:"\\\\s*(\\\\{|$)",excludeEnd:!0,contains:[e.TITLE_MODE,{className:"params",begin:/\\(/,end:/\\)/,endsParent:!0,keywords:f,illegal:/["\']/}]}]}}var te="[0-9](_*[0-9])*",_e=`\\\\.(${te})`,me="[0-9a-fA-F](_*[0-9a-fA-F])*",un={className:"number",variants:[{begin:`(\\\\b(${te})((${_e})|\\\\.)?|(${_e}))[eE][+-]?(${te})[fFdD]?\\\\b`},{begin:`\\\\b(${te})((${_e})[fFdD]?\\\\b|\\\\.([fFdD]\\\\b)?)`},{begin:`(${_e})[fFdD]?\\\\b`},{begin:`\\\\b(${te})[fFdD]\\\\b`},{begin:`\\\\b0[xX]((${me})\\\\.?|(${me})?\\\\.(${me}))[pP][+-]?(${te})[fFdD]?\\\\b`},{begin:"\\\\b(0|[1-9](_*[0-9])*)[lL]?\\\\b"},{begin:`\\\\b0[xX](${me})[lL]?\\\\b`},{begin:"\\\\b0(_*[0-7])*[lL]?\\\\b"},{begin:"\\\\b0[bB][01](_*[01])*[lL]?\\\\b"}],relevance:0};function dn(e,n,t){return t===-1?"":e.replace(n,a=>dn(e,n,t-1))}function gn(e){let n=e.regex,t="[\\xC0-\\u02B8a-zA-Z_$][\\xC0-\\u02B8a-zA-Z_$0-9]*",a="(?:(?:\\\\s*\\\\[\\\\s*])+)?",l=t+"<@@@>"+a,i="(?:"+("\\\\?(?:\\\\s+(?:extends|super)\\\\s+"+l+")?")+"|"+l+")",r=dn("(?:\\\\s*<\\\\s*"+i+"(?:\\\\s*,\\\\s*"+i+")*\\\\s*>)?",/<@@@>/g,2),_={keyword:["synchronized","abstract","private","var","static","if","const ","for","while","strictfp","finally","protected","import","native","final","void","enum","else","break","transient","catch","instanceof","volatile","case","assert","package","default","public","try","switch","continue","throws","protected","public","private","module","requires","exports","do","sealed","yield","permits","goto","when"],literal:["false","true","null"],type:["char","boolean","long","float","int","byte","short","double"],built_in:["super","this"]},E={className:"meta",begin:"@"+t,contains:[{begin:/\\(/,end:/\\)/,contains:["self"]}]},T={className:"params",begin:/\\(/,end:/\\)/,keywords:_,relevance:0,contains:[e.C_BLOCK_COMMENT_MODE],endsParent:!0};return{name:"Java",aliases:["jsp"],keywords:_,illegal:/<\\/|#/,contains:[e.COMMENT("/\\\\*\\\\*","\\\\*/",{relevance:0,contains:[{begin:/\\w+@/,relevance:0},{className:"doctag",begin:"@[A-Za-z]+"}]}),{begin:/import java\\.[a-z]+\\./,keywords:"import",relevance:2},e.C_LINE_COMMENT_MODE,e.C_BLOCK_COMMENT_MODE,{begin:/"""/,end:/"""/,className:"string",contains:[e.BACKSLASH_ESCAPE]},e.APOS_STRING_MODE,e.QUOTE_STRING_MODE,{match:[/\\b(?:class|interface|enum|extends|implements|new)/,/\\s+/,t],className:{1:"keyword",3:"title.class"}},{match:/non-sealed/,scope:"keyword"},{beginKeywords:"new throw return else yield assert",relevance:0},{begin:[t,n.concat(r,a,/\\s+/),t,a,/\\s*/,/=(?!=)/],className:{1:"type",3:"variable",6:"operator"}},{begin:[/record/,/\\s+/,t],className:{1:"keyword",3:"title.class"},contains:[T,e.C_LINE_COMMENT_MODE,e.C_BLOCK_COMMENT_MODE]},{begin:[t,n.concat(r,a,/\\s+/),t,/\\s*(?=\\()/],className:{1:"type",3:"title.function"},keywords:_,contains:[{className:"params",begin:/\\(/,end:/\\)/,keywords:_,relevance:0,contains:[E,e.APOS_STRING_MODE,e.QUOTE_STRING_MODE,un,e.C_BLOCK_COMMENT_MODE]},e.C_LINE_COMMENT_MODE,e.C_BLOCK_COMMENT_MODE]},un,E]}}var pn="[A-Za-z$_][0-9A-Za-z$_]*",Wt=["as","in","of","if","for","while","finally","var","new","function","do","return","void","else","break","catch","instanceof","with","throw","case","default","try","switch","continue","typeof","delete","let","yield","const","class","debugger","async","await","static","import","from","export","extends","using"],qt=["true","false","null","undefined","NaN","Infinity"],bn=["Object","Function","Boolean","Symbol","Math","Date","Number","BigInt","String","RegExp","Array","Float32Array","Float64Array","Int8Array","Uint8Array","Uint8ClampedArray","Int16Array","Int32Array","Uint16Array","Uint32Array","BigInt64Array","BigUint64Array","Set","Map","WeakSet","WeakMap","ArrayBuffer","SharedArrayBuffer","Atomics","DataView","JSON","Promise","Generator","GeneratorFunction","AsyncFunction","Reflect","Proxy","Intl","WebAssembly"],fn=["Error","EvalError","InternalError","RangeError","ReferenceError","SyntaxError","TypeError","URIError"],_n=["setInterval","setTimeout","clearInterval","clearTimeout","require","exports","eval","isFinite","isNaN","parseFloat","parseInt","decodeURI","decodeURIComponent","encodeURI","encodeURIComponent","escape","unescape"],Xt=["arguments","this","super","console","window","document","localStorage","sessionStorage","module","self","global"],Vt=[].concat(_n,bn,fn);function mn(e){let n=e.regex,t=(g,{after:h})=>{let A="</"+g[0].slice(1);return g.input.indexOf(A,h)!==-1},a=pn,l={begin:"<>",end:"</>"},f=/<[A-Za-z0-9\\\\._:-]+\\s*\\/>/,i={begin:/<[A-Za-z0-9\\\\._:-]+/,end:/\\/[A-Za-z0-9\\\\._:-]+>|\\/>/,isTrulyOpeningTag:(g,h)=>{let A=g[0].length+g.index,I=g.input[A];if(I==="<"||I===","){h.ignoreMatch();return}I===">"&&(t(g,{after:A})||h.ignoreMatch());let z,H=g.input.substring(A);if(z=H.match(/^\\s*=/)){h.ignoreMatch();return}if((z=H.match(/^\\s+extends\\s+/))&&z.index===0){h.ignoreMatch();return}}},r={$pattern:pn,keyword:Wt,literal:qt,built_in:Vt,"variable.language":Xt},o="[0-9](_?[0-9])*",u=`\\\\.(${o})`,d="0|[1-9](_?[0-9])*|0[0-7]*[89][0-9]*",y={className:"number",variants:[{begin:`(\\\\b(${d})((${u})|\\\\.)?|(${u}))[eE][+-]?(${o})\\\\b`},{begin:`\\\\b(${d})\\\\b((${u})\\\\b|\\\\.)?|(${u})\\\\b`},{begin:"\\\\b(0|[1-9](_?[0-9])*)n\\\\b"},{begin:"\\\\b0[xX][0-9a-fA-F](_?[0-9a-fA-F])*n?\\\\b"},{begin:"\\\\b0[bB][0-1](_?[0-1])*n?\\\\b"},{begin:"\\\\b0[oO][0-7](_?[0-7])*n?\\\\b"},{begin:"\\\\b0[0-7]+n?\\\\b"}],relevance:0},_={className:"subst",begin:"\\\\$\\\\{",end:"\\\\}",keywords:r,contains:[]},E={begin:".?html`",end:"",starts:{end:"`",returnEnd:!1,contains:[e.BACKSLASH_ESCAPE,_],subLanguage:"xml"}},T={begin:".?css`",end:"",starts:{end:"`",returnEnd:!1,contains:[e.BACKSLASH_ESCAPE,_],subLanguage:"css"}},S={begin:".?gql`",end:"",starts:{end:"`",returnEnd:!1,contains:[e.BACKSLASH_ESCAPE,_],subLanguage:"graphql"}},v={className:"string",begin:"`",end:"`",contains:[e.BACKSLASH_ESCAPE,_]},C={className:"comment",variants:[e.COMMENT(/\\/\\*\\*(?!\\/)/,"\\\\*/",{relevance:0,contains:[{begin:"(?=@[A-Za-z]+)",relevance:0,contains:[{className:"doctag",begin:"@[A-Za-z]+"},{className:"type",begin:"\\\\{",end:"\\\\}",excludeEnd:!0,excludeBegin:!0,relevance:0},{className:"variable",begin:a+"(?=\\\\s*(-)|$)",endsParent:!0,relevance:0},{begin:/(?=[^\\n])\\s/,relevance:0}]}]}),e.C_BLOCK_COMMENT_MODE,e.C_LINE_COMMENT_MODE]},P=[e.APOS_STRING_MODE,e.QUOTE_STRING_MODE,E,T,S,v,{match:/\\$\\d+/},y];_.contains=P.concat({begin:/\\{/,end:/\\}/,keywords:r,contains:["self"].concat(P)});let w=[].concat(C,_.contains),M=w.concat([{begin:/(\\s*)\\(/,end:/\\)/,keywords:r,contains:["self"].concat(w)}]),k={className:"params",begin:/(\\s*)\\(/,end:/\\)/,excludeBegin:!0,excludeEnd:!0,keywords:r,contains:M},D={variants:[{match:[/class/,/\\s+/,a,/\\s+/,/extends/,/\\s+/,n.concat(a,"(",n.concat(/\\./,a),")*")],scope:{1:"keyword",3:"title.class",5:"keyword",7:"title.class.inherited"}},{match:[/class/,/\\s+/,a],scope:{1:"keyword",3:"title.class"}}]},B={relevance:0,match:n.either(/\\bJSON/,/\\b[A-Z][a-z]+([A-Z][a-z]*|\\d)*/,/\\b[A-Z]{2,}([A-Z][a-z]+|\\d)+([A-Z][a-z]*)*/,/\\b[A-Z]{2,}[a-z]+([A-Z][a-z]+|\\d)*([A-Z][a-z]*)*/),className:"title.class",keywords:{_:[...bn,...fn]}},U={label:"use_strict",className:"meta",relevance:10,begin:/^\\s*[\'"]use (strict|asm)[\'"]/},W={variants:[{match:[/function/,/\\s+/,a,/(?=\\s*\\()/]},{match:[/function/,/\\s*(?=\\()/]}],className:{1:"keyword",3:"title.function"},label:"func.def",contains:[k],illegal:/%/},V={relevance:0,match:/\\b[A-Z][A-Z_0-9]+\\b/,className:"variable.constant"};function ae(g){return n.concat("(?!",g.join("|"),")")}let re={match:n.concat(/\\b/,ae([..._n,"super","import","await"].map(g=>`${g}\\\\s*\\\\(`)),a,n.lookahead(/\\s*\\(/)),className:"title.function",relevance:0},q={begin:n.concat(/\\./,n.lookahead(n.concat(a,/(?![0-9A-Za-z$_(])/))),end:a,excludeBegin:!0,keywords:"prototype",className:"property",relevance:0},ie={match:[/get|set/,/\\s+/,a,/(?=\\()/],className:{1:"keyword",3:"title.function"},contains:[{begin:/\\(\\)/},k]},s="(\\\\([^()]*(\\\\([^()]*(\\\\([^()]*\\\\)[^()]*)*\\\\)[^()]*)*\\\\)|"+e.UNDERSCORE_IDENT_RE+")\\\\s*=>",p={match:[/const|var|let/,/\\s+/,a,/\\s*/,/=\\s*/,/(async\\s*)?/,n.lookahead(s)],keywords:"async",className:{1:"keyword",3:"title.function"},contains:[k]};return{name:"JavaScript",aliases:["js","jsx","mjs","cjs"],keywords:r,exports:{PARAMS_CONTAINS:M,CLASS_REFERENCE:B},illegal:/#(?![$_A-Za-z])/,contains:[e.SHEBANG({label:"shebang",binary:"node",relevance:5}),U,e.APOS_STRING_MODE,e.QUOTE_STRING_MODE,E,T,S,v,C,{match:/\\$\\d+/},y,B,{scope:"attr",match:a+n.lookahead(":"),relevance:0},p,{begin:"("+e.RE_STARTERS_RE+"|\\\\b(case|return|throw)\\\\b)\\\\s*",keywords:"return throw case",relevance:0,contains:[C,e.REGEXP_MODE,{className:"function",begin:s,returnBegin:!0,end:"\\\\s*=>",contains:[{className:"params",variants:[{begin:e.UNDERSCORE_IDENT_RE,relevance:0},{className:null,begin:/\\(\\s*\\)/,skip:!0},{begin:/(\\s*)\\(/,end:/\\)/,excludeBegin:!0,excludeEnd:!0,keywords:r,contains:M}]}]},{begin:/,/,relevance:0},{match:/\\s+/,relevance:0},{variants:[{begin:l.begin,end:l.end},{match:f},{begin:i.begin,"on:begin":i.isTrulyOpeningTag,end:i.end}],subLanguage:"xml",contains:[{begin:i.begin,end:i.end,skip:!0,contains:["self"]}]}]},W,{beginKeywords:"while if switch catch for"},{begin:"\\\\b(?!function)"+e.UNDERSCORE_IDENT_RE+"\\\\([^()]*(\\\\([^()]*(\\\\([^()]*\\\\)[^()]*)*\\\\)[^()]*)*\\\\)\\\\s*\\\\{",returnBegin:!0,label:"func.def",contains:[k,e.inherit(e.TITLE_MODE,{begin:a,className:"title.function"})]},{match:/\\.\\.\\./,relevance:0},q,{match:"\\\\$"+a,relevance:0},{match:[/\\bconstructor(?=\\s*\\()/],className:{1:"title.function"},contains:[k]},re,V,D,ie,{match:/\\$[(.]/}]}}var Qt="([-+]?)(\\\\b0[xX][a-fA-F0-9]+|(\\\\b\\\\d+(\\\\.\\\\d*)?|\\\\.\\\\d+)([eE][-+]?\\\\d+)?)|NaN|[-+]?Infinity",Jt={scope:"number",match:Qt,relevance:0};function En(e){let n={className:"attr",begin:/(("(\\\\.|[^\\\\"\\r\\n])*")|(\'(\\\\.|[^\\\\\'\\r\\n])*\'))(?=\\s*:)/,relevance:1.01},t={match:/[{}[\\],:]/,className:"punctuation",relevance:0},a=["true","false","null"],l={scope:"literal",beginKeywords:a.join(" ")};return{name:"JSON",aliases:["jsonc","json5"],keywords:{literal:a},contains:[n,t,e.APOS_STRING_MODE,e.QUOTE_STRING_MODE,l,Jt,e.C_LINE_COMMENT_MODE,e.C_BLOCK_COMMENT_MODE],illegal:"\\\\S"}}function hn(e){let n=e.regex,t={begin:/<\\/?[A-Za-z_]/,end:">",subLanguage:"xml",relevance:0},a={match:/^ {0,3}([-*_])[ \\t]*(?:\\1[ \\t]*){2,}$/},l={className:"code",variants:[{begin:"(`{3,})[^`](.|\\\\n)*?\\\\1`*[ ]*"},{begin:"(~{3,})[^~](.|\\\\n)*?\\\\1~*[ ]*"},{begin:"```",end:"```+[ ]*$"},{begin:"~~~",end:"~~~+[ ]*$"},{begin:"`.+?`"},{begin:"(?=^( {4}|\\\\t))",contains:[{begin:"^( {4}|\\\\t)",end:"(\\\\n)$"}],relevance:0}]},f={className:"bullet",begin:"^[ 	]*([*+-]|(\\\\d+\\\\.))(?=\\\\s+)",end:"\\\\s+",excludeEnd:!0},i={begin:/^\\[[^\\n]+\\]:/,returnBegin:!0,contains:[{className:"symbol",begin:/\\[/,end:/\\]/,excludeBegin:!0,excludeEnd:!0},{className:"link",begin:/:\\s*/,end:/$/,excludeBegin:!0}]},r=/[A-Za-z][A-Za-z0-9+.-]*/,o={variants:[{begin:/\\[.+?\\]\\[.*?\\]/,relevance:0},{begin:/\\[.+?\\]\\(((data|javascript|mailto):|(?:http|ftp)s?:\\/\\/).*?\\)/,relevance:2},{begin:n.concat(/\\[.+?\\]\\(/,r,/:\\/\\/.*?\\)/),relevance:2},{begin:/\\[.+?\\]\\([./?&#].*?\\)/,relevance:1},{begin:/\\[.*?\\]\\(.*?\\)/,relevance:0}],returnBegin:!0,contains:[{match:/\\[(?=\\])/},{className:"string",relevance:0,begin:"\\\\[",end:"\\\\]",excludeBegin:!0,returnEnd:!0},{className:"link",relevance:0,begin:"\\\\]\\\\(",end:"\\\\)",excludeBegin:!0,excludeEnd:!0},{className:"symbol",relevance:0,begin:"\\\\]\\\\[",end:"\\\\]",excludeBegin:!0,excludeEnd:!0}]},u={className:"strong",contains:[],variants:[{begin:/_{2}(?!\\s)/,end:/_{2}/},{begin:/\\*{2}(?!\\s)/,end:/\\*{2}/}]},d={className:"emphasis",contains:[],variants:[{begin:/\\*(?![*\\s])/,end:/\\*/},{begin:/_(?![_\\s])/,end:/_/,relevance:0}]},y=e.inherit(u,{contains:[]}),_=e.inherit(d,{contains:[]});u.contains.push(_),d.contains.push(y);let E=[t,o];return[u,d,y,_].forEach(x=>{x.contains=x.contains.concat(E)}),E=E.concat(u,d),{name:"Markdown",aliases:["md","mkdown","mkd"],contains:[{className:"section",variants:[{begin:"^#{1,6}",end:"$",contains:E},{begin:"(?=^.+?\\\\n[=-]{2,}$)",contains:[{begin:"^[=-]*$"},{begin:"^",end:"\\\\n",contains:E}]}]},t,f,a,u,d,{className:"quote",begin:"^>\\\\s+",contains:E,end:"$"},l,o,i,{scope:"literal",match:/&([a-zA-Z0-9]+|#[0-9]{1,7}|#[Xx][0-9a-fA-F]{1,6});/}]}}function Nn(e){let n=e.regex,t=/[\\p{XID_Start}_]\\p{XID_Continue}*/u,a=["and","as","assert","async","await","break","case","class","continue","def","del","elif","else","except","finally","for","from","global","if","import","in","is","lambda","lazy","match","nonlocal|10","not","or","pass","raise","return","try","while","with","yield"],r={$pattern:/[A-Za-z]\\w+|__\\w+__/,keyword:a,built_in:["__import__","abs","aiter","all","anext","any","ascii","bin","bool","breakpoint","bytearray","bytes","callable","chr","classmethod","compile","complex","delattr","dict","dir","divmod","enumerate","eval","exec","filter","float","format","frozendict","frozenset","getattr","globals","hasattr","hash","help","hex","id","input","int","isinstance","issubclass","iter","len","list","locals","map","max","memoryview","min","next","object","oct","open","ord","pow","print","property","range","repr","reversed","round","sentinel","set","setattr","slice","sorted","staticmethod","str","sum","super","tuple","type","vars","zip"],literal:["__debug__","Ellipsis","False","None","NotImplemented","True"],type:["Any","Callable","Coroutine","Dict","List","Literal","Generic","Optional","Sequence","Set","Tuple","Type","Union"]},o={className:"meta",begin:/^(>>>|\\.\\.\\.) /},u={className:"subst",begin:/\\{/,end:/\\}/,keywords:r,illegal:/#/},d={begin:/\\{\\{/,relevance:0},y={className:"string",contains:[e.BACKSLASH_ESCAPE],variants:[{begin:/([uU]|[bB]|[rR]|[bB][rR]|[rR][bB])?\'\'\'/,end:/\'\'\'/,contains:[e.BACKSLASH_ESCAPE,o],relevance:10},{begin:/([uU]|[bB]|[rR]|[bB][rR]|[rR][bB])?"""/,end:/"""/,contains:[e.BACKSLASH_ESCAPE,o],relevance:10},{begin:/([fFtT][rR]|[rR][fFtT]|[fFtT])\'\'\'/,end:/\'\'\'/,contains:[e.BACKSLASH_ESCAPE,o,d,u]},{begin:/([fFtT][rR]|[rR][fFtT]|[fFtT])"""/,end:/"""/,contains:[e.BACKSLASH_ESCAPE,o,d,u]},{begin:/([uU]|[rR])\'/,end:/\'/,relevance:10},{begin:/([uU]|[rR])"/,end:/"/,relevance:10},{begin:/([bB]|[bB][rR]|[rR][bB])\'/,end:/\'/},{begin:/([bB]|[bB][rR]|[rR][bB])"/,end:/"/},{begin:/([fFtT][rR]|[rR][fFtT]|[fFtT])\'/,end:/\'/,contains:[e.BACKSLASH_ESCAPE,d,u]},{begin:/([fFtT][rR]|[rR][fFtT]|[fFtT])"/,end:/"/,contains:[e.BACKSLASH_ESCAPE,d,u]},e.APOS_STRING_MODE,e.QUOTE_STRING_MODE]},_="[0-9](_?[0-9])*",E=`(\\\\b(${_}))?\\\\.(${_})|\\\\b(${_})\\\\.`,T=`\\\\b|${a.join("|")}`,S={className:"number",relevance:0,variants:[{begin:`(\\\\b(${_})|(${E}))[eE][+-]?(${_})[jJ]?(?=${T})`},{begin:`(${E})[jJ]?`},{begin:`\\\\b([1-9](_?[0-9])*|0+(_?0)*)[lLjJ]?(?=${T})`},{begin:`\\\\b0[bB](_?[01])+[lL]?(?=${T})`},{begin:`\\\\b0[oO](_?[0-7])+[lL]?(?=${T})`},{begin:`\\\\b0[xX](_?[0-9a-fA-F])+[lL]?(?=${T})`},{begin:`\\\\b(${_})[jJ](?=${T})`}]},v={className:"comment",begin:n.lookahead(/# type:/),end:/$/,keywords:r,contains:[{begin:/# type:/},{begin:/#/,end:/\\b\\B/,endsWithParent:!0}]},x={className:"params",variants:[{className:"",begin:/\\(\\s*\\)/,skip:!0},{begin:/\\(/,end:/\\)/,excludeBegin:!0,excludeEnd:!0,keywords:r,contains:["self",o,S,y,e.HASH_COMMENT_MODE]}]};return u.contains=[y,S,o],{name:"Python",aliases:["py","gyp","ipython"],unicodeRegex:!0,keywords:r,illegal:/(<\\/|\\?)|=>/,contains:[o,S,{scope:"variable.language",match:/\\bself\\b/},{beginKeywords:"if",relevance:0},{match:/\\bor\\b/,scope:"keyword"},y,v,e.HASH_COMMENT_MODE,{match:[/\\bdef/,/\\s+/,t],scope:{1:"keyword",3:"title.function"},contains:[x]},{variants:[{match:[/\\bclass/,/\\s+/,t,/\\s*/,/\\(\\s*/,t,/\\s*\\)/]},{match:[/\\bclass/,/\\s+/,t]}],scope:{1:"keyword",3:"title.class",6:"title.class.inherited"}},{className:"meta",begin:/^[\\t ]*@/,end:/(?=#)|$/,contains:[S,x,y]}]}}function yn(e){let n=e.regex,t=/(r#)?/,a=n.concat(t,e.UNDERSCORE_IDENT_RE),l=n.concat(t,e.IDENT_RE),f={scope:"title.function.invoke",relevance:0,begin:n.concat(/\\b/,/(?!(?:let|for|while|if|else|match)\\b)/,l,n.lookahead(/\\s*\\(/))},i="([ui](8|16|32|64|128|size)|f(16|32|64|128))?",r=["abstract","as","async","await","become","box","break","const","continue","crate","do","dyn","else","enum","extern","false","final","fn","for","if","impl","in","let","loop","macro","match","mod","move","mut","override","priv","pub","raw","ref","return","self","Self","static","struct","super","trait","true","try","type","typeof","union","unsafe","unsized","use","virtual","where","while","yield"],o=["true","false","Some","None","Ok","Err"],u=["drop ","Copy","Send","Sized","Sync","Drop","Fn","FnMut","FnOnce","ToOwned","Clone","Debug","PartialEq","PartialOrd","Eq","Ord","AsRef","AsMut","Into","From","Default","Iterator","Extend","IntoIterator","DoubleEndedIterator","ExactSizeIterator","SliceConcatExt","ToString","assert!","assert_eq!","bitflags!","bytes!","cfg!","col!","concat!","concat_idents!","debug_assert!","debug_assert_eq!","env!","eprintln!","panic!","file!","format!","format_args!","include_bytes!","include_str!","line!","local_data_key!","module_path!","option_env!","print!","println!","select!","stringify!","try!","unimplemented!","unreachable!","vec!","write!","writeln!","macro_rules!","assert_ne!","debug_assert_ne!"],d=["i8","i16","i32","i64","i128","isize","u8","u16","u32","u64","u128","usize","f16","f32","f64","f128","str","char","bool","Box","Option","Result","String","Vec"];return{name:"Rust",aliases:["rs"],keywords:{$pattern:e.IDENT_RE+"!?",type:d,keyword:r,literal:o,built_in:u},illegal:"</",contains:[e.C_LINE_COMMENT_MODE,e.COMMENT("/\\\\*","\\\\*/",{contains:["self"]}),e.inherit(e.QUOTE_STRING_MODE,{begin:/b?"/,illegal:null}),{scope:"symbol",begin:/\'[a-zA-Z_][a-zA-Z0-9_]*(?!\')/},{scope:"string",variants:[{begin:/b?r(#*)"(.|\\n)*?"\\1(?!#)/},{begin:/b?\'/,end:/\'/,contains:[{scope:"char.escape",match:/\\\\(\'|"|\\\\|\\w|x\\w{2}|u\\w{4}|U\\w{8})/}]}]},{scope:"number",variants:[{begin:"\\\\b0b([01_]+)"+i},{begin:"\\\\b0o([0-7_]+)"+i},{begin:"\\\\b0x([A-Fa-f0-9_]+)"+i},{begin:"\\\\b(\\\\d[\\\\d_]*(\\\\.[0-9_]+)?([eE][+-]?[0-9_]+)?)"+i}],relevance:0},{begin:[/\\bsafe/,/\\s+/,/extern/],scope:{1:"keyword",3:"keyword"}},{begin:[/fn/,/\\s+/,a],scope:{1:"keyword",3:"title.function"}},{scope:"meta",begin:"#!?\\\\[",end:"\\\\]",contains:[{scope:"string",begin:/"/,end:/"/,contains:[e.BACKSLASH_ESCAPE]}]},{begin:[/let/,/\\s+/,/(?:mut\\s+)?/,a],scope:{1:"keyword",3:"keyword",4:"variable"}},{begin:[/for/,/\\s+/,a,/\\s+/,/in/],scope:{1:"keyword",3:"variable",5:"keyword"}},{begin:[/type/,/\\s+/,a],scope:{1:"keyword",3:"title.class"}},{begin:[/(?:trait|enum|struct|union|impl|for)/,/\\s+/,a],scope:{1:"keyword",3:"title.class"}},{begin:e.IDENT_RE+"::",keywords:{keyword:"Self",built_in:u,type:d}},{scope:"punctuation",begin:"->"},f]}}function Sn(e){return{name:"Shell Session",aliases:["console","shellsession"],contains:[{className:"meta.prompt",begin:/^\\s{0,3}[./~\\w\\d[\\]()@-]*[>%$#][ ]?/,starts:{end:/[^\\\\](?=\\s*$)/,subLanguage:"bash"}}]}}function Tn(e){let n=e.regex,t=e.COMMENT("--","$"),a={scope:"string",variants:[{begin:/\'/,end:/\'/,contains:[{match:/\'\'/}]}]},l={begin:/"/,end:/"/,contains:[{match:/""/}]},f=["true","false","unknown"],i=["double precision","large object","with timezone","without timezone"],r=["bigint","binary","blob","boolean","char","character","clob","date","dec","decfloat","decimal","float","int","integer","interval","nchar","nclob","national","numeric","real","row","smallint","time","timestamp","varchar","varying","varbinary"],o=["add","asc","collation","desc","final","first","last","view"],u=["abs","acos","all","allocate","alter","and","any","are","array","array_agg","array_max_cardinality","as","asensitive","asin","asymmetric","at","atan","atomic","authorization","avg","begin","begin_frame","begin_partition","between","bigint","binary","blob","boolean","both","by","call","called","cardinality","cascaded","case","cast","ceil","ceiling","char","char_length","character","character_length","check","classifier","clob","close","coalesce","collate","collect","column","commit","condition","connect","constraint","contains","convert","copy","corr","corresponding","cos","cosh","count","covar_pop","covar_samp","create","cross","cube","cume_dist","current","current_catalog","current_date","current_default_transform_group","current_path","current_role","current_row","current_schema","current_time","current_timestamp","current_path","current_role","current_transform_group_for_type","current_user","cursor","cycle","date","day","deallocate","dec","decimal","decfloat","declare","default","define","delete","dense_rank","deref","describe","deterministic","disconnect","distinct","double","drop","dynamic","each","element","else","empty","end","end_frame","end_partition","end-exec","equals","escape","every","except","exec","execute","exists","exp","external","extract","false","fetch","filter","first_value","float","floor","for","foreign","frame_row","free","from","full","function","fusion","get","global","grant","group","grouping","groups","having","hold","hour","identity","in","indicator","initial","inner","inout","insensitive","insert","int","integer","intersect","intersection","interval","into","is","join","json_array","json_arrayagg","json_exists","json_object","json_objectagg","json_query","json_table","json_table_primitive","json_value","lag","language","large","last_value","lateral","lead","leading","left","like","like_regex","listagg","ln","local","localtime","localtimestamp","log","log10","lower","match","match_number","match_recognize","matches","max","member","merge","method","min","minute","mod","modifies","module","month","multiset","national","natural","nchar","nclob","new","no","none","normalize","not","nth_value","ntile","null","nullif","numeric","octet_length","occurrences_regex","of","offset","old","omit","on","one","only","open","or","order","out","outer","over","overlaps","overlay","parameter","partition","pattern","per","percent","percent_rank","percentile_cont","percentile_disc","period","portion","position","position_regex","power","precedes","precision","prepare","primary","procedure","ptf","range","rank","reads","real","recursive","ref","references","referencing","regr_avgx","regr_avgy","regr_count","regr_intercept","regr_r2","regr_slope","regr_sxx","regr_sxy","regr_syy","release","result","return","returns","revoke","right","rollback","rollup","row","row_number","rows","running","savepoint","scope","scroll","search","second","seek","select","sensitive","session_user","set","show","similar","sin","sinh","skip","smallint","some","specific","specifictype","sql","sqlexception","sqlstate","sqlwarning","sqrt","start","static","stddev_pop","stddev_samp","submultiset","subset","substring","substring_regex","succeeds","sum","symmetric","system","system_time","system_user","table","tablesample","tan","tanh","then","time","timestamp","timezone_hour","timezone_minute","to","trailing","translate","translate_regex","translation","treat","trigger","trim","trim_array","true","truncate","uescape","union","unique","unknown","unnest","update","upper","user","using","value","values","value_of","var_pop","var_samp","varbinary","varchar","varying","versioning","when","whenever","where","width_bucket","window","with","within","without","year"],d=["abs","acos","array_agg","asin","atan","avg","cast","ceil","ceiling","coalesce","corr","cos","cosh","count","covar_pop","covar_samp","cume_dist","dense_rank","deref","element","exp","extract","first_value","floor","json_array","json_arrayagg","json_exists","json_object","json_objectagg","json_query","json_table","json_table_primitive","json_value","lag","last_value","lead","listagg","ln","log","log10","lower","max","min","mod","nth_value","ntile","nullif","percent_rank","percentile_cont","percentile_disc","position","position_regex","power","rank","regr_avgx","regr_avgy","regr_count","regr_intercept","regr_r2","regr_slope","regr_sxx","regr_sxy","regr_syy","row_number","sin","sinh","sqrt","stddev_pop","stddev_samp","substring","substring_regex","sum","tan","tanh","translate","translate_regex","treat","trim","trim_array","unnest","upper","value_of","var_pop","var_samp","width_bucket"],y=["current_catalog","current_date","current_default_transform_group","current_path","current_role","current_schema","current_transform_group_for_type","current_user","session_user","system_time","system_user","current_time","localtime","current_timestamp","localtimestamp"],_=["create table","insert into","primary key","foreign key","not null","alter table","add constraint","grouping sets","on overflow","character set","respect nulls","ignore nulls","nulls first","nulls last","depth first","breadth first"],E=d,T=[...u,...o].filter(M=>!d.includes(M)),S={scope:"variable",match:/@[a-z0-9][a-z0-9_]*/},v={scope:"operator",match:/[-+*/=%^~]|&&?|\\|\\|?|!=?|<(?:=>?|<|>)?|>[>=]?/,relevance:0},x={match:n.concat(/\\b/,n.either(...E),/\\s*\\(/),relevance:0,keywords:{built_in:E}};function C(M){return n.concat(/\\b/,n.either(...M.map(k=>k.replace(/\\s+/,"\\\\s+"))),/\\b/)}let P={scope:"keyword",match:C(_),relevance:0};function w(M,{exceptions:k,when:D}={}){let B=D;return k=k||[],M.map(U=>U.match(/\\|\\d+$/)||k.includes(U)?U:B(U)?`${U}|0`:U)}return{name:"SQL",case_insensitive:!0,illegal:/[{}]|<\\//,keywords:{$pattern:/\\b[\\w\\.]+/,keyword:w(T,{when:M=>M.length<3}),literal:f,type:r,built_in:y},contains:[{scope:"type",match:C(i)},P,x,S,a,l,e.C_NUMBER_MODE,e.C_BLOCK_COMMENT_MODE,t,v]}}var Ee="[A-Za-z$_][0-9A-Za-z$_]*",An=["as","in","of","if","for","while","finally","var","new","function","do","return","void","else","break","catch","instanceof","with","throw","case","default","try","switch","continue","typeof","delete","let","yield","const","class","debugger","async","await","static","import","from","export","extends","using"],On=["true","false","null","undefined","NaN","Infinity"],wn=["Object","Function","Boolean","Symbol","Math","Date","Number","BigInt","String","RegExp","Array","Float32Array","Float64Array","Int8Array","Uint8Array","Uint8ClampedArray","Int16Array","Int32Array","Uint16Array","Uint32Array","BigInt64Array","BigUint64Array","Set","Map","WeakSet","WeakMap","ArrayBuffer","SharedArrayBuffer","Atomics","DataView","JSON","Promise","Generator","GeneratorFunction","AsyncFunction","Reflect","Proxy","Intl","WebAssembly"],Rn=["Error","EvalError","InternalError","RangeError","ReferenceError","SyntaxError","TypeError","URIError"],vn=["setInterval","setTimeout","clearInterval","clearTimeout","require","exports","eval","isFinite","isNaN","parseFloat","parseInt","decodeURI","decodeURIComponent","encodeURI","encodeURIComponent","escape","unescape"],xn=["arguments","this","super","console","window","document","localStorage","sessionStorage","module","self","global"],Mn=[].concat(vn,wn,Rn);function jt(e){let n=e.regex,t=(g,{after:h})=>{let A="</"+g[0].slice(1);return g.input.indexOf(A,h)!==-1},a=Ee,l={begin:"<>",end:"</>"},f=/<[A-Za-z0-9\\\\._:-]+\\s*\\/>/,i={begin:/<[A-Za-z0-9\\\\._:-]+/,end:/\\/[A-Za-z0-9\\\\._:-]+>|\\/>/,isTrulyOpeningTag:(g,h)=>{let A=g[0].length+g.index,I=g.input[A];if(I==="<"||I===","){h.ignoreMatch();return}I===">"&&(t(g,{after:A})||h.ignoreMatch());let z,H=g.input.substring(A);if(z=H.match(/^\\s*=/)){h.ignoreMatch();return}if((z=H.match(/^\\s+extends\\s+/))&&z.index===0){h.ignoreMatch();return}}},r={$pattern:Ee,keyword:An,literal:On,built_in:Mn,"variable.language":xn},o="[0-9](_?[0-9])*",u=`\\\\.(${o})`,d="0|[1-9](_?[0-9])*|0[0-7]*[89][0-9]*",y={className:"number",variants:[{begin:`(\\\\b(${d})((${u})|\\\\.)?|(${u}))[eE][+-]?(${o})\\\\b`},{begin:`\\\\b(${d})\\\\b((${u})\\\\b|\\\\.)?|(${u})\\\\b`},{begin:"\\\\b(0|[1-9](_?[0-9])*)n\\\\b"},{begin:"\\\\b0[xX][0-9a-fA-F](_?[0-9a-fA-F])*n?\\\\b"},{begin:"\\\\b0[bB][0-1](_?[0-1])*n?\\\\b"},{begin:"\\\\b0[oO][0-7](_?[0-7])*n?\\\\b"},{begin:"\\\\b0[0-7]+n?\\\\b"}],relevance:0},_={className:"subst",begin:"\\\\$\\\\{",end:"\\\\}",keywords:r,contains:[]},E={begin:".?html`",end:"",starts:{end:"`",returnEnd:!1,contains:[e.BACKSLASH_ESCAPE,_],subLanguage:"xml"}},T={begin:".?css`",end:"",starts:{end:"`",returnEnd:!1,contains:[e.BACKSLASH_ESCAPE,_],subLanguage:"css"}},S={begin:".?gql`",end:"",starts:{end:"`",returnEnd:!1,contains:[e.BACKSLASH_ESCAPE,_],subLanguage:"graphql"}},v={className:"string",begin:"`",end:"`",contains:[e.BACKSLASH_ESCAPE,_]},C={className:"comment",variants:[e.COMMENT(/\\/\\*\\*(?!\\/)/,"\\\\*/",{relevance:0,contains:[{begin:"(?=@[A-Za-z]+)",relevance:0,contains:[{className:"doctag",begin:"@[A-Za-z]+"},{className:"type",begin:"\\\\{",end:"\\\\}",excludeEnd:!0,excludeBegin:!0,relevance:0},{className:"variable",begin:a+"(?=\\\\s*(-)|$)",endsParent:!0,relevance:0},{begin:/(?=[^\\n])\\s/,relevance:0}]}]}),e.C_BLOCK_COMMENT_MODE,e.C_LINE_COMMENT_MODE]},P=[e.APOS_STRING_MODE,e.QUOTE_STRING_MODE,E,T,S,v,{match:/\\$\\d+/},y];_.contains=P.concat({begin:/\\{/,end:/\\}/,keywords:r,contains:["self"].concat(P)});let w=[].concat(C,_.contains),M=w.concat([{begin:/(\\s*)\\(/,end:/\\)/,keywords:r,contains:["self"].concat(w)}]),k={className:"params",begin:/(\\s*)\\(/,end:/\\)/,excludeBegin:!0,excludeEnd:!0,keywords:r,contains:M},D={variants:[{match:[/class/,/\\s+/,a,/\\s+/,/extends/,/\\s+/,n.concat(a,"(",n.concat(/\\./,a),")*")],scope:{1:"keyword",3:"title.class",5:"keyword",7:"title.class.inherited"}},{match:[/class/,/\\s+/,a],scope:{1:"keyword",3:"title.class"}}]},B={relevance:0,match:n.either(/\\bJSON/,/\\b[A-Z][a-z]+([A-Z][a-z]*|\\d)*/,/\\b[A-Z]{2,}([A-Z][a-z]+|\\d)+([A-Z][a-z]*)*/,/\\b[A-Z]{2,}[a-z]+([A-Z][a-z]+|\\d)*([A-Z][a-z]*)*/),className:"title.class",keywords:{_:[...wn,...Rn]}},U={label:"use_strict",className:"meta",relevance:10,begin:/^\\s*[\'"]use (strict|asm)[\'"]/},W={variants:[{match:[/function/,/\\s+/,a,/(?=\\s*\\()/]},{match:[/function/,/\\s*(?=\\()/]}],className:{1:"keyword",3:"title.function"},label:"func.def",contains:[k],illegal:/%/},V={relevance:0,match:/\\b[A-Z][A-Z_0-9]+\\b/,className:"variable.constant"};function ae(g){return n.concat("(?!",g.join("|"),")")}let re={match:n.concat(/\\b/,ae([...vn,"super","import","await"].map(g=>`${g}\\\\s*\\\\(`)),a,n.lookahead(/\\s*\\(/)),className:"title.function",relevance:0},q={begin:n.concat(/\\./,n.lookahead(n.concat(a,/(?![0-9A-Za-z$_(])/))),end:a,excludeBegin:!0,keywords:"prototype",className:"property",relevance:0},ie={match:[/get|set/,/\\s+/,a,/(?=\\()/],className:{1:"keyword",3:"title.function"},contains:[{begin:/\\(\\)/},k]},s="(\\\\([^()]*(\\\\([^()]*(\\\\([^()]*\\\\)[^()]*)*\\\\)[^()]*)*\\\\)|"+e.UNDERSCORE_IDENT_RE+")\\\\s*=>",p={match:[/const|var|let/,/\\s+/,a,/\\s*/,/=\\s*/,/(async\\s*)?/,n.lookahead(s)],keywords:"async",className:{1:"keyword",3:"title.function"},contains:[k]};return{name:"JavaScript",aliases:["js","jsx","mjs","cjs"],keywords:r,exports:{PARAMS_CONTAINS:M,CLASS_REFERENCE:B},illegal:/#(?![$_A-Za-z])/,contains:[e.SHEBANG({label:"shebang",binary:"node",relevance:5}),U,e.APOS_STRING_MODE,e.QUOTE_STRING_MODE,E,T,S,v,C,{match:/\\$\\d+/},y,B,{scope:"attr",match:a+n.lookahead(":"),relevance:0},p,{begin:"("+e.RE_STARTERS_RE+"|\\\\b(case|return|throw)\\\\b)\\\\s*",keywords:"return throw case",relevance:0,contains:[C,e.REGEXP_MODE,{className:"function",begin:s,returnBegin:!0,end:"\\\\s*=>",contains:[{className:"params",variants:[{begin:e.UNDERSCORE_IDENT_RE,relevance:0},{className:null,begin:/\\(\\s*\\)/,skip:!0},{begin:/(\\s*)\\(/,end:/\\)/,excludeBegin:!0,excludeEnd:!0,keywords:r,contains:M}]}]},{begin:/,/,relevance:0},{match:/\\s+/,relevance:0},{variants:[{begin:l.begin,end:l.end},{match:f},{begin:i.begin,"on:begin":i.isTrulyOpeningTag,end:i.end}],subLanguage:"xml",contains:[{begin:i.begin,end:i.end,skip:!0,contains:["self"]}]}]},W,{beginKeywords:"while if switch catch for"},{begin:"\\\\b(?!function)"+e.UNDERSCORE_IDENT_RE+"\\\\([^()]*(\\\\([^()]*(\\\\([^()]*\\\\)[^()]*)*\\\\)[^()]*)*\\\\)\\\\s*\\\\{",returnBegin:!0,label:"func.def",contains:[k,e.inherit(e.TITLE_MODE,{begin:a,className:"title.function"})]},{match:/\\.\\.\\./,relevance:0},q,{match:"\\\\$"+a,relevance:0},{match:[/\\bconstructor(?=\\s*\\()/],className:{1:"title.function"},contains:[k]},re,V,D,ie,{match:/\\$[(.]/}]}}function kn(e){let n=e.regex,t=jt(e),a=Ee,l=["any","void","number","boolean","string","object","never","symbol","bigint","unknown"],f={begin:[/namespace/,/\\s+/,e.IDENT_RE],beginScope:{1:"keyword",3:"title.class"}},i={beginKeywords:"interface",end:/\\{/,excludeEnd:!0,keywords:{keyword:"interface extends",built_in:l},contains:[t.exports.CLASS_REFERENCE]},r={className:"meta",relevance:10,begin:/^\\s*[\'"]use strict[\'"]/},o=["type","interface","public","private","protected","implements","declare","abstract","readonly","enum","override","satisfies"],u={$pattern:Ee,keyword:An.concat(o),literal:On,built_in:Mn.concat(l),"variable.language":xn},d={className:"meta",begin:"@"+a},y=(S,v,x)=>{let C=S.contains.findIndex(P=>P.label===v);if(C===-1)throw new Error("can not find mode to replace");S.contains.splice(C,1,x)};Object.assign(t.keywords,u),t.exports.PARAMS_CONTAINS.push(d);let _=t.contains.find(S=>S.scope==="attr"),E=Object.assign({},_,{match:n.concat(a,n.lookahead(/\\s*\\?:/))});t.exports.PARAMS_CONTAINS.push([t.exports.CLASS_REFERENCE,_,E]),t.contains=t.contains.concat([d,f,i,E]),y(t,"shebang",e.SHEBANG()),y(t,"use_strict",r);let T=t.contains.find(S=>S.label==="func.def");return T.relevance=0,Object.assign(t,{name:"TypeScript",aliases:["ts","tsx","mts","cts"]}),t}function In(e){let n=e.regex,t=n.concat(/[\\p{L}_]/u,n.optional(/[\\p{L}0-9_.-]*:/u),/[\\p{L}0-9_.-]*/u),a=/[\\p{L}0-9._:-]+/u,l={className:"symbol",begin:/&[a-z]+;|&#[0-9]+;|&#x[a-f0-9]+;/},f={begin:/\\s/,contains:[{className:"keyword",begin:/#?[a-z_][a-z1-9_-]+/,illegal:/\\n/}]},i=e.inherit(f,{begin:/\\(/,end:/\\)/}),r=e.inherit(e.APOS_STRING_MODE,{className:"string"}),o=e.inherit(e.QUOTE_STRING_MODE,{className:"string"}),u={endsWithParent:!0,illegal:/</,relevance:0,contains:[{className:"attr",begin:a,relevance:0},{begin:/=\\s*/,relevance:0,contains:[{className:"string",endsParent:!0,variants:[{begin:/"/,end:/"/,contains:[l]},{begin:/\'/,end:/\'/,contains:[l]},{begin:/[^\\s"\'=<>`]+/}]}]}]};return{name:"HTML, XML",aliases:["html","xhtml","rss","atom","xjb","xsd","xsl","plist","wsf","svg"],case_insensitive:!0,unicodeRegex:!0,contains:[{className:"meta",begin:/<![a-z]/,end:/>/,relevance:10,contains:[f,o,r,i,{begin:/\\[/,end:/\\]/,contains:[{className:"meta",begin:/<![a-z]/,end:/>/,contains:[f,i,o,r]}]}]},e.COMMENT(/\\x3C!--/,/-->/,{relevance:10}),{begin:/<!\\[CDATA\\[/,end:/\\]\\]>/,relevance:10},l,{className:"meta",end:/\\?>/,variants:[{begin:/<\\?xml/,relevance:10,contains:[o]},{begin:/<\\?[a-z][a-z0-9]+/}]},{className:"tag",begin:/\\x3Cstyle(?=\\s|>)/,end:/>/,keywords:{name:"style"},contains:[u],starts:{end:/<\\/style>/,returnEnd:!0,subLanguage:"css"}},{className:"tag",begin:/\\x3Cscript(?=\\s|>)/,end:/>/,keywords:{name:"script"},contains:[u],starts:{end:/<\\/script>/,returnEnd:!0,subLanguage:"javascript"}},{className:"tag",begin:/<>|<\\/>/},{className:"tag",begin:n.concat(/</,n.lookahead(n.concat(t,n.either(/\\/>/,/>/,/\\s/)))),end:/\\/?>/,contains:[{className:"name",begin:t,relevance:0,starts:u}]},{className:"tag",begin:n.concat(/<\\//,n.lookahead(n.concat(t,/>/))),contains:[{className:"name",begin:t,relevance:0},{begin:/>/,relevance:0,endsParent:!0}]}]}}function Cn(e){let n="true false yes no null",t="[\\\\w#;/?:@&=+$,.~*\'()[\\\\]]+",a={className:"attr",variants:[{begin:/[\\w*@][\\w*@ :()\\./-]*:(?=[ \\t]|$)/},{begin:/"[\\w*@][\\w*@ :()\\./-]*":(?=[ \\t]|$)/},{begin:/\'[\\w*@][\\w*@ :()\\./-]*\':(?=[ \\t]|$)/}]},l={className:"template-variable",variants:[{begin:/\\{\\{/,end:/\\}\\}/},{begin:/%\\{/,end:/\\}/}]},f={className:"string",relevance:0,begin:/\'/,end:/\'/,contains:[{match:/\'\'/,scope:"char.escape",relevance:0}]},i={className:"string",relevance:0,variants:[{begin:/"/,end:/"/},{begin:/\\S+/}],contains:[e.BACKSLASH_ESCAPE,l]},r=e.inherit(i,{variants:[{begin:/\'/,end:/\'/,contains:[{begin:/\'\'/,relevance:0}]},{begin:/"/,end:/"/},{begin:/[^\\s,{}[\\]]+/}]}),_={className:"number",begin:"\\\\b"+"[0-9]{4}(-[0-9][0-9]){0,2}"+"([Tt \\\\t][0-9][0-9]?(:[0-9][0-9]){2})?"+"(\\\\.[0-9]*)?"+"([ \\\\t])*(Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?"+"\\\\b"},E={end:",",endsWithParent:!0,excludeEnd:!0,keywords:n,relevance:0},T={begin:/\\{/,end:/\\}/,contains:[E],illegal:"\\\\n",relevance:0},S={begin:"\\\\[",end:"\\\\]",contains:[E],illegal:"\\\\n",relevance:0},v=[a,{className:"meta",begin:"^---\\\\s*$",relevance:10},{className:"string",begin:"[\\\\|>]([1-9]?[+-])?[ ]*\\\\n( +)[^ ][^\\\\n]*\\\\n(\\\\2[^\\\\n]+\\\\n?)*"},{begin:"<%[%=-]?",end:"[%-]?%>",subLanguage:"ruby",excludeBegin:!0,excludeEnd:!0,relevance:0},{className:"type",begin:"!\\\\w+!"+t},{className:"type",begin:"!<"+t+">"},{className:"type",begin:"!"+t},{className:"type",begin:"!!"+t},{className:"meta",begin:"&"+e.UNDERSCORE_IDENT_RE+"$"},{className:"meta",begin:"\\\\*"+e.UNDERSCORE_IDENT_RE+"$"},{className:"bullet",begin:"-(?=[ ]|$)",relevance:0},e.HASH_COMMENT_MODE,{beginKeywords:n,keywords:{literal:n}},_,{className:"number",begin:e.C_NUMBER_RE+"\\\\b",relevance:0},T,S,f,i],x=[...v];return x.pop(),x.push(r),E.contains=x,{name:"YAML",case_insensitive:!0,aliases:["yml"],contains:v}}var L=tn.newInstance();L.registerLanguage("bash",an);L.registerLanguage("c",rn);L.registerLanguage("cpp",sn);L.registerLanguage("css",on);L.registerLanguage("diff",cn);L.registerLanguage("go",ln);L.registerLanguage("java",gn);L.registerLanguage("javascript",mn);L.registerLanguage("json",En);L.registerLanguage("markdown",hn);L.registerLanguage("python",Nn);L.registerLanguage("rust",yn);L.registerLanguage("shell",Sn);L.registerLanguage("sql",Tn);L.registerLanguage("typescript",kn);L.registerLanguage("xml",In);L.registerLanguage("yaml",Cn);L.configure({ignoreUnescapedHTML:!0,throwUnescapedHTML:!1});function ea(e,n){return L.highlight(e,{language:n,ignoreIllegals:!0}).value}function na(e){return!!L.getLanguage(e)}return Xn(ta);})();';
    HIGHLIGHT_LANGUAGES = {
      "atom": "xml",
      "bash": "bash",
      "c": "c",
      "c++": "cpp",
      "cc": "cpp",
      "cjs": "javascript",
      "console": "shell",
      "cpp": "cpp",
      "css": "css",
      "cts": "typescript",
      "cxx": "cpp",
      "diff": "diff",
      "go": "go",
      "golang": "go",
      "gyp": "python",
      "h": "c",
      "h++": "cpp",
      "hh": "cpp",
      "hpp": "cpp",
      "html": "xml",
      "hxx": "cpp",
      "ipython": "python",
      "java": "java",
      "javascript": "javascript",
      "js": "javascript",
      "json": "json",
      "json5": "json",
      "jsonc": "json",
      "jsp": "java",
      "jsx": "javascript",
      "markdown": "markdown",
      "md": "markdown",
      "mjs": "javascript",
      "mkd": "markdown",
      "mkdown": "markdown",
      "mts": "typescript",
      "patch": "diff",
      "plist": "xml",
      "py": "python",
      "python": "python",
      "rs": "rust",
      "rss": "xml",
      "rust": "rust",
      "sh": "bash",
      "shell": "shell",
      "shellsession": "shell",
      "sql": "sql",
      "svg": "xml",
      "ts": "typescript",
      "tsx": "typescript",
      "typescript": "typescript",
      "wsf": "xml",
      "xhtml": "xml",
      "xjb": "xml",
      "xml": "xml",
      "xsd": "xml",
      "xsl": "xml",
      "yaml": "yaml",
      "yml": "yaml",
      "zsh": "bash"
    };
  }
});

// src/core/export/generated/page-script.ts
var PAGE_JS;
var init_page_script = __esm({
  "src/core/export/generated/page-script.ts"() {
    "use strict";
    PAGE_JS = '"use strict";(()=>{var N=\'code[class^="language-"]\';function b(t){let a=document;a.documentElement.classList.add("js");let c=I(a,t);S(a,c)}function I(t,a){let c=[],s=e=>{var l,u;return(u=(l=/^language-([a-z0-9+]+)/.exec(e.className))==null?void 0:l[1])!=null?u:""},d=e=>{var m;if(e.bh)return!0;if(e.querySelector("mark"))return c.push(e),!1;e.bh=1;let l=s(e),u=(m=e.textContent)!=null?m:"";if(!a||!l||u.length>1e5||!a.has(l))return!0;try{e.innerHTML=a.highlight(u,l),e.classList.add("hljs")}catch(y){}return!0},f=window.IntersectionObserver?new IntersectionObserver(e=>{for(let l of e)l.isIntersecting&&o(l.target)},{rootMargin:"600px 0px"}):null;function o(e){d(e)&&f&&f.unobserve(e)}for(let e of Array.from(t.querySelectorAll(N)))f?f.observe(e):o(e);return t.addEventListener("toggle",e=>{let l=e.target;if(!(!l.open||!l.querySelectorAll))for(let u of Array.from(l.querySelectorAll(N)))o(u)},!0),{done:o,flush:()=>{let e=c;c=[];for(let l of e)o(l)}}}function S(t,a){let c=t.getElementById("title");c&&c.textContent&&(t.title=c.textContent);let s=t.getElementById("q"),d=t.getElementById("cnt"),f=t.getElementById("only");if(!s||!d||!f)return;let o=[],h=-1,e,l=()=>{var r;for(let n of Array.from(t.querySelectorAll("mark.hit"))){let i=n.parentNode;i.replaceChild(t.createTextNode((r=n.textContent)!=null?r:""),n),i.normalize()}o=[],h=-1;for(let n of Array.from(t.querySelectorAll(".nomatch")))n.classList.remove("nomatch");a.flush()},u=(r,n)=>{var w;let i=t.createTreeWalker(r,NodeFilter.SHOW_TEXT),A=[],k,C=!1;for(;k=i.nextNode();)A.push(k);for(let x of A){let p=(w=x.nodeValue)!=null?w:"",T=p.toLowerCase(),g=T.indexOf(n);if(g<0||T.length!==p.length)continue;C=!0;let E=t.createDocumentFragment(),v=0;for(;g>=0;){E.appendChild(t.createTextNode(p.slice(v,g)));let L=t.createElement("mark");L.className="hit",L.textContent=p.slice(g,g+n.length),E.appendChild(L),o.push(L),v=g+n.length,g=T.indexOf(n,v)}E.appendChild(t.createTextNode(p.slice(v))),x.parentNode.replaceChild(E,x)}return C},m=()=>{l();let r=s.value.toLowerCase();if(!r){d.textContent="";return}for(let n of Array.from(t.querySelectorAll(".msg")))u(n,r)||n.classList.add("nomatch");for(let n of Array.from(t.querySelectorAll(".turn")))n.querySelector(".msg:not(.nomatch)")||n.classList.add("nomatch");d.textContent=o.length===1?"1 match":o.length?`${o.length} matches`:"no matches"},y=r=>{if(!o.length)return;h>=0&&o[h].classList.remove("cur"),h=(h+r+o.length)%o.length;let n=o[h];n.classList.add("cur");for(let i=n.parentNode;i;i=i.parentNode)i.tagName==="DETAILS"&&(i.open=!0);n.scrollIntoView({block:"center"}),d.textContent=`${h+1} / ${o.length}`};s.addEventListener("input",()=>{clearTimeout(e),e=setTimeout(m,150)}),s.addEventListener("keydown",r=>{r.key==="Enter"?(r.preventDefault(),clearTimeout(e),!o.length&&s.value&&m(),y(r.shiftKey?-1:1)):r.key==="Escape"&&(s.value="",m())}),t.getElementById("next").addEventListener("click",()=>y(1)),t.getElementById("prev").addEventListener("click",()=>y(-1)),f.addEventListener("change",()=>t.body.classList.toggle("filter",f.checked)),t.addEventListener("keydown",r=>{r.key==="/"&&t.activeElement!==s&&(r.preventDefault(),s.focus())})}b(typeof H=="undefined"?null:H);})();';
  }
});

// src/core/export/html-assets.ts
import { createHash } from "node:crypto";
var STYLE, SCRIPT, SCRIPT_HASH, CSP;
var init_html_assets = __esm({
  "src/core/export/html-assets.ts"() {
    "use strict";
    init_highlighter();
    init_page_script();
    STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--soft:#f6f8fa;--user:#ddf4ff;
--accent:#0969da;--err:#cf222e;--errbg:#ffebe9;--mark:#fff8c5;--cur:#ffd33d;
--k:#cf222e;--s:#0a3069;--n:#0550ae;--c:#59636e;--t:#953800;--f:#8250df;--v:#116329;--a:#116329;--d:#82071e}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--soft:#151b23;
--user:#0c2d4b;--accent:#4493f8;--err:#f85149;--errbg:#3c1618;--mark:#5c4a00;--cur:#9e6a03;
--k:#ff7b72;--s:#a5d6ff;--n:#79c0ff;--c:#9198a1;--t:#ffa657;--f:#d2a8ff;--v:#7ee787;--a:#aff5b4;--d:#ffdcd7}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.page{display:flex;flex-direction:column;max-width:60rem;margin:0 auto;padding:0 1rem 4rem}
.metrics{order:-2;padding:1.5rem 0 .5rem;border-bottom:1px solid var(--line)}
.bar{order:-1;position:sticky;top:0;z-index:2;display:none;gap:.5rem;align-items:center;padding:.5rem 0;
background:var(--bg);border-bottom:1px solid var(--line)}
.js .bar{display:flex}
.bar input[type=search]{flex:1;min-width:8rem;font:inherit;padding:.3rem .6rem;border:1px solid var(--line);
border-radius:6px;background:var(--soft);color:var(--fg)}
.bar button{font:inherit;padding:.2rem .6rem;border:1px solid var(--line);border-radius:6px;background:var(--soft);
color:var(--fg);cursor:pointer}
.bar label,#cnt{color:var(--muted);font-size:.85rem;white-space:nowrap}
h1{font-size:1.5rem;margin:0 0 .25rem}
.sub{color:var(--muted);margin:0 0 1rem;font-size:.9rem}
.stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:.5rem;margin:0 0 1rem}
.stats div{background:var(--soft);border:1px solid var(--line);border-radius:8px;padding:.4rem .6rem}
.stats dt{color:var(--muted);font-size:.75rem;text-transform:uppercase;letter-spacing:.03em}
.stats dd{margin:0;font-weight:600;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}
.metrics details{margin:.25rem 0}.metrics table{border-collapse:collapse}
.metrics td{padding:.1rem .8rem .1rem 0}.metrics td+td{text-align:right;font-variant-numeric:tabular-nums}
.turn{margin-top:1.5rem}
.turn>h2{font-size:1rem;color:var(--muted);border-bottom:1px solid var(--line);padding-bottom:.25rem;margin:0 0 .75rem}
.turn>h2 time{font-weight:400;font-size:.85rem;margin-left:.5rem}
.sidechain{border-left:3px solid var(--line);padding-left:1rem}
.msg{margin:.6rem 0}
.role{font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.role small{font-weight:400;text-transform:none;letter-spacing:0;margin-left:.4rem}
.user .text{background:var(--user);border-radius:8px;padding:.5rem .75rem}
.plain{white-space:pre-wrap;overflow-wrap:anywhere}
.cmd{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-weight:600}
details.msg{border:1px solid var(--line);border-radius:8px;background:var(--soft)}
details.msg>summary{cursor:pointer;padding:.3rem .6rem;font-size:.9rem;overflow-wrap:anywhere}
details.msg>:not(summary){margin:0 .6rem .6rem}
details.error{border-color:var(--err);background:var(--errbg)}
details.error>summary{color:var(--err);font-weight:600}
.thinking .md{font-style:italic;color:var(--muted)}
.sum{color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.system{color:var(--muted);font-size:.85rem;border-left:3px solid var(--line);padding-left:.6rem}
.url{color:var(--accent);overflow-wrap:anywhere}
.raw{white-space:pre-wrap;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem}
.md h1,.md h2,.md h3,.md h4{font-size:1.05rem;margin:.8rem 0 .4rem}
.md table{border-collapse:collapse}.md th,.md td{border:1px solid var(--line);padding:.2rem .5rem}
.md blockquote{margin:0;padding-left:.8rem;border-left:3px solid var(--line);color:var(--muted)}
pre{margin:.4rem 0;padding:.6rem .75rem;background:var(--bg);border:1px solid var(--line);border-radius:6px;
overflow:auto;max-height:40rem;font-size:.82rem;line-height:1.45}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
:not(pre)>code{background:var(--soft);border-radius:4px;padding:.1rem .3rem;font-size:.85em}
mark.hit{background:var(--mark);color:inherit}mark.hit.cur{background:var(--cur)}
.filter .msg.nomatch,.filter .turn.nomatch{display:none}
.hljs-keyword,.hljs-doctag,.hljs-template-tag,.hljs-type,.hljs-variable.language_{color:var(--k)}
.hljs-title,.hljs-title.function_,.hljs-title.class_{color:var(--f)}
.hljs-attr,.hljs-attribute,.hljs-literal,.hljs-meta,.hljs-number,.hljs-operator,.hljs-selector-attr,
.hljs-selector-class,.hljs-selector-id,.hljs-variable{color:var(--n)}
.hljs-string,.hljs-regexp,.hljs-meta .hljs-string{color:var(--s)}
.hljs-built_in,.hljs-symbol,.hljs-params{color:var(--t)}
.hljs-comment,.hljs-code,.hljs-formula{color:var(--c)}
.hljs-name,.hljs-quote,.hljs-selector-tag,.hljs-selector-pseudo,.hljs-section{color:var(--v)}
.hljs-section{font-weight:700}.hljs-emphasis{font-style:italic}.hljs-strong{font-weight:700}
details.edit[open]>summary{border-bottom:1px solid var(--line)}
.diff{margin:.4rem 0;border:1px solid var(--line);border-radius:6px;background:var(--bg);overflow:auto;max-height:40rem;
font:.82rem/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.diff .hunk+.hunk{border-top:1px solid var(--line)}
.diff .dl{display:flex;min-height:1.45em;white-space:pre}
.diff .dl code{font:inherit;white-space:pre;padding:0 .5rem 0 0;background:none}
.diff .mk{flex:none;width:1.5rem;text-align:center;user-select:none;color:var(--muted)}
.diff .ln{flex:none;min-width:3rem;padding:0 .4rem;text-align:right;color:var(--muted);user-select:none;
border-right:1px solid var(--line)}
.diff .d-add{background:color-mix(in srgb,var(--a) 14%,transparent)}
.diff .d-del{background:color-mix(in srgb,var(--err) 14%,transparent)}
.diff .d-add .mk,.diffstat .d-add{color:var(--v);font-weight:700}
.diff .d-del .mk,.diffstat .d-del{color:var(--err);font-weight:700}
.diff .d-hunk,.diff .d-note{color:var(--muted);background:var(--soft);padding:0 .5rem}
.diff-note{margin:0;padding:.2rem .5rem;color:var(--muted);font:.8rem system-ui,sans-serif}
.diffstat{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85rem;white-space:nowrap}
.hljs-addition{color:var(--a);background:color-mix(in srgb,var(--a) 15%,transparent)}
.hljs-deletion{color:var(--d);background:color-mix(in srgb,var(--err) 15%,transparent)}
.comments{margin:.25rem 0 1rem 1.5rem;padding:.4rem .75rem;border-left:3px solid var(--accent);background:var(--soft);
border-radius:0 6px 6px 0;font-size:.9rem}
.comments>h3{font-size:.8rem;color:var(--muted);margin:0 0 .3rem;text-transform:uppercase;letter-spacing:.03em}
.comment{margin:.3rem 0}.comment .by{color:var(--muted);font-size:.8rem;margin:0}
.comment .by b{color:var(--fg)}.comment .ctext{white-space:pre-wrap;overflow-wrap:anywhere;margin:.1rem 0}
.comment .replies{margin-left:1.25rem;border-left:1px solid var(--line);padding-left:.6rem}
`;
    SCRIPT = `(function(){
var H=null;try{
${HIGHLIGHTER_JS}
}catch(e){H=null;}
${PAGE_JS}})();`;
    SCRIPT_HASH = `sha256-${createHash("sha256").update(SCRIPT, "utf8").digest("base64")}`;
    CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src '${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
  }
});

// src/core/format/html.ts
function escapeHtml(s) {
  return escape(s, false);
}
function escapeHtmlAndBackticks(s) {
  return escape(s, true);
}
function escape(s, backtick) {
  if (!(backtick ? NEEDS_ESCAPE_WITH_BACKTICK : NEEDS_ESCAPE).test(s)) return s;
  const out = s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
  return backtick ? out.replaceAll("`", "&#96;") : out;
}
function escapeText(s) {
  const amp = s.includes("&");
  if (!amp && !s.includes("<")) return s;
  return (amp ? s.replaceAll("&", "&amp;") : s).replaceAll("<", "&lt;");
}
function safeHref(href) {
  if (!href) return "#";
  const h2 = href.trim();
  if (/[\u0000-\u001f\u007f]/.test(h2)) return "#";
  if (/^(https?:|mailto:)/i.test(h2)) return h2;
  if (h2.startsWith("//") || h2.startsWith("\\")) return "#";
  if (/^[a-z][a-z0-9+.-]*:/i.test(h2)) return "#";
  return h2;
}
var NEEDS_ESCAPE, NEEDS_ESCAPE_WITH_BACKTICK;
var init_html = __esm({
  "src/core/format/html.ts"() {
    "use strict";
    NEEDS_ESCAPE = /[&<>"']/;
    NEEDS_ESCAPE_WITH_BACKTICK = /[&<>"'`]/;
  }
});

// node_modules/marked/lib/marked.esm.js
function G() {
  return { async: false, breaks: false, extensions: null, gfm: true, hooks: null, pedantic: false, renderer: null, silent: false, tokenizer: null, walkTokens: null };
}
function ue(l3) {
  S = l3;
}
function D(l3) {
  let e = [];
  return (t) => {
    let n = Math.max(0, Math.min(3, t - 1)), r = e[n];
    return r || (r = l3(n), e[n] = r), r;
  };
}
function g(l3, e = "") {
  let t = typeof l3 == "string" ? l3 : l3.source, n = { replace: (r, s) => {
    let o = typeof s == "string" ? s : s.source;
    return o = o.replace(O.caret, "$1"), t = t.replace(r, o), n;
  }, getRegex: () => new RegExp(t, e) };
  return n;
}
function y(l3, e) {
  if (e) {
    if (O.escapeTest.test(l3)) return l3.replace(O.escapeReplace, Be);
  } else if (O.escapeTestNoEncode.test(l3)) return l3.replace(O.escapeReplaceNoEncode, Be);
  return l3;
}
function De(l3) {
  return O.numericCharacterReference.test(l3) ? l3.replace(O.numericCharacterReferenceOrAmpersand, (e, t, n) => {
    if (t === void 0 && n === void 0) return "&amp;";
    let r = t === void 0 ? Number.parseInt(n, 16) : Number.parseInt(t, 10);
    return r === 0 || r > 1114111 || r >= 55296 && r <= 57343 ? "�" : r === 38 ? "&amp;" : String.fromCodePoint(r);
  }) : l3;
}
function xe(l3) {
  try {
    l3 = encodeURI(l3).replace(O.percentDecode, "%");
  } catch {
    return null;
  }
  return l3;
}
function be(l3, e) {
  let t = l3.replace(O.findPipe, (s, o, i) => {
    let a = false, c = o;
    for (; --c >= 0 && i[c] === "\\"; ) a = !a;
    return a ? "|" : " |";
  }), n = t.split(O.splitPipe), r = 0;
  if (n[0].trim() || n.shift(), n.length > 0 && !n.at(-1)?.trim() && n.pop(), e) if (n.length > e) n.splice(e);
  else for (; n.length < e; ) n.push("");
  for (; r < n.length; r++) n[r] = n[r].trim().replace(O.slashPipe, "|");
  return n;
}
function C(l3, e, t) {
  let n = l3.length;
  if (n === 0) return "";
  let r = 0;
  for (; r < n; ) {
    let s = l3.charAt(n - r - 1);
    if (s === e && !t) r++;
    else if (s !== e && t) r++;
    else break;
  }
  return l3.slice(0, n - r);
}
function Re(l3) {
  let e = l3.split(`
`), t = e.length - 1;
  for (; t >= 0 && O.blankLine.test(e[t]); ) t--;
  return e.length - t <= 2 ? l3 : e.slice(0, t + 1).join(`
`);
}
function W(l3) {
  return l3.trim().replace(O.multipleSpaceGlobal, " ").toLowerCase().toUpperCase().toLowerCase();
}
function Te(l3, e) {
  if (l3.indexOf(e[0]) === -1 && l3.indexOf(e[1]) === -1) return -1;
  let t = 0;
  for (let n = 0; n < l3.length; n++) if (l3[n] === "\\") n++;
  else if (l3[n] === e[0]) t++;
  else if (l3[n] === e[1] && (t--, t < 0)) return n;
  return t > 0 ? -2 : -1;
}
function Oe(l3) {
  let e = { "*": -1, _: -1 }, t = -1, n = l3.length;
  for (let r = 0; r < n; r++) {
    let s = l3[r];
    if (s !== "*" && s !== "_" && s !== "~") continue;
    let o = r === 0 ? `
` : l3[r - 1], i = r + 1;
    for (; i < n && l3[i] === s; ) i++;
    o !== " " && o !== "	" && o !== `
` && o !== "\r" && o !== "\f" && (s === "~" ? t = r : e[s] = r), r = i - 1;
  }
  return { maskedSrc: l3, lastPossibleEmStrongCloserIndex: e, lastPossibleDelCloserIndex: t };
}
function qe(l3, e) {
  let t = Oe(e), n = Q.get(l3);
  n ? n.push(t) : Q.set(l3, [t]);
}
function ve(l3) {
  let e = Q.get(l3);
  e && (e.pop(), e.length === 0 && Q.delete(l3));
}
function oe(l3, e, t) {
  let n = Q.get(l3)?.at(-1);
  return n && n.maskedSrc === e ? n.lastPossibleEmStrongCloserIndex[t] : Oe(e).lastPossibleEmStrongCloserIndex[t];
}
function ae(l3, e) {
  let t = Q.get(l3)?.at(-1);
  return t && t.maskedSrc === e ? t.lastPossibleDelCloserIndex : Oe(e).lastPossibleDelCloserIndex;
}
function te(l3, e = 0) {
  let t = e, n = "";
  for (let r of l3) if (r === "	") {
    let s = 4 - t % 4;
    n += " ".repeat(s), t += s;
  } else n += r, t++;
  return n;
}
function Ht(l3, e) {
  let t = "";
  for (let n = 0; n < l3.length; n++) {
    if (l3[n] === "`") {
      let r = e.inline.code.exec(l3.slice(n));
      if (r) {
        t += r[0], n += r[0].length - 1;
        continue;
      }
    }
    if (l3[n] === "\\" && (l3[n + 1] === "[" || l3[n + 1] === "]")) {
      t += l3[n + 1], n++;
      continue;
    }
    t += l3[n];
  }
  return t;
}
function He(l3, e, t, n, r) {
  let s = e.href, o = e.title || null, i = Ht(l3[1], r), a = l3[0].charAt(0) === "!", c = n.state.inLink, u = n.state.linkEmitted, d = n.state.inRawBlock;
  n.state.inLink = true, n.state.linkEmitted = false;
  let h2 = n.inlineTokens(i), p = n.state.linkEmitted;
  if (n.state.linkEmitted = u, n.state.inLink = c, !a) {
    if (p) {
      n.state.inRawBlock = d;
      return;
    }
    n.state.linkEmitted = true;
  }
  return { type: a ? "image" : "link", raw: t, href: s, title: o, text: i, tokens: h2 };
}
function Zt(l3, e, t) {
  let n = l3.match(t.other.indentCodeCompensation);
  if (n === null) return e;
  let r = n[1];
  return e.split(`
`).map((s) => {
    let o = s.match(t.other.beginningSpace);
    if (o === null) return s;
    let [i] = o;
    return s.slice(Math.min(i.length, r.length));
  }).join(`
`);
}
function Ze(l3, e, t, n) {
  if (!e.includes("<")) return false;
  for (let r = 0; r < e.length; r++) {
    if (e[r] === "\\") {
      r++;
      continue;
    }
    if (e[r] === "`") {
      let i = n.inline.code.exec(e.slice(r));
      if (i) {
        r += i[0].length - 1;
        continue;
      }
    }
    if (e[r] !== "<") continue;
    let s = l3.slice(t + r), o = n.inline.tag.exec(s) || n.inline.autolink.exec(s);
    if (o) {
      if (o[0].length > e.length - r) return true;
      r += o[0].length - 1;
    }
  }
  return false;
}
function M(l3, e) {
  if (Array.isArray(e)) for (let t = 0; t < e.length; t++) l3.push(e[t]);
  else l3.push(e);
}
function x(l3, e) {
  return v.parse(l3, e);
}
function jt(...l3) {
  return v.use(...l3), x.defaults = v.defaults, ue(x.defaults), x;
}
var S, q, _e, O, Ge, Ne, Fe, V, Qe, ce, he, J, $e, Le, We, de, Ue, ge, Ke, Xe, ke, Ve, Ce, Je, Ye, et, fe, Pe, tt, nt, rt, st, Ie, it, L, N, Y, ot, at, Ae, lt, ut, pt, Ee, ct, ht, dt, gt, ze, kt, ft, mt, xt, bt, Rt, Tt, Ot, wt, Pt, yt, St, _t, $t, Lt, Me, ie, Ct, It, At, ye, Et, zt, Se, Mt, Bt, me, Dt, pe, qt, ee, F, vt, Be, Q, _, w, I, z, P, A, ne, v, En, zn, Mn, Bn, qn, vn;
var init_marked_esm = __esm({
  "node_modules/marked/lib/marked.esm.js"() {
    S = G();
    q = { exec: () => null };
    _e = ((l3 = "") => {
      try {
        return !!new RegExp("(?<=1)(?<!1)" + l3);
      } catch {
        return false;
      }
    })();
    O = { codeRemoveIndent: /^(?: {0,3}\t| {1,4})/gm, listInterruptsParagraph: /^ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/, outputLinkReplace: /\\([\[\]])/g, indentCodeCompensation: /^(\s+)(?:```)/, beginningSpace: /^\s+/, endingHash: /#$/, startingSpaceChar: /^ /, endingSpaceChar: / $/, endingSpaceTabChar: /[ \t]$/, nonSpaceChar: /[^ ]/, newLineCharGlobal: /\n/g, tabCharGlobal: /\t/g, leadingSpaceTab: /^[ \t]+/, multipleSpaceGlobal: /\s+/g, blankLine: /^[ \t]*$/, doubleBlankLine: /\n[ \t]*\n[ \t]*$/, blockquoteStart: /^ {0,3}>/, blockquoteSetextReplace: /\n {0,3}((?:=+|-+)[ \t]*)(?=\n|$)/g, blockquoteSetextReplace2: /^ {0,3}>[ \t]?/gm, blockquoteMarkerWhitespace: /^( {0,3}>)(\t[ \t]*)/gm, nestedBlockMarker: /^ {0,3}(?:(?:[*+-]|\d{1,9}[.)])(?: |$)|> ?)/, listReplaceNesting: /^ {1,4}(?=( {4})*[^ ])/g, listIsTask: /^\[[ xX]\][ \t]+\S/, listReplaceTask: /^\[[ xX]\][ \t]+/, listTaskCheckbox: /\[[ xX]\]/, anyLine: /\n.*\n/, hrefBrackets: /^<(.*)>$/, tableDelimiter: /[:|]/, tableAlignChars: /^\||\| *$/g, tableRowBlankLine: /\n[ \t]*$/, tableAlignRight: /^ *-+: *$/, tableAlignCenter: /^ *:-+: *$/, tableAlignLeft: /^ *:-+ *$/, startATag: /^<a /i, endATag: /^<\/a>/i, startPreScriptTag: /^<(pre|code|kbd|script)(\s|>)/i, endPreScriptTag: /^<\/(pre|code|kbd|script)(\s|>)/i, startAngleBracket: /^</, endAngleBracket: />$/, pedanticHrefTitle: /^([^'"]*[^\s])\s+(['"])(.*)\2/, unicodeAlphaNumeric: /[\p{L}\p{N}]/u, numericCharacterReference: /&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));/, numericCharacterReferenceOrAmpersand: /&#(?:(\d{1,7})|[Xx]([A-Fa-f0-9]{1,6}));|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, escapeTest: /[&<>"']/, escapeReplace: /[&<>"']/g, escapeTestNoEncode: /[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/, escapeReplaceNoEncode: /[<>"']|&(?!(#\d{1,7}|#[Xx][a-fA-F0-9]{1,6}|\w+);)/g, caret: /(^|[^\[])\^/g, percentDecode: /%25/g, findPipe: /\|/g, splitPipe: / \|/, slashPipe: /\\\|/g, carriageReturn: /\r\n|\r/g, spaceLine: /^ +$/gm, notSpaceStart: /^\S*/, endingNewline: /\n$/, listItemRegex: (l3) => new RegExp(`^( {0,3}${l3})((?:[	 ][^\\n]*)?(?:\\n|$))`), nextBulletRegex: D((l3) => new RegExp(`^ {0,${l3}}(?:[*+-]|\\d{1,9}[.)])((?:[ 	][^\\n]*)?(?:\\n|$))`)), hrRegex: D((l3) => new RegExp(`^ {0,${l3}}((?:-[ 	]*){3,}|(?:_[ 	]*){3,}|(?:\\*[ 	]*){3,})(?:\\n+|$)`)), fencesBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}(?:\`\`\`|~~~)`)), headingBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}#{1,6}(?:\\s|$)`)), pedanticHeadingBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}#`)), htmlBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}(?:</?(?:${he})(?:[ \\t]+|$|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)`, "i")), blockquoteBeginRegex: D((l3) => new RegExp(`^ {0,${l3}}>`)), nestedContainerMarkers: /^(?: {0,3}(?:(?:[*+-]|\d{1,9}[.)])[ \t]+|>[ \t]?))+/ };
    Ge = /^(?:[ \t]*(?:\n|$))+/;
    Ne = /^((?: {4}| {0,3}\t)[^\n]+(?:\n(?:[ \t]*(?:\n|$))*)?)+/;
    Fe = /^ {0,3}(`{3,}(?=[^`\n]*(?:\n|$))|~{3,})([^\n]*)(?:\n|$)(?:|([\s\S]*?)(?:\n|$))(?: {0,3}(?:(?=`)\1`*|(?=~)\1~*) *(?=\n|$)|$)/;
    V = /^ {0,3}((?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/;
    Qe = /^ {0,3}(#{1,6})(?=\s|$)(.*)(?:\n+|$)/;
    ce = / {0,3}(?:[*+-]|\d{1,9}[.)])/;
    he = "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul";
    J = g(" {0,3}(?:</?(?:tag)(?:[ \\t]+|\\n|/?>)|<(?:(?:script|pre|style|textarea)(?:[\\s>]|$)|!--)|<\\?|<![A-Za-z]|<!\\[CDATA\\[)").replace("tag", he).getRegex();
    $e = /^(?!bull |blockCode|fences|blockquote|heading|html|table)((?:.|\n(?!\s*?\n|bull |fences|blockquote|heading|hr|html|table))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)/;
    Le = g($e).replace(/bull/g, ce).replace(/blockCode/g, /(?: {4}| {0,3}\t)/).replace(/fences/g, / {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g, / {0,3}>/).replace(/heading/g, / {0,3}#{1,6}(?:\s|$)/).replace(/hr/g, / {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/\|table/g, "").replace(/html/g, J).getRegex();
    We = g($e).replace(/bull/g, ce).replace(/blockCode/g, /(?: {4}| {0,3}\t)/).replace(/fences/g, / {0,3}(?:`{3,}|~{3,})/).replace(/blockquote/g, / {0,3}>/).replace(/heading/g, / {0,3}#{1,6}(?:\s|$)/).replace(/hr/g, / {0,3}(?:(?:-[\t ]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,})(?:\n+|$)/).replace(/table/g, / {0,3}\|?(?:[:\- ]*\|)+[\:\- ]*\n/).replace(/html/g, J).getRegex();
    de = /^([^\n]+(?:\n(?!hr|heading|lheading|blockquote|fences|list|html|table|[ \t]+\n)[^\n]+)*)/;
    Ue = /^[^\n]+/;
    ge = /(?!\s*\])(?:\\[\s\S]|[^\[\]\\\n]|\n(?![ \t]*\n))+/;
    Ke = g(/^ {0,3}\[(label)\]: *(?:\n[ \t]*)?([^<\s][^\s]*|<(?:\\.|[^\n<>\\])*>)(?:(?: +(?:\n[ \t]*)?| *\n[ \t]*)(title))? *(?:\n+|$)/).replace("label", ge).replace("title", /(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\\n]|\n(?!\n))*'|\((?:\\[\s\S]|[^()\\])*\))/).getRegex();
    Xe = g(/^(bull)([ \t][^\n]*?)?(?:\n|$)/).replace(/bull/g, ce).getRegex();
    ke = /<!--(?:-?>|[\s\S]*?(?:-->|$))/;
    Ve = g("^ {0,3}(?:<(script|pre|style|textarea)[\\s>][\\s\\S]*?(?:</\\1>[^\\n]*\\n*|$)|comment[^\\n]*(\\n+|$)|<\\?[\\s\\S]*?(?:\\?>[^\\n]*\\n*|$)|<![A-Z][\\s\\S]*?(?:>[^\\n]*\\n*|$)|<!\\[CDATA\\[[\\s\\S]*?(?:\\]\\]>[^\\n]*\\n*|$)|</?(tag)(?:[ \\t]+|\\n|/?>|$)[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|<(?!(?:script|pre|style|textarea)(?![a-z0-9-]))([a-z][a-z0-9-]*)(?:attribute)*?[ \\t]*/?>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$)|</[a-z][a-z0-9-]*\\s*>(?=[ \\t]*(?:\\n|$))[\\s\\S]*?(?:(?:\\n[ 	]*)+\\n|$))", "i").replace("comment", ke).replace("tag", he).replace("attribute", /[ \t]+[a-zA-Z:_][\w.:-]*(?:[ \t]*=[ \t]*"[^"\n]*"|[ \t]*=[ \t]*'[^'\n]*'|[ \t]*=[ \t]*[^\s"'=<>`]+)?/).getRegex();
    Ce = (l3) => g(de).replace("hr", V).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("|lheading", "").replace("|table", "").replace("blockquote", " {0,3}>").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list", l3).replace("html", J).getRegex();
    Je = Ce(/ {0,3}(?:[*+-]|1[.)])[ \t]+[^ \t\n]/);
    Ye = Ce(/ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]|\n|$)/);
    et = g(/^( {0,3}> ?(?:(?![ \t]*(?:\n|$))(paragraph)|[^\n]*)(?:\n|$))+/).replace("paragraph", Ye).getRegex();
    fe = { blockquote: et, code: Ne, def: Ke, fences: Fe, heading: Qe, hr: V, html: Ve, lheading: Le, list: Xe, newline: Ge, paragraph: Je, table: q, text: Ue };
    Pe = g("^ *([^\\n ].*)\\n {0,3}((?:\\| *)?:?-+:? *(?:\\| *:?-+:? *)*(?:\\| *)?)(?:\\n((?:(?! *\\n|hr|heading|blockquote|code|fences|list|html).*(?:\\n|$))*)\\n*|$)").replace("hr", V).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("blockquote", " {0,3}>").replace("code", "(?: {4}| {0,3}	)[^\\n]").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list", " {0,3}(?:[*+-]|1[.)])[ \\t]").replace("html", J).getRegex();
    tt = { ...fe, lheading: We, table: Pe, paragraph: g(de).replace("hr", V).replace("heading", " {0,3}#{1,6}(?:\\s|$)").replace("|lheading", "").replace("table", Pe).replace("blockquote", " {0,3}>").replace("fences", " {0,3}(?:`{3,}(?=[^`\\n]*(?:\\n|$))|~~~)[^\\n]*(?:\\n|$)").replace("list", " {0,3}(?:[*+-]|1[.)])[ \\t]+[^ \\t\\n]").replace("html", J).getRegex() };
    nt = { ...fe, html: g(`^ *(?:comment(?: *\\n|\\s*$)|<(tag)[\\s\\S]+?</\\1>(?: *\\n{2,}|\\s*$)|<tag(?:"[^"]*"|'[^']*'|\\s[^'"/>\\s]*)*?/?>(?: *\\n{2,}|\\s*$))`).replace("comment", ke).replace(/tag/g, "(?!(?:a|em|strong|small|s|cite|q|dfn|abbr|data|time|code|var|samp|kbd|sub|sup|i|b|u|mark|ruby|rt|rp|bdi|bdo|span|br|wbr|ins|del|img)\\b)\\w+(?!:|[^\\w\\s@]*@)\\b").getRegex(), def: /^ *\[([^\]]+)\]: *<?([^\s>]+)>?(?: +(["(][^\n]+[")]))? *(?:\n+|$)/, heading: /^(#{1,6})(.*)(?:\n+|$)/, fences: q, lheading: /^(.+?)\n {0,3}(=+|-+) *(?:\n+|$)/, paragraph: g(de).replace("hr", V).replace("heading", ` *#{1,6} *[^
]`).replace("|table", "").replace("blockquote", " {0,3}>").replace("|fences", "").replace("|list", "").replace("|html", "").replace("|tag", "").replace("lheading", Le).getRegex() };
    rt = /^\\([!"#$%&'()*+,\-./:;<=>?@\[\]\\^_`{|}~])/;
    st = /^(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/;
    Ie = /^( {2,}|\\)\n(?!\s*$)[ \t]*/;
    it = /^(`+|[^`])(?:(?= {2,}\n)|[\s\S]*?(?:(?=[\\<!\[`*_]|\b_|$)|[^ ](?= {2,}\n)))/;
    L = /[\p{P}\p{S}]/u;
    N = /[\s\p{P}\p{S}]/u;
    Y = /[^\s\p{P}\p{S}]/u;
    ot = g(/^((?![*_])punctSpace)/, "u").replace(/punctSpace/g, N).getRegex();
    at = /[\p{Pi}\p{Ps}"']/u;
    Ae = /(?!~)[\p{P}\p{S}]/u;
    lt = /(?!~)[\s\p{P}\p{S}]/u;
    ut = /(?:[^\s\p{P}\p{S}]|~)/u;
    pt = g(/link|precode-code|html/, "g").replace("link", /\[(?:[^\[\]`]|(?<a>`+)[^`]+\k<a>(?!`))*?\]\((?:\\[\s\S]|[^\\\(\)]|\((?:\\[\s\S]|[^\\\(\)])*\))*\)/).replace("precode-", _e ? "(?<!`)()" : "(^^|[^`])").replace("code", /(?<b>`+)[^`]+\k<b>(?!`)/).replace("html", /<(?! )[^<>]*?>/).getRegex();
    Ee = /^(?:\*+(?:((?!\*)punct)|([^\s*]))?)|^_+(?:((?!_)punct)|([^\s_]))?/;
    ct = g(Ee, "u").replace(/punct/g, L).getRegex();
    ht = g(Ee, "u").replace(/punct/g, Ae).getRegex();
    dt = /^(?:\*+(?:((?!\*)(?!openQuote)punct)|([^\s*]))?)|^_+(?:((?!_)(?!openQuote)punct)|([^\s_]))?/;
    gt = g(dt, "u").replace(/openQuote/g, at).replace(/punct/g, L).getRegex();
    ze = "^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)punctSpace(\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|notPunctSpace(\\*+)(?=notPunctSpace)";
    kt = g(ze, "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
    ft = g(ze, "gu").replace(/notPunctSpace/g, ut).replace(/punctSpace/g, lt).replace(/punct/g, Ae).getRegex();
    mt = "^[^_*]*?__[^_*]*?\\*[^_*]*?(?=__)|[^*]+(?=[^*])|(?!\\*)punct(\\*+)(?=[\\s]|$)|notPunctSpace(\\*+)(?!\\*)(?=punctSpace|$)|(?!\\*)[\\s](\\*+)(?=notPunctSpace)|[\\s](\\*+)(?!\\*)(?=punct)|(?!\\*)punct(\\*+)(?!\\*)(?=punct)|(?:(?!\\*)punct|notPunctSpace)(\\*+)(?!\\*)(?=notPunctSpace)";
    xt = g(mt, "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
    bt = g("^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)punctSpace(_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)", "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
    Rt = "^[^_*]*?\\*\\*[^_*]*?_[^_*]*?(?=\\*\\*)|[^_]+(?=[^_])|(?!_)punct(_+)(?=[\\s]|$)|notPunctSpace(_+)(?!_)(?=punctSpace|$)|(?!_)[\\s](_+)(?=notPunctSpace)|[\\s](_+)(?!_)(?=punct)|(?!_)punct(_+)(?!_)(?=punct)|(?:(?!_)punct|notPunctSpace)(_+)(?!_)(?=notPunctSpace)";
    Tt = g(Rt, "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
    Ot = g(/^~~?(?:((?!~)punct)|[^\s~])/, "u").replace(/punct/g, L).getRegex();
    wt = "^[^~]+(?=[^~])|(?!~)punct(~~?)(?=[\\s]|$)|notPunctSpace(~~?)(?!~)(?=punctSpace|$)|(?!~)punctSpace(~~?)(?=notPunctSpace)|[\\s](~~?)(?!~)(?=punct)|(?!~)punct(~~?)(?!~)(?=punct)|notPunctSpace(~~?)(?=notPunctSpace)";
    Pt = g(wt, "gu").replace(/notPunctSpace/g, Y).replace(/punctSpace/g, N).replace(/punct/g, L).getRegex();
    yt = g(/\\(punct)/, "gu").replace(/punct/g, L).getRegex();
    St = g(/(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)|`+|\\(punct)/, "gu").replace(/punct/g, L).getRegex();
    _t = g(/^<(scheme:[^\s\x00-\x1f<>]*|email)>/).replace("scheme", /[a-zA-Z][a-zA-Z0-9+.-]{1,31}/).replace("email", /[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+(@)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+(?![-_])/).getRegex();
    $t = g(ke).replace("(?:-->|$)", "-->").getRegex();
    Lt = g("^comment|^</[a-zA-Z][a-zA-Z0-9-]*\\s*>|^<[a-zA-Z][a-zA-Z0-9-]*(?:attribute)*?\\s*/?>|^<\\?[\\s\\S]*?\\?>|^<![a-zA-Z]+\\s[\\s\\S]*?>|^<!\\[CDATA\\[[\\s\\S]*?\\]\\]>").replace("comment", $t).replace("attribute", /\s+[a-zA-Z:_][\w.:-]*(?:\s*=\s*"[^"]*"|\s*=\s*'[^']*'|\s*=\s*[^\s"'=<>`]+)?/).getRegex();
    Me = /\[(?:\\[\s\S]|[^\[\]\\])*\]/;
    ie = g(/(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\])|[^\[\]\\`])*?/).replace("brackets", Me).getRegex();
    Ct = g(/^!?\[(label)\]\([ \t\n]*(href)(?:(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)(title))?[ \t\n]*\)/).replace("label", ie).replace("href", /<(?:\\.|[^\n<>\\])*>|(?!<)[^ \t\n\x00-\x1f]+|(?=\))/).replace("title", /"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'|\((?:\\[\s\S]|[^)\\])*\)/).getRegex();
    It = g(/^!?\[(label)\]\[(ref)\]/).replace("label", ie).replace("ref", ge).getRegex();
    At = g(/^!?\[(ref)\](?:\[\])?/).replace("ref", ge).getRegex();
    ye = /(?!\s*\])(?:\\[\s\S]|[^\[\]\\]){1,999}/;
    Et = g(/(?:[^\[\]\\`]*(?:\[(?:brackets|\\[\s\S]|[^\[\]\\])*\]|\\[\s\S]|`+(?!`)[^`]*?`+(?!`)|``+(?=\]))){0,999}?[^\[\]\\`]*?/).replace("brackets", Me).getRegex();
    zt = g("reflink|nolink(?!\\()", "g").replace("reflink", g(/^!?\[(label)\]\[(ref)\]/).replace("label", Et).replace("ref", ye).getRegex()).replace("nolink", g(/^!?\[(ref)\](?:\[\])?/).replace("ref", ye).getRegex()).getRegex();
    Se = /[hH][tT][tT][pP][sS]?|[fF][tT][pP]/;
    Mt = /[A-Za-z0-9._+-]+@[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/;
    Bt = g(/(?:mailto:email|xmpp:email(?:\/[A-Za-z0-9@.]+)?)/).replace(/email/g, Mt).getRegex();
    me = { _backpedal: q, anyPunctuation: yt, anyPunctuationOutsideCode: St, autolink: _t, blockSkip: pt, br: Ie, code: st, del: q, delLDelim: q, delRDelim: q, emStrongLDelim: ct, emStrongRDelimAst: kt, emStrongRDelimUnd: bt, escape: rt, link: Ct, nolink: At, punctuation: ot, reflink: It, reflinkSearch: zt, tag: Lt, text: it, url: q };
    Dt = { ...me, emStrongLDelim: gt, emStrongRDelimAst: xt, emStrongRDelimUnd: Tt, link: g(/^!?\[(label)\]\((.*?)\)/).replace("label", ie).getRegex(), reflink: g(/^!?\[(label)\]\s*\[([^\]]*)\]/).replace("label", ie).getRegex() };
    pe = { ...me, emStrongRDelimAst: ft, emStrongLDelim: ht, delLDelim: Ot, delRDelim: Pt, url: g(/^emailProtocol|^((?:protocol):\/\/|www\.)(?:[a-zA-Z0-9\-]+\.?)+[^\s<]*|^email/).replace("emailProtocol", Bt).replace("protocol", Se).replace("email", /[A-Za-z0-9._+-]+(@)[a-zA-Z0-9-_]+(?:\.[a-zA-Z0-9-_]*[a-zA-Z0-9])+(?![\w-])/).getRegex(), _backpedal: /(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/, del: /^(~~?)(?=[^\s~])((?:\\[\s\S]|[^\\])*?(?:\\[\s\S]|[^\s~\\]))\1(?=[^~]|$)/, text: g(/^(?:[^a-zA-Z0-9](?=emailProtocol)|(`+|~+|[^`~])(?:(?=[`~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[`*~_]|\b_|protocol:\/\/|wwwStart|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=emailProtocol)|[^a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]+@))))/).replace("protocol", Se).replace(/emailProtocol/g, /(?:mailto|xmpp):/).replace("wwwStart", _e ? "(?<![^\\s*_~(])www\\." : "www\\.").getRegex() };
    qt = { ...pe, br: g(Ie).replace("{2,}", "*").getRegex(), text: g(pe.text).replace("\\b_", "\\b_| {2,}\\n").replace(/\{2,\}/g, "*").getRegex() };
    ee = { normal: fe, gfm: tt, pedantic: nt };
    F = { normal: me, gfm: pe, breaks: qt, pedantic: Dt };
    vt = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    Be = (l3) => vt[l3];
    Q = /* @__PURE__ */ new WeakMap();
    _ = class {
      options;
      rules;
      lexer;
      constructor(e) {
        this.options = e || S;
      }
      space(e) {
        let t = this.rules.block.newline.exec(e);
        if (t && t[0].length > 0) return { type: "space", raw: t[0] };
      }
      code(e) {
        let t = this.rules.block.code.exec(e);
        if (t) {
          let n = this.options.pedantic ? t[0] : Re(t[0]), r = n.replace(this.rules.other.codeRemoveIndent, "");
          return { type: "code", raw: n, codeBlockStyle: "indented", text: r };
        }
      }
      fences(e) {
        let t = this.rules.block.fences.exec(e);
        if (t) {
          let n = t[0], r = Zt(n, t[3] || "", this.rules);
          return t[3] !== void 0 && (r === "" || r.endsWith(`
`)) && (r += `
`), { type: "code", raw: n, lang: t[2] ? t[2].trim().replace(this.rules.inline.anyPunctuation, "$1") : t[2], text: r };
        }
      }
      heading(e) {
        let t = this.rules.block.heading.exec(e);
        if (t) {
          let n = t[2].trim();
          if (this.rules.other.endingHash.test(n)) {
            let r = C(n, "#");
            (this.options.pedantic || !r || this.rules.other.endingSpaceTabChar.test(r)) && (n = r.trim());
          }
          return { type: "heading", raw: C(t[0], `
`), depth: t[1].length, text: n, tokens: this.lexer.inline(n) };
        }
      }
      hr(e) {
        let t = this.rules.block.hr.exec(e);
        if (t) return { type: "hr", raw: C(t[0], `
`) };
      }
      blockquote(e) {
        let t = this.rules.block.blockquote.exec(e);
        if (t) {
          let n = C(t[0], `
`).split(`
`), r = "", s = "", o = [];
          for (; n.length > 0; ) {
            let i = false, a = [], c;
            for (c = 0; c < n.length; c++) if (this.rules.other.blockquoteStart.test(n[c])) a.push(n[c]), i = true;
            else if (!i) a.push(n[c]);
            else break;
            n = n.slice(c);
            let u = a.join(`
`), d = u.replace(this.rules.other.blockquoteMarkerWhitespace, (k, m, b) => b.startsWith(" ") ? m + " " + b.slice(1) : m + te(b, m.length)).replace(this.rules.other.blockquoteSetextReplace, `
    $1`).replace(this.rules.other.blockquoteSetextReplace2, "");
            r = r ? `${r}
${u}` : u, s = s ? `${s}
${d}` : d;
            let h2 = this.lexer.state.top;
            if (this.lexer.state.top = true, this.lexer.blockTokens(d, o, true), this.lexer.state.top = h2, n.length === 0) break;
            let p = o.at(-1);
            if (p?.type === "code" || p?.type === "heading" || p?.type === "hr" || p?.type === "html" || p?.type === "table") break;
            if (p?.type === "blockquote") {
              let k = p, m = n.join(`
`), b = k.raw + `
` + m.replace(this.rules.other.blockquoteSetextReplace2, ""), f = this.blockquote(b);
              o[o.length - 1] = f;
              let R = b.substring(f.raw.length).replace(/^\n/, ""), E = R ? R.split(`
`).length : 0, T = E ? n.slice(0, -E) : n;
              if (T.length > 0 && (r = `${r}
${T.join(`
`)}`), s = s.substring(0, s.length - k.text.length) + f.text, n = n.slice(T.length), n.length > 0 && this.rules.other.blockquoteStart.test(n[0])) continue;
              break;
            } else if (p?.type === "list") {
              let k = p, m = k.raw + `
` + n.join(`
`), b = this.list(m);
              o[o.length - 1] = b;
              let f = b.raw.length > k.raw.length ? m.slice(k.raw.length + 1, b.raw.length).split(`
`).length : 0;
              if (f > 0) {
                let R = n.slice(0, f).join(`
`);
                r = `${r}
${R}`, s = `${s}
${R}`;
              }
              if (n = n.slice(f), n.length > 0 && !this.rules.other.blockquoteStart.test(n[0])) break;
              continue;
            }
          }
          return { type: "blockquote", raw: r, tokens: o, text: s };
        }
      }
      list(e) {
        let t = this.rules.block.list.exec(e);
        if (t) {
          if (!this.options.pedantic && this.lexer.state.lastToken?.type === "text" && !this.rules.other.listInterruptsParagraph.test(e)) return;
          let n = e, r = () => n.length - e.length, s = t[1].trim(), o = s.length > 1, i = { type: "list", raw: "", ordered: o, start: o ? +s.slice(0, -1) : "", loose: false, items: [] };
          s = o ? `\\d{1,9}\\${s.slice(-1)}` : `\\${s}`, this.options.pedantic && (s = o ? s : "[*+-]");
          let a = this.rules.other.listItemRegex(s), c = false;
          for (; e; ) {
            let h2 = false, p = "";
            if (!(t = a.exec(e)) || this.rules.block.hr.test(e)) break;
            let k = r();
            e = e.substring(t[0].length);
            let m = t[2].split(`
`, 1)[0], b = t[1].length, f = this.options.pedantic ? te(m, b) : m.replace(this.rules.other.leadingSpaceTab, (H) => te(H, b)), R = e.split(`
`, 1)[0], E = !f.trim(), T = 0;
            if (this.options.pedantic ? (T = 2, p = f.trimStart()) : E ? T = b + 1 : (T = f.search(this.rules.other.nonSpaceChar), T = T > 4 ? 1 : T, p = f.slice(T), T += b), E && this.rules.other.blankLine.test(R) && (e = e.substring(R.length + 1), h2 = true), !h2) {
              let H = this.rules.other.nextBulletRegex(T), K = this.rules.other.hrRegex(T), re = this.rules.other.fencesBeginRegex(T), B = this.options.pedantic ? this.rules.other.pedanticHeadingBeginRegex(T) : this.rules.other.headingBeginRegex(T), X = this.rules.other.htmlBeginRegex(T), se = this.rules.other.blockquoteBeginRegex(T), le = false;
              for (; e; ) {
                let we = e.split(`
`, 1)[0], Z;
                if (R = we, this.options.pedantic ? (R = R.replace(this.rules.other.listReplaceNesting, "  "), Z = R) : Z = R.replace(this.rules.other.leadingSpaceTab, ($) => te($)), re.test(R) || B.test(R) || X.test(R) || se.test(R) || H.test(R) || K.test(R)) break;
                if (Z.search(this.rules.other.nonSpaceChar) >= T || !R.trim()) p += `
` + Z.slice(T), le = false;
                else {
                  if (E) break;
                  let $ = f;
                  if (!this.options.pedantic && !p.includes(`
`) && !f.includes("	")) {
                    let j;
                    for (; !K.test($) && (j = this.rules.other.nestedBlockMarker.exec($)); ) $ = $.slice(j[0].length);
                    if (!$.trim()) break;
                  }
                  if ($.replace(this.rules.other.tabCharGlobal, "    ").search(this.rules.other.nonSpaceChar) >= 4 || re.test($) || B.test($) || X.test($) || K.test($)) break;
                  if (!this.options.pedantic && !le) {
                    let j = f.replace(this.rules.other.nestedContainerMarkers, "");
                    if (this.rules.block.fences.test(j) || this.rules.block.heading.test(j) || this.rules.block.hr.test(j)) break;
                  }
                  let je = !this.options.pedantic && /^ {0,3}(?:=+|-+) *$/.test(R) && this.rules.block.lheading.test(`${f}
${R}`) ? `    ${Z.replace(/^ {0,3}/, "")}` : R;
                  p += `
` + je, le = true;
                }
                E = !R.trim(), e = e.substring(we.length + 1), f = Z.slice(T);
              }
            }
            let U = n.slice(k, r());
            i.loose || (c ? i.loose = true : this.rules.other.doubleBlankLine.test(U) && (c = true)), i.items.push({ type: "list_item", raw: U, task: !!this.options.gfm && this.rules.other.listIsTask.test(p), loose: false, text: p, tokens: [] });
          }
          let u = i.items.at(-1);
          if (u) u.raw = u.raw.trimEnd(), u.text = u.text.trimEnd();
          else return;
          i.raw = n.slice(0, r()).trimEnd();
          let d = [];
          for (let h2 of i.items) if (this.lexer.state.top = false, d.push(this.lexer.inlineQueue.length), h2.tokens = this.lexer.blockTokens(h2.text, []), !i.loose) {
            let p = h2.tokens.filter((m) => m.type === "space"), k = p.length > 0 && p.some((m) => this.rules.other.anyLine.test(m.raw));
            i.loose = k;
          }
          for (let h2 = 0; h2 < i.items.length; h2++) {
            let p = i.items[h2], k = p.tokens[0];
            if (p.task && (k?.type === "text" || k?.type === "paragraph")) {
              p.text = p.text.replace(this.rules.other.listReplaceTask, ""), k.raw = k.raw.replace(this.rules.other.listReplaceTask, ""), k.text = k.text.replace(this.rules.other.listReplaceTask, "");
              let m = this.lexer.inlineQueue;
              for (let f = d[h2]; f < m.length; f++) if (m[f].tokens === k.tokens) {
                m[f].src = m[f].src.replace(this.rules.other.listReplaceTask, "");
                break;
              }
              let b = this.rules.other.listTaskCheckbox.exec(p.raw);
              if (b) {
                let f = { type: "checkbox", raw: b[0] + " ", checked: b[0] !== "[ ]" };
                p.checked = f.checked, i.loose ? p.tokens[0] && ["paragraph", "text"].includes(p.tokens[0].type) && "tokens" in p.tokens[0] && p.tokens[0].tokens ? (p.tokens[0].raw = f.raw + p.tokens[0].raw, p.tokens[0].text = f.raw + p.tokens[0].text, p.tokens[0].tokens.unshift(f)) : p.tokens.unshift({ type: "paragraph", raw: f.raw, text: f.raw, tokens: [f] }) : p.tokens.unshift(f);
              }
            } else p.task && (p.task = false);
          }
          if (i.loose) for (let h2 of i.items) {
            h2.loose = true;
            for (let p of h2.tokens) p.type === "text" && (p.type = "paragraph");
          }
          return i;
        }
      }
      html(e) {
        let t = this.rules.block.html.exec(e);
        if (t) {
          if (this.lexer.state.lastToken?.type === "paragraph" && !this.rules.other.htmlBeginRegex(4).test(e)) return;
          let n = Re(t[0]);
          return { type: "html", block: true, raw: n, pre: t[1] === "pre" || t[1] === "script" || t[1] === "style", text: n };
        }
      }
      def(e) {
        let t = this.rules.block.def.exec(e);
        if (t) {
          if (!this.rules.other.startAngleBracket.test(t[2]) && Te(t[2], "()") !== -1) return;
          let n = W(t[1]), r = t[2] ? t[2].replace(this.rules.other.hrefBrackets, "$1").replace(this.rules.inline.anyPunctuation, "$1") : "", s = t[3] ? t[3].substring(1, t[3].length - 1).replace(this.rules.inline.anyPunctuation, "$1") : t[3];
          return { type: "def", tag: n, raw: C(t[0], `
`), href: r, title: s };
        }
      }
      table(e) {
        let t = this.rules.block.table.exec(e);
        if (!t || !this.rules.other.tableDelimiter.test(t[2])) return;
        let n = be(t[1]), r = t[2].replace(this.rules.other.tableAlignChars, "").split("|"), s = t[3]?.trim() ? t[3].replace(this.rules.other.tableRowBlankLine, "").split(`
`) : [], o = { type: "table", raw: C(t[0], `
`), header: [], align: [], rows: [] };
        if (n.length === r.length) {
          for (let i of r) this.rules.other.tableAlignRight.test(i) ? o.align.push("right") : this.rules.other.tableAlignCenter.test(i) ? o.align.push("center") : this.rules.other.tableAlignLeft.test(i) ? o.align.push("left") : o.align.push(null);
          for (let i = 0; i < n.length; i++) o.header.push({ text: n[i], tokens: this.lexer.inline(n[i]), header: true, align: o.align[i] });
          for (let i of s) o.rows.push(be(i, o.header.length).map((a, c) => ({ text: a, tokens: this.lexer.inline(a), header: false, align: o.align[c] })));
          return o;
        }
      }
      lheading(e) {
        let t = this.rules.block.lheading.exec(e);
        if (t) {
          let n = t[1].trim();
          return { type: "heading", raw: C(t[0], `
`), depth: t[2].charAt(0) === "=" ? 1 : 2, text: n, tokens: this.lexer.inline(n) };
        }
      }
      paragraph(e) {
        let t = this.rules.block.paragraph.exec(e);
        if (t) {
          let n = t[1].charAt(t[1].length - 1) === `
` ? t[1].slice(0, -1) : t[1];
          return { type: "paragraph", raw: t[0], text: n, tokens: this.lexer.inline(n) };
        }
      }
      text(e) {
        let t = this.rules.block.text.exec(e);
        if (t) return { type: "text", raw: t[0], text: t[0], tokens: this.lexer.inline(t[0]) };
      }
      escape(e) {
        if (e.charCodeAt(0) !== 92) return;
        let t = this.rules.inline.escape.exec(e);
        if (t) return { type: "escape", raw: t[0], text: t[1] };
      }
      tag(e) {
        if (e.charCodeAt(0) !== 60) return;
        let t = this.rules.inline.tag.exec(e);
        if (t) return !this.lexer.state.inLink && this.rules.other.startATag.test(t[0]) ? this.lexer.state.inLink = true : this.lexer.state.inLink && this.rules.other.endATag.test(t[0]) && (this.lexer.state.inLink = false), !this.lexer.state.inRawBlock && this.rules.other.startPreScriptTag.test(t[0]) ? this.lexer.state.inRawBlock = true : this.lexer.state.inRawBlock && this.rules.other.endPreScriptTag.test(t[0]) && (this.lexer.state.inRawBlock = false), { type: "html", raw: t[0], inLink: this.lexer.state.inLink, inRawBlock: this.lexer.state.inRawBlock, block: false, text: t[0] };
      }
      link(e) {
        if (this.lexer.state.linkParenPossible === false) return;
        let t = e.charCodeAt(0);
        if (t !== 91 && t !== 33) return;
        let n = this.rules.inline.link.exec(e);
        if (n) {
          let r = n[0].charAt(0) === "!" ? 2 : 1;
          if (!this.options.pedantic && Ze(e, n[1], r, this.rules)) return;
          let s = n[2].trim();
          if (!this.options.pedantic && this.rules.other.startAngleBracket.test(s)) {
            if (!this.rules.other.endAngleBracket.test(s)) return;
            let c = C(s.slice(0, -1), "\\");
            if ((s.length - c.length) % 2 === 0) return;
          } else {
            let c = Te(n[2], "()");
            if (c === -2) return;
            if (c > -1) {
              let d = (n[0].indexOf("!") === 0 ? 5 : 4) + n[1].length + c;
              n[2] = n[2].substring(0, c), n[0] = n[0].substring(0, d).trim(), n[3] = "";
            }
          }
          let o = C(n[0].slice(0, -1), "\\");
          if ((n[0].length - o.length) % 2 === 0) return;
          let i = n[2], a = "";
          if (this.options.pedantic) {
            let c = this.rules.other.pedanticHrefTitle.exec(i);
            c && (i = c[1], a = c[3]);
          } else a = n[3] ? n[3].slice(1, -1) : "";
          return i = i.trim(), this.rules.other.startAngleBracket.test(i) && (this.options.pedantic && !this.rules.other.endAngleBracket.test(s) ? i = i.slice(1) : i = i.slice(1, -1)), He(n, { href: i && i.replace(this.rules.inline.anyPunctuation, "$1"), title: a && a.replace(this.rules.inline.anyPunctuation, "$1") }, n[0], this.lexer, this.rules);
        }
      }
      reflink(e, t) {
        let n = e.charCodeAt(0);
        if (n !== 91 && n !== 33) return;
        let r;
        if ((r = this.rules.inline.reflink.exec(e)) || (r = this.rules.inline.nolink.exec(e))) {
          let s = r[0].charAt(0) === "!" ? 2 : 1;
          if (!this.options.pedantic && Ze(e, r[1], s, this.rules)) return;
          let o = t[W(r[2] || r[1])];
          if (!o) {
            let i = r[0].charAt(0);
            return { type: "text", raw: i, text: i };
          }
          return He(r, o, r[0], this.lexer, this.rules);
        }
      }
      emStrong(e, t, n = "") {
        let r = this.rules.inline.emStrongLDelim.exec(e);
        if (!r || !r[1] && !r[2] && !r[3] && !r[4]) return;
        let s = r[0][0], o = n === s, i = t.length - e.length, a = i;
        for (; !this.options.pedantic && a > 0 && t[a - 1] === s; ) a--;
        let c = [...t.slice(Math.max(0, a - 2), a)].at(-1) ?? "", u = c === "*" || c === "_" || !!this.rules.inline.punctuation.exec(c);
        a < i && (n = c);
        let d = a < i ? u : n === "*" || n === "_" || !!this.rules.inline.punctuation.exec(n);
        if (r[4] && n.match(this.rules.other.unicodeAlphaNumeric)) return;
        let h2 = r[1] || r[3] || "";
        if (!h2 || !n || d) {
          let p = [...r[0]].length - 1, k, m, b = p, f = 0, R = i - a + p, E = !this.options.pedantic && !!c.trim() && (!!h2 || s === "*" && !u);
          if (s !== "*" && s !== "_") return;
          let T = s === "*" ? this.rules.inline.emStrongRDelimAst : this.rules.inline.emStrongRDelimUnd, U = oe(this, t, s), H = t.length - e.length + p;
          if (U < H) return;
          t = t.slice(-1 * e.length + p);
          let K = U - H;
          for (T.lastIndex = 0; (r = T.exec(t)) !== null && !(r.index > K); ) {
            if (k = r[1] || r[2] || r[3] || r[4] || r[5] || r[6], !k) continue;
            if (m = [...k].length, r[3] || r[4]) {
              b += m;
              continue;
            } else if ((r[5] || r[6] || E) && R % 3 && !((R + m) % 3)) {
              if (o && (r[5] || r[6])) break;
              f += m;
              continue;
            }
            if (b -= m, b > 0) continue;
            m = Math.min(m, m + b + f);
            let re = [...r[0]][0].length, B = e.slice(0, p + r.index + re + m);
            if (Math.min(p, m) % 2) {
              let se = B.slice(1, -1);
              return { type: "em", raw: B, text: se, tokens: this.lexer.inlineTokens(se) };
            }
            let X = B.slice(2, -2);
            return { type: "strong", raw: B, text: X, tokens: this.lexer.inlineTokens(X) };
          }
        }
      }
      codespan(e) {
        if (e.charCodeAt(0) !== 96) return;
        let t = this.rules.inline.code.exec(e);
        if (t) {
          let n = t[2].replace(this.rules.other.newLineCharGlobal, " "), r = this.rules.other.nonSpaceChar.test(n), s = this.rules.other.startingSpaceChar.test(n) && this.rules.other.endingSpaceChar.test(n);
          return r && s && (n = n.substring(1, n.length - 1)), { type: "codespan", raw: t[0], text: n };
        }
      }
      br(e) {
        let t = e.charCodeAt(0);
        if (t !== 32 && t !== 92 && t !== 10) return;
        let n = this.rules.inline.br.exec(e);
        if (n) return { type: "br", raw: n[0] };
      }
      del(e, t, n = "") {
        if (e.charCodeAt(0) !== 126) return;
        let r = this.rules.inline.delLDelim.exec(e);
        if (!r) return;
        if (!(r[1] || "") || !n || this.rules.inline.punctuation.exec(n)) {
          let o = [...r[0]].length - 1, i, a, c = o, u = this.rules.inline.delRDelim, d = ae(this, t), h2 = t.length - e.length + o;
          if (d < h2) return;
          t = t.slice(-1 * e.length + o);
          let p = d - h2;
          for (u.lastIndex = 0; (r = u.exec(t)) !== null && !(r.index > p); ) {
            if (i = r[1] || r[2] || r[3] || r[4] || r[5] || r[6], !i || (a = [...i].length, a !== o)) continue;
            if (r[3] || r[4]) {
              c += a;
              continue;
            }
            if (c -= a, c > 0) continue;
            a = Math.min(a, a + c);
            let k = [...r[0]][0].length, m = e.slice(0, o + r.index + k + a), b = m.slice(o, -o);
            return { type: "del", raw: m, text: b, tokens: this.lexer.inlineTokens(b) };
          }
        }
      }
      autolink(e) {
        if (e.charCodeAt(0) !== 60) return;
        let t = this.rules.inline.autolink.exec(e);
        if (t) {
          let n, r;
          return t[2] === "@" ? (n = t[1], r = "mailto:" + n) : (n = t[1], r = n), { type: "link", raw: t[0], text: n, href: r, autolink: true, tokens: [{ type: "text", raw: n, text: n }] };
        }
      }
      url(e) {
        let t;
        if (t = this.rules.inline.url.exec(e)) {
          let n, r;
          if (t[2] === "@") n = t[0], r = "mailto:" + n;
          else {
            let s;
            do
              s = t[0], t[0] = this.rules.inline._backpedal.exec(t[0])?.[0] ?? "";
            while (s !== t[0]);
            n = t[0], t[1] === "www." ? r = "http://" + t[0] : r = t[0];
          }
          return { type: "link", raw: t[0], text: n, href: r, autolink: true, tokens: [{ type: "text", raw: n, text: n }] };
        }
      }
      inlineText(e) {
        let t = this.rules.inline.text.exec(e);
        if (t) {
          let n = this.lexer.state.inRawBlock;
          return { type: "text", raw: t[0], text: n ? t[0] : De(t[0]), escaped: n };
        }
      }
    };
    w = class l {
      tokens;
      options;
      state;
      inlineQueue;
      tokenizer;
      constructor(e) {
        this.tokens = [], this.tokens.links = /* @__PURE__ */ Object.create(null), this.options = e || S, this.options.tokenizer = this.options.tokenizer || new _(), this.tokenizer = this.options.tokenizer, this.tokenizer.options = this.options, this.tokenizer.lexer = this, this.inlineQueue = [], this.state = { inLink: false, inRawBlock: false, linkEmitted: false, linkParenPossible: true, top: true };
        let t = { other: O, block: ee.normal, inline: F.normal };
        this.options.pedantic ? (t.block = ee.pedantic, t.inline = F.pedantic) : this.options.gfm && (t.block = ee.gfm, this.options.breaks ? t.inline = F.breaks : t.inline = F.gfm), this.tokenizer.rules = t;
      }
      static get rules() {
        return { block: ee, inline: F };
      }
      static lex(e, t) {
        return new l(t).lex(e);
      }
      static lexInline(e, t) {
        return new l(t).inlineTokens(e);
      }
      lex(e) {
        e = e.replace(O.carriageReturn, `
`), this.blockTokens(e, this.tokens);
        for (let t = 0; t < this.inlineQueue.length; t++) {
          let n = this.inlineQueue[t];
          this.state.inRawBlock = false, this.inlineTokens(n.src, n.tokens);
        }
        return this.inlineQueue = [], this.tokens;
      }
      blockTokens(e, t = [], n = false) {
        this.tokenizer.lexer = this;
        let r = this.state.lastToken;
        this.options.pedantic && (e = e.replace(O.tabCharGlobal, "    ").replace(O.spaceLine, ""));
        let s = 1 / 0, o, i = this.options.gfm && !this.options.pedantic && this.tokenizer.paragraph === _.prototype.paragraph;
        for (; e; ) {
          if (e.length < s) s = e.length;
          else {
            this.infiniteLoopError(e.charCodeAt(0));
            break;
          }
          this.state.lastToken = t.at(-1);
          let a;
          if (this.options.extensions?.block?.some((u) => (a = u.call({ lexer: this }, e, t)) ? (e = e.substring(a.raw.length), t.push(a), true) : false)) continue;
          if (a = this.tokenizer.space(e)) {
            e = e.substring(a.raw.length);
            let u = t.at(-1);
            a.raw.length === 1 && u !== void 0 ? u.raw += `
` : t.push(a);
            continue;
          }
          if (a = this.tokenizer.code(e)) {
            e = e.substring(a.raw.length);
            let u = t.at(-1);
            u?.type === "paragraph" || u?.type === "text" ? (u.raw += (u.raw.endsWith(`
`) ? "" : `
`) + a.raw, u.text += `
` + a.text, this.inlineQueue.at(-1).src = u.text) : t.push(a);
            continue;
          }
          if (a = this.tokenizer.fences(e)) {
            e = e.substring(a.raw.length), t.push(a);
            continue;
          }
          if (a = this.tokenizer.heading(e)) {
            e = e.substring(a.raw.length), t.push(a);
            continue;
          }
          if (a = this.tokenizer.hr(e)) {
            e = e.substring(a.raw.length), t.push(a);
            continue;
          }
          if (a = this.tokenizer.blockquote(e)) {
            e = e.substring(a.raw.length), t.push(a);
            continue;
          }
          if (a = this.tokenizer.list(e)) {
            e = e.substring(a.raw.length), t.push(a);
            continue;
          }
          if (a = this.tokenizer.html(e)) {
            e = e.substring(a.raw.length), t.push(a);
            continue;
          }
          if (a = this.tokenizer.def(e)) {
            e = e.substring(a.raw.length);
            let u = t.at(-1);
            u?.type === "paragraph" || u?.type === "text" ? (u.raw += (u.raw.endsWith(`
`) ? "" : `
`) + a.raw, u.text += `
` + a.raw, this.inlineQueue.at(-1).src = u.text) : (this.tokens.links[a.tag] || (this.tokens.links[a.tag] = { href: a.href, title: a.title }), t.push(a));
            continue;
          }
          if (a = this.tokenizer.table(e)) {
            e = e.substring(a.raw.length), t.push(a);
            continue;
          }
          if (a = this.tokenizer.lheading(e)) {
            e = e.substring(a.raw.length), t.push(a);
            continue;
          }
          let c = e;
          if (this.options.extensions?.startBlock) {
            let u = 1 / 0, d = e.slice(1), h2;
            this.options.extensions.startBlock.forEach((p) => {
              h2 = p.call({ lexer: this }, d), typeof h2 == "number" && h2 >= 0 && (u = Math.min(u, h2));
            }), u < 1 / 0 && u >= 0 && (c = e.substring(0, u + 1));
          }
          if (this.state.top && (a = this.tokenizer.paragraph(c))) {
            let u = t.at(-1);
            (n || u === o && i) && u?.type === "paragraph" ? (u.raw += (u.raw.endsWith(`
`) ? "" : `
`) + a.raw, u.text += `
` + a.text, this.inlineQueue.pop(), this.inlineQueue.at(-1).src = u.text, o = u) : (t.push(a), o = a), n = c.length !== e.length, e = e.substring(a.raw.length);
            continue;
          }
          if (a = this.tokenizer.text(e)) {
            e = e.substring(a.raw.length);
            let u = t.at(-1);
            u?.type === "text" ? (u.raw += (u.raw.endsWith(`
`) ? "" : `
`) + a.raw, u.text += `
` + a.text, this.inlineQueue.pop(), this.inlineQueue.at(-1).src = u.text) : t.push(a);
            continue;
          }
          if (e) {
            this.infiniteLoopError(e.charCodeAt(0));
            break;
          }
        }
        return this.state.top = true, this.state.lastToken = r, t;
      }
      inline(e, t = []) {
        return this.inlineQueue.push({ src: e, tokens: t }), t;
      }
      linkInText(e) {
        if (!e.includes("[")) return false;
        let t = this.tokenizer.rules.inline.link;
        for (let n of e.matchAll(this.tokenizer.rules.inline.blockSkip)) if (t.test(n[0]) && e.charAt(n.index - 1) !== "!") return true;
        for (let n of e.matchAll(this.tokenizer.rules.inline.reflinkSearch)) {
          let r = n[0], s = r.lastIndexOf("[");
          if (!(r.charAt(0) === "!" || !Object.hasOwn(this.tokens.links, W(r.slice(s + 1, -1)))) && !(s > 1 && this.linkInText(r.slice(1, s - 1)))) return true;
        }
        return false;
      }
      inlineTokens(e, t = []) {
        this.tokenizer.lexer = this;
        let n = this.state.linkParenPossible;
        this.state.linkParenPossible = e.includes(")");
        try {
          return this.#t(e, t);
        } finally {
          this.state.linkParenPossible = n;
        }
      }
      #t(e, t) {
        let n = e.includes("*") || e.includes("_") || e.includes("~"), r = n || this.options.hooks?.emStrongMask || this.tokenizer.emStrong !== _.prototype.emStrong || this.tokenizer.del !== _.prototype.del ? this.#r(e) : e;
        if (!n) return this.#e(e, r, t);
        qe(this.tokenizer, r);
        try {
          return this.#e(e, r, t);
        } finally {
          ve(this.tokenizer);
        }
      }
      #e(e, t, n) {
        let r = false, s = "", o = 1 / 0;
        for (; e; ) {
          if (e.length < o) o = e.length;
          else {
            this.infiniteLoopError(e.charCodeAt(0));
            break;
          }
          r || (s = ""), r = false;
          let i;
          if (this.options.extensions?.inline?.some((u) => (i = u.call({ lexer: this }, e, n)) ? (e = e.substring(i.raw.length), n.push(i), true) : false)) continue;
          if (i = this.tokenizer.escape(e)) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          if (i = this.tokenizer.tag(e)) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          if (i = this.tokenizer.link(e)) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          if (i = this.tokenizer.reflink(e, this.tokens.links)) {
            e = e.substring(i.raw.length);
            let u = n.at(-1);
            i.type === "text" && u?.type === "text" ? (u.raw += i.raw, u.text += i.text) : n.push(i);
            continue;
          }
          let a = e[0];
          if (a === "*" || a === "_") {
            let u = t.length - e.length;
            if (oe(this.tokenizer, t, a) <= u) {
              let h2 = 1;
              for (; h2 < e.length && e.charCodeAt(h2) === a.charCodeAt(0); ) h2++;
              let p = e.substring(0, h2), k = n.at(-1);
              k?.type === "text" && !k.escaped ? (k.raw += p, k.text += p) : n.push({ type: "text", raw: p, text: p, escaped: false }), e = e.substring(h2), s = a, r = true;
              continue;
            }
          } else if (a === "~") {
            let u = t.length - e.length;
            if (ae(this.tokenizer, t) <= u) {
              let h2 = 1;
              for (; h2 < e.length && e.charCodeAt(h2) === 126; ) h2++;
              let p = e.substring(0, h2), k = n.at(-1);
              k?.type === "text" && !k.escaped ? (k.raw += p, k.text += p) : n.push({ type: "text", raw: p, text: p, escaped: false }), e = e.substring(h2), s = a, r = true;
              continue;
            }
          }
          if (i = this.tokenizer.emStrong(e, t, s)) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          if (i = this.tokenizer.codespan(e)) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          if (i = this.tokenizer.br(e)) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          if (i = this.tokenizer.del(e, t, s)) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          if (i = this.tokenizer.autolink(e)) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          if (!this.state.inLink && (i = this.tokenizer.url(e))) {
            e = e.substring(i.raw.length), n.push(i);
            continue;
          }
          let c = e;
          if (this.options.extensions?.startInline) {
            let u = 1 / 0, d = e.slice(1), h2;
            this.options.extensions.startInline.forEach((p) => {
              h2 = p.call({ lexer: this }, d), typeof h2 == "number" && h2 >= 0 && (u = Math.min(u, h2));
            }), u < 1 / 0 && u >= 0 && (c = e.substring(0, u + 1));
          }
          if (i = this.tokenizer.inlineText(c)) {
            e = e.substring(i.raw.length), i.raw.slice(-1) !== "_" && (s = i.raw.slice(-1)), r = true;
            let u = n.at(-1);
            u?.type === "text" ? (u.raw += i.raw, u.text += i.text) : n.push(i);
            continue;
          }
          if (e) {
            this.infiniteLoopError(e.charCodeAt(0));
            break;
          }
        }
        return n;
      }
      #n(e) {
        let { blockSkip: t, tag: n, autolink: r } = this.tokenizer.rules.inline, s = "", o = 0, i;
        for (t.lastIndex = 0; i = t.exec(e); ) {
          let a = i.index + (i[2] ? i[2].length : 0), c = i.index + i[0].length;
          if (e.charAt(a) === "<") {
            let u = e.slice(a), d = n.exec(u) || r.exec(u);
            if (!d) {
              t.lastIndex = a + 1;
              continue;
            }
            c = a + d[0].length, t.lastIndex = c;
          }
          s += e.slice(o, a) + "[" + "a".repeat(c - a - 2) + "]", o = c;
        }
        return s + e.slice(o);
      }
      #r(e) {
        let t = e;
        if (this.tokens.links && e.includes("[")) {
          let n = this.tokenizer.rules.inline.reflinkSearch, r = (s) => {
            let o = s.lastIndexOf("[");
            if (!Object.hasOwn(this.tokens.links, W(s.slice(o + 1, -1)))) return s;
            if (o > 1 && s.charAt(0) !== "!") {
              let i = s.slice(1, o - 1);
              if (this.linkInText(i)) return "[" + i.replace(n, r) + "][" + "a".repeat(s.length - o - 2) + "]";
            }
            return "[" + "a".repeat(s.length - 2) + "]";
          };
          t = t.replace(n, r);
        }
        return t = t.replace(this.tokenizer.rules.inline.anyPunctuationOutsideCode, (n, r, s) => s ? "+".repeat(n.length) : r ? r + n.slice(r.length, -r.length).replace(/`/g, "+") + r : n), t = this.#n(t), t = this.options.hooks?.emStrongMask?.call({ lexer: this }, t) ?? t, t;
      }
      infiniteLoopError(e) {
        let t = "Infinite loop on byte: " + e;
        if (this.options.silent) console.error(t);
        else throw new Error(t);
      }
    };
    I = class {
      options;
      parser;
      constructor(e) {
        this.options = e || S;
      }
      space(e) {
        return "";
      }
      code({ text: e, lang: t, escaped: n }) {
        let r = (t || "").match(O.notSpaceStart)?.[0], s = e ? e.replace(O.endingNewline, "") + `
` : "";
        return r ? '<pre><code class="language-' + y(r) + '">' + (n ? s : y(s, true)) + `</code></pre>
` : "<pre><code>" + (n ? s : y(s, true)) + `</code></pre>
`;
      }
      blockquote({ tokens: e }) {
        return `<blockquote>
${this.parser.parse(e)}</blockquote>
`;
      }
      html({ text: e }) {
        return e;
      }
      def(e) {
        return "";
      }
      heading({ tokens: e, depth: t }) {
        return `<h${t}>${this.parser.parseInline(e)}</h${t}>
`;
      }
      hr(e) {
        return `<hr>
`;
      }
      list(e) {
        let t = e.ordered, n = e.start, r = "";
        for (let i = 0; i < e.items.length; i++) {
          let a = e.items[i];
          r += this.listitem(a);
        }
        let s = t ? "ol" : "ul", o = t && n !== 1 ? ' start="' + n + '"' : "";
        return "<" + s + o + `>
` + r + "</" + s + `>
`;
      }
      listitem(e) {
        return `<li>${this.parser.parse(e.tokens)}</li>
`;
      }
      checkbox({ checked: e }) {
        return "<input " + (e ? 'checked="" ' : "") + 'disabled="" type="checkbox"> ';
      }
      paragraph({ tokens: e }) {
        return `<p>${this.parser.parseInline(e)}</p>
`;
      }
      table(e) {
        let t = "", n = "";
        for (let s = 0; s < e.header.length; s++) n += this.tablecell(e.header[s]);
        t += this.tablerow({ text: n });
        let r = "";
        for (let s = 0; s < e.rows.length; s++) {
          let o = e.rows[s];
          n = "";
          for (let i = 0; i < o.length; i++) n += this.tablecell(o[i]);
          r += this.tablerow({ text: n });
        }
        return r && (r = `<tbody>${r}</tbody>`), `<table>
<thead>
` + t + `</thead>
` + r + `</table>
`;
      }
      tablerow({ text: e }) {
        return `<tr>
${e}</tr>
`;
      }
      tablecell(e) {
        let t = this.parser.parseInline(e.tokens), n = e.header ? "th" : "td";
        return (e.align ? `<${n} align="${e.align}">` : `<${n}>`) + t + `</${n}>
`;
      }
      strong({ tokens: e }) {
        return `<strong>${this.parser.parseInline(e)}</strong>`;
      }
      em({ tokens: e }) {
        return `<em>${this.parser.parseInline(e)}</em>`;
      }
      codespan({ text: e }) {
        return `<code>${y(e, true)}</code>`;
      }
      br(e) {
        return "<br>";
      }
      del({ tokens: e }) {
        return `<del>${this.parser.parseInline(e)}</del>`;
      }
      link({ href: e, title: t, text: n, tokens: r, autolink: s }) {
        let o = s ? y(n, true) : this.parser.parseInline(r), i = xe(e);
        if (i === null) return o;
        e = y(i, s);
        let a = '<a href="' + e + '"';
        return t && (a += ' title="' + y(t) + '"'), a += ">" + o + "</a>", a;
      }
      image({ href: e, title: t, text: n, tokens: r }) {
        r && (n = this.parser.parseInline(r, this.parser.textRenderer));
        let s = xe(e);
        if (s === null) return y(n);
        e = s;
        let o = `<img src="${y(e)}" alt="${y(n)}"`;
        return t && (o += ` title="${y(t)}"`), o += ">", o;
      }
      text(e) {
        return "tokens" in e && e.tokens ? this.parser.parseInline(e.tokens) : "escaped" in e && e.escaped ? e.text : y(e.text);
      }
    };
    z = class {
      parser;
      strong({ text: e, tokens: t }) {
        return t ? this.parser.parseInline(t, this) : e;
      }
      em({ text: e, tokens: t }) {
        return t ? this.parser.parseInline(t, this) : e;
      }
      codespan({ text: e }) {
        return e;
      }
      del({ text: e, tokens: t }) {
        return t ? this.parser.parseInline(t, this) : e;
      }
      html({ text: e }) {
        return e;
      }
      text({ text: e }) {
        return e;
      }
      link({ text: e, tokens: t }) {
        return t ? this.parser.parseInline(t, this) : e;
      }
      image({ text: e, tokens: t }) {
        return t ? this.parser.parseInline(t, this) : e;
      }
      br() {
        return `
`;
      }
      checkbox({ raw: e }) {
        return e;
      }
    };
    P = class l2 {
      options;
      renderer;
      textRenderer;
      constructor(e) {
        this.options = e || S, this.options.renderer = this.options.renderer || new I(), this.renderer = this.options.renderer, this.renderer.options = this.options, this.renderer.parser = this, this.textRenderer = new z(), this.textRenderer.parser = this;
      }
      static parse(e, t) {
        return new l2(t).parse(e);
      }
      static parseInline(e, t) {
        return new l2(t).parseInline(e);
      }
      parse(e) {
        this.renderer.parser = this;
        let t = "";
        for (let n = 0; n < e.length; n++) {
          let r = e[n];
          if (this.options.extensions?.renderers?.[r.type]) {
            let o = r, i = this.options.extensions.renderers[o.type].call({ parser: this }, o);
            if (i !== false || !["space", "hr", "heading", "code", "table", "blockquote", "list", "checkbox", "html", "def", "paragraph", "text"].includes(o.type)) {
              t += i === false ? "" : i ?? "";
              continue;
            }
          }
          let s = r;
          switch (s.type) {
            case "space": {
              t += this.renderer.space(s);
              break;
            }
            case "hr": {
              t += this.renderer.hr(s);
              break;
            }
            case "heading": {
              t += this.renderer.heading(s);
              break;
            }
            case "code": {
              t += this.renderer.code(s);
              break;
            }
            case "table": {
              t += this.renderer.table(s);
              break;
            }
            case "blockquote": {
              t += this.renderer.blockquote(s);
              break;
            }
            case "list": {
              t += this.renderer.list(s);
              break;
            }
            case "checkbox": {
              t += this.renderer.checkbox(s);
              break;
            }
            case "html": {
              t += this.renderer.html(s);
              break;
            }
            case "def": {
              t += this.renderer.def(s);
              break;
            }
            case "paragraph": {
              t += this.renderer.paragraph(s);
              break;
            }
            case "text": {
              t += this.renderer.text(s);
              break;
            }
            default: {
              let o = 'Token with "' + s.type + '" type was not found.';
              if (this.options.silent) return console.error(o), "";
              throw new Error(o);
            }
          }
        }
        return t;
      }
      parseInline(e, t = this.renderer) {
        this.renderer.parser = this;
        let n = "";
        for (let r = 0; r < e.length; r++) {
          let s = e[r];
          if (this.options.extensions?.renderers?.[s.type]) {
            let i = this.options.extensions.renderers[s.type].call({ parser: this }, s);
            if (i !== false || !["escape", "html", "link", "image", "checkbox", "strong", "em", "codespan", "br", "del", "text"].includes(s.type)) {
              n += i === false ? "" : i ?? "";
              continue;
            }
          }
          let o = s;
          switch (o.type) {
            case "escape": {
              n += t.text(o);
              break;
            }
            case "html": {
              n += t.html(o);
              break;
            }
            case "link": {
              n += t.link(o);
              break;
            }
            case "image": {
              n += t.image(o);
              break;
            }
            case "checkbox": {
              n += t.checkbox(o);
              break;
            }
            case "strong": {
              n += t.strong(o);
              break;
            }
            case "em": {
              n += t.em(o);
              break;
            }
            case "codespan": {
              n += t.codespan(o);
              break;
            }
            case "br": {
              n += t.br(o);
              break;
            }
            case "del": {
              n += t.del(o);
              break;
            }
            case "text": {
              n += t.text(o);
              break;
            }
            default: {
              let i = 'Token with "' + o.type + '" type was not found.';
              if (this.options.silent) return console.error(i), "";
              throw new Error(i);
            }
          }
        }
        return n;
      }
    };
    A = class {
      options;
      block;
      constructor(e) {
        this.options = e || S;
      }
      static passThroughHooks = /* @__PURE__ */ new Set(["preprocess", "postprocess", "processAllTokens", "emStrongMask"]);
      static passThroughHooksRespectAsync = /* @__PURE__ */ new Set(["preprocess", "postprocess", "processAllTokens"]);
      preprocess(e) {
        return e;
      }
      postprocess(e) {
        return e;
      }
      processAllTokens(e) {
        return e;
      }
      emStrongMask(e) {
        return e;
      }
      provideLexer(e = this.block) {
        return e ? w.lex : w.lexInline;
      }
      provideParser(e = this.block) {
        return e ? P.parse : P.parseInline;
      }
    };
    ne = class {
      defaults = G();
      options = this.setOptions;
      parse = this.parseMarkdown(true);
      parseInline = this.parseMarkdown(false);
      Parser = P;
      Renderer = I;
      TextRenderer = z;
      Lexer = w;
      Tokenizer = _;
      Hooks = A;
      constructor(...e) {
        this.use(...e);
      }
      walkTokens(e, t) {
        let n = [];
        for (let r of e) switch (M(n, t.call(this, r)), r.type) {
          case "table": {
            let s = r;
            for (let o of s.header) M(n, this.walkTokens(o.tokens, t));
            for (let o of s.rows) for (let i of o) M(n, this.walkTokens(i.tokens, t));
            break;
          }
          case "list": {
            let s = r;
            M(n, this.walkTokens(s.items, t));
            break;
          }
          default: {
            let s = r;
            this.defaults.extensions?.childTokens?.[s.type] ? this.defaults.extensions.childTokens[s.type].forEach((o) => {
              let i = s[o].flat(1 / 0);
              M(n, this.walkTokens(i, t));
            }) : s.tokens && M(n, this.walkTokens(s.tokens, t));
          }
        }
        return n;
      }
      use(...e) {
        let t = this.defaults.extensions || { renderers: /* @__PURE__ */ Object.create(null), childTokens: /* @__PURE__ */ Object.create(null) };
        return e.forEach((n) => {
          let r = { ...n };
          if (r.async = this.defaults.async || r.async || false, n.extensions && (n.extensions.forEach((s) => {
            if (!s.name) throw new Error("extension name required");
            if ("renderer" in s) {
              let o = t.renderers[s.name];
              o ? t.renderers[s.name] = function(...i) {
                let a = s.renderer.apply(this, i);
                return a === false && (a = o.apply(this, i)), a;
              } : t.renderers[s.name] = s.renderer;
            }
            if ("tokenizer" in s) {
              if (!s.level || s.level !== "block" && s.level !== "inline") throw new Error("extension level must be 'block' or 'inline'");
              let o = t[s.level];
              o ? o.unshift(s.tokenizer) : t[s.level] = [s.tokenizer], s.start && (s.level === "block" ? t.startBlock ? t.startBlock.push(s.start) : t.startBlock = [s.start] : s.level === "inline" && (t.startInline ? t.startInline.push(s.start) : t.startInline = [s.start]));
            }
            "childTokens" in s && s.childTokens && (t.childTokens[s.name] = s.childTokens);
          }), r.extensions = t), n.renderer) {
            let s = this.defaults.renderer || new I(this.defaults);
            for (let o in n.renderer) {
              if (!(o in s)) throw new Error(`renderer '${o}' does not exist`);
              if (["options", "parser"].includes(o)) continue;
              let i = o, a = n.renderer[i], c = s[i];
              s[i] = (...u) => {
                let d = a.apply(s, u);
                return d === false && (d = c.apply(s, u)), d === false ? "" : d ?? "";
              };
            }
            r.renderer = s;
          }
          if (n.tokenizer) {
            let s = this.defaults.tokenizer || new _(this.defaults);
            for (let o in n.tokenizer) {
              if (!(o in s)) throw new Error(`tokenizer '${o}' does not exist`);
              if (["options", "rules", "lexer"].includes(o)) continue;
              let i = o, a = n.tokenizer[i], c = s[i];
              s[i] = (...u) => {
                let d = a.apply(s, u);
                return d === false && (d = c.apply(s, u)), d;
              };
            }
            r.tokenizer = s;
          }
          if (n.hooks) {
            let s = this.defaults.hooks || new A();
            for (let o in n.hooks) {
              if (!(o in s)) throw new Error(`hook '${o}' does not exist`);
              if (["options", "block"].includes(o)) continue;
              let i = o, a = n.hooks[i], c = s[i];
              A.passThroughHooks.has(o) ? s[i] = (u) => {
                if (s.options.async && A.passThroughHooksRespectAsync.has(o)) return (async () => {
                  let h2 = await a.call(s, u);
                  return c.call(s, h2);
                })();
                let d = a.call(s, u);
                return c.call(s, d);
              } : s[i] = (...u) => {
                if (s.options.async) return (async () => {
                  let h2 = await a.apply(s, u);
                  return h2 === false && (h2 = await c.apply(s, u)), h2;
                })();
                let d = a.apply(s, u);
                return d === false && (d = c.apply(s, u)), d;
              };
            }
            r.hooks = s;
          }
          if (n.walkTokens) {
            let s = this.defaults.walkTokens, o = n.walkTokens;
            r.walkTokens = function(i) {
              let a = [];
              return M(a, o.call(this, i)), s && M(a, s.call(this, i)), a;
            };
          }
          this.defaults = { ...this.defaults, ...r };
        }), this;
      }
      setOptions(e) {
        return this.defaults = { ...this.defaults, ...e }, this;
      }
      lexer(e, t) {
        return w.lex(e, t ?? this.defaults);
      }
      parser(e, t) {
        return P.parse(e, t ?? this.defaults);
      }
      parseMarkdown(e) {
        return (n, r) => {
          let s = { ...r }, o = { ...this.defaults, ...s }, i = this.onError(!!o.silent, !!o.async);
          if (this.defaults.async === true && s.async === false) return i(new Error("marked(): The async option was set to true by an extension. Remove async: false from the parse options object to return a Promise."));
          if (typeof n > "u" || n === null) return i(new Error("marked(): input parameter is undefined or null"));
          if (typeof n != "string") return i(new Error("marked(): input parameter is of type " + Object.prototype.toString.call(n) + ", string expected"));
          if (o.hooks && (o.hooks.options = o, o.hooks.block = e), o.async) return (async () => {
            let a = o.hooks ? await o.hooks.preprocess(n) : n, u = await (o.hooks ? await o.hooks.provideLexer(e) : e ? w.lex : w.lexInline)(a, o), d = o.hooks ? await o.hooks.processAllTokens(u) : u;
            o.walkTokens && await Promise.all(this.walkTokens(d, o.walkTokens));
            let p = await (o.hooks ? await o.hooks.provideParser(e) : e ? P.parse : P.parseInline)(d, o);
            return o.hooks ? await o.hooks.postprocess(p) : p;
          })().catch(i);
          try {
            o.hooks && (n = o.hooks.preprocess(n));
            let c = (o.hooks ? o.hooks.provideLexer(e) : e ? w.lex : w.lexInline)(n, o);
            o.hooks && (c = o.hooks.processAllTokens(c)), o.walkTokens && this.walkTokens(c, o.walkTokens);
            let d = (o.hooks ? o.hooks.provideParser(e) : e ? P.parse : P.parseInline)(c, o);
            return o.hooks && (d = o.hooks.postprocess(d)), d;
          } catch (a) {
            return i(a);
          }
        };
      }
      onError(e, t) {
        return (n) => {
          if (n.message += `
Please report this to https://github.com/markedjs/marked.`, e) {
            let r = "<p>An error occurred:</p><pre>" + y(n.message + "", true) + "</pre>";
            return t ? Promise.resolve(r) : r;
          }
          if (t) return Promise.reject(n);
          throw n;
        };
      }
    };
    v = new ne();
    x.options = x.setOptions = function(l3) {
      return v.setOptions(l3), x.defaults = v.defaults, ue(x.defaults), x;
    };
    x.getDefaults = G;
    x.defaults = S;
    x.use = jt;
    x.walkTokens = function(l3, e) {
      return v.walkTokens(l3, e);
    };
    x.parseInline = v.parseInline;
    x.Parser = P;
    x.parser = P.parse;
    x.Renderer = I;
    x.TextRenderer = z;
    x.Lexer = w;
    x.lexer = w.lex;
    x.Tokenizer = _;
    x.Hooks = A;
    x.parse = x;
    En = x.options;
    zn = x.setOptions;
    Mn = x.walkTokens;
    Bn = x.parseInline;
    qn = P.parse;
    vn = w.lex;
  }
});

// src/core/format/markdown-html.ts
function createMarkdownHtml(opts) {
  let md;
  return (text) => (md ??= new ne({ gfm: true, breaks: false, async: false, renderer: renderer(opts) })).parse(
    text
  );
}
function renderer(opts) {
  const code2 = (token) => opts.code(token.text, token.lang);
  if (opts.surface === "page") {
    const esc = escapeHtmlAndBackticks;
    return {
      html: (token) => esc(token.text),
      link(token) {
        const text = this.parser.parseInline(token.tokens);
        const title = token.title ? ` title="${esc(token.title)}"` : "";
        return `<a href="${esc(safeHref(token.href))}"${title} rel="nofollow noopener noreferrer">${text}</a>`;
      },
      image: (token) => `<a href="${esc(safeHref(token.href))}" rel="nofollow noopener noreferrer">[image: ${esc(token.text || "untitled")}]</a>`,
      code: code2
    };
  }
  return {
    html(token) {
      const text = escapeHtml(token.text);
      return "block" in token && token.block ? `<p class="raw">${text}</p>` : text;
    },
    link(token) {
      const label = this.parser.parseInline(token.tokens);
      return token.text === token.href ? `<span class="url">${label}</span>` : `${label} <span class="url">(${escapeHtml(token.href)})</span>`;
    },
    image: (token) => `<span class="url">[image${token.text ? `: ${escapeHtml(token.text)}` : ""}] (${escapeHtml(token.href)})</span>`,
    code: code2
  };
}
var init_markdown_html = __esm({
  "src/core/format/markdown-html.ts"() {
    "use strict";
    init_marked_esm();
    init_html();
  }
});

// src/core/render/languages.ts
function ownValue(table, key) {
  return Object.hasOwn(table, key) ? table[key] : void 0;
}
function languageForPath(path) {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m ? ownValue(EXT_LANG, m[1].toLowerCase()) : void 0;
}
function languageForExtension(ext) {
  return ownValue(EXT_LANG, ext.toLowerCase());
}
var EXT_LANG;
var init_languages = __esm({
  "src/core/render/languages.ts"() {
    "use strict";
    EXT_LANG = {
      sh: "bash",
      bash: "bash",
      zsh: "bash",
      c: "c",
      h: "c",
      cc: "cpp",
      cpp: "cpp",
      hpp: "cpp",
      cxx: "cpp",
      css: "css",
      diff: "diff",
      patch: "diff",
      go: "go",
      java: "java",
      js: "javascript",
      mjs: "javascript",
      cjs: "javascript",
      jsx: "javascript",
      json: "json",
      jsonl: "json",
      md: "markdown",
      py: "python",
      rs: "rust",
      sql: "sql",
      ts: "typescript",
      tsx: "typescript",
      mts: "typescript",
      cts: "typescript",
      html: "xml",
      htm: "xml",
      xml: "xml",
      svg: "xml",
      vue: "xml",
      yml: "yaml",
      yaml: "yaml"
    };
  }
});

// src/core/export/html-content.ts
function knownLanguage(lang) {
  if (!lang) return void 0;
  const l3 = lang.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  if (!l3) return void 0;
  return ownValue(HIGHLIGHT_LANGUAGES, l3) ?? languageForExtension(l3);
}
function resultLanguage(content, filePath2) {
  if (filePath2) return languageForPath(filePath2);
  const t = content.trim();
  if (t.length <= MAX_HIGHLIGHT_CHARS && /^[[{]/.test(t) && /[\]}]$/.test(t)) {
    try {
      JSON.parse(t);
      return "json";
    } catch {
      return void 0;
    }
  }
  return void 0;
}
function plainParagraphs(text) {
  if (NOT_PLAIN.test(text)) return void 0;
  let out = "";
  for (const para of text.split(/\n{2,}/)) {
    const p = para.replace(/^\n+|\n+$/g, "");
    if (p !== "") out += `<p>${escapeHtml(p)}</p>
`;
  }
  return out;
}
function fencedParagraphs(text, codeBlock) {
  if (CONTROL.test(text)) return void 0;
  const lines = text.split("\n");
  let out = "";
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const open2 = FENCE_OPEN.exec(lines[i]);
    if (!open2) continue;
    let close = i + 1;
    while (close < lines.length && lines[close] !== "```") {
      if (CLOSER_LIKE.test(lines[close])) return void 0;
      close++;
    }
    if (close === lines.length || close === i + 1 || lines[close - 1] === "") return void 0;
    const prose2 = plainParagraphs(lines.slice(start, i).join("\n"));
    if (prose2 === void 0) return void 0;
    out += prose2 + codeBlock(lines.slice(i + 1, close).join("\n"), open2[1] || void 0);
    start = close + 1;
    i = close;
  }
  const prose = plainParagraphs(lines.slice(start).join("\n"));
  return prose === void 0 ? void 0 : out + prose;
}
function createHtmlContent(opts = {}) {
  const codeOpen = (code2, lang) => {
    const known = code2.length <= MAX_HIGHLIGHT_CHARS ? knownLanguage(lang) : void 0;
    return known ? `<pre><code class="language-${known}">` : "<pre><code>";
  };
  const codeBlock = (code2, lang) => `${codeOpen(code2, lang)}${escapeText(code2)}${CODE_CLOSE}`;
  const slow = createMarkdownHtml({ surface: "document", code: codeBlock });
  const markdownHtml = opts.fastPaths === false ? slow : (text) => {
    const fast = text.includes("```") ? fencedParagraphs(text, codeBlock) : plainParagraphs(text);
    return fast ?? slow(text);
  };
  return { codeOpen, codeBlock, markdownHtml };
}
var MAX_HIGHLIGHT_CHARS, NOT_PLAIN, CONTROL, FENCE_OPEN, CLOSER_LIKE, CODE_CLOSE;
var init_html_content = __esm({
  "src/core/export/html-content.ts"() {
    "use strict";
    init_html();
    init_markdown_html();
    init_languages();
    init_highlighter();
    MAX_HIGHLIGHT_CHARS = 1e5;
    NOT_PLAIN = /[`*_~[\]<>&|\\!#@\t\r\0-\x08\x0b\x0c\x0e-\x1f]|:\/\/|www\.|^[ \d=+:-]| {2}\n/im;
    CONTROL = /[\x00-\x09\x0b-\x1f]/;
    FENCE_OPEN = /^```([A-Za-z0-9_+#.-]*)$/;
    CLOSER_LIKE = /^ {0,3}`{3,}[ \t]*$/;
    CODE_CLOSE = "</code></pre>";
  }
});

// src/core/format/cost.ts
function formatCost(usd, style) {
  if (usd === null || usd === void 0 || !Number.isFinite(usd))
    return style === "precise" ? "unknown" : "n/a";
  return costAmount(usd);
}
function costAmount(usd) {
  const sign = usd < 0 ? "-" : "";
  const abs = Math.abs(usd);
  const small = Number(abs.toPrecision(2));
  if (abs === 0 || small >= 0.01) return `${sign}$${abs.toFixed(2)}`;
  const plain = small.toFixed(Math.min(20, 1 - Math.floor(Math.log10(small)))).replace(/0+$/, "");
  return `${sign}$${plain}`;
}
var init_cost = __esm({
  "src/core/format/cost.ts"() {
    "use strict";
  }
});

// src/core/format/count.ts
function formatInt(n) {
  const r = Math.round(n);
  if (!Number.isSafeInteger(r)) return String(r);
  const digits = String(Math.abs(r));
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) {
    out = end - 3 > 0 ? `,${digits.slice(end - 3, end)}${out}` : `${digits.slice(0, end)}${out}`;
  }
  return r < 0 ? `-${out}` : out;
}
var init_count = __esm({
  "src/core/format/count.ts"() {
    "use strict";
  }
});

// src/core/format/duration.ts
function formatDuration(ms, style) {
  switch (style) {
    case "precise":
      return precise(ms ?? 0);
    case "compact":
      return compact(ms);
    case "minutes":
      return minutes(ms ?? 0);
    case "terse":
      return terse(ms ?? 0);
    case "hours":
      return hours(ms ?? 0);
  }
}
function precise(ms) {
  if (ms < 1e3) return `${Math.round(ms)} ms`;
  let s = Math.round(ms / 1e3);
  const h2 = Math.floor(s / 3600);
  s -= h2 * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (h2) return `${h2}h ${m}m ${s}s`;
  if (m) return `${m}m ${s}s`;
  return `${s}s`;
}
function compact(ms) {
  if (!ms || ms < 0) return "0s";
  const s = Math.round(ms / 1e3);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}
function minutes(ms) {
  if (!Number.isFinite(ms) || ms <= 0) return "0m";
  const totalMin = Math.round(ms / 6e4);
  if (totalMin < 1) return `${Math.max(1, Math.round(ms / 1e3))}s`;
  const h2 = Math.floor(totalMin / 60);
  const m = totalMin % 60;
  return h2 === 0 ? `${m}m` : `${h2}h ${String(m).padStart(2, "0")}m`;
}
function terse(ms) {
  if (!Number.isFinite(ms) || ms <= 0) return "-";
  const s = Math.round(ms / 1e3);
  if (s < 60) return `${s}s`;
  const m = Math.round(s / 60);
  return m < 60 ? `${m}m` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}`;
}
function hours(ms) {
  if (ms < 6e4) return `${Math.round(ms / 1e3)}s`;
  if (ms < 36e5) return `${Math.round(ms / 6e4)}m`;
  return `${(ms / 36e5).toFixed(1)}h`;
}
var init_duration = __esm({
  "src/core/format/duration.ts"() {
    "use strict";
  }
});

// src/core/export/summary-rows.ts
function formatCost2(usd) {
  return formatCost(usd, "precise");
}
function formatDuration2(ms) {
  return formatDuration(ms, "precise");
}
function toolRows(totals) {
  return Object.entries(totals.tools).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
function redactionLine(r) {
  if (r.total === 0) return "no secrets found";
  const rules = Object.entries(r.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule2, n]) => `${rule2}: ${n}`).join(", ");
  return `${r.total} secret(s) replaced with [REDACTED:<rule>]${rules ? ` (${rules})` : ""}`;
}
function countList(m) {
  const entries = Object.entries(m ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    total: entries.reduce((n, [, c]) => n + c, 0),
    list: entries.map(([k, c]) => `${k}: ${c}`).join(", ")
  };
}
function subagentUsageRows(t) {
  return (t.subagents ?? []).map((a) => {
    const tokens = a.tokens.input + a.tokens.output + a.tokens.cacheRead + a.tokens.cacheWrite;
    const call = a.toolUseId ? `call ${a.toolUseId} (agent ${a.agentId})` : `agent ${a.agentId} (spawning call unknown)`;
    return [call, `${formatInt(tokens)} tokens · ${formatCost2(a.costUsd)}`];
  });
}
function skipRows(stats) {
  if (stats === void 0) return [];
  const rows = [];
  const lines = (n) => `${formatInt(n)} line${n === 1 ? "" : "s"}`;
  if (stats.malformedLines) rows.push(["Malformed (not JSON)", lines(stats.malformedLines)]);
  if (stats.invalidUtf8Lines) rows.push(["Invalid UTF-8", lines(stats.invalidUtf8Lines)]);
  if (stats.hugeLines) rows.push(["Too large", lines(stats.hugeLines)]);
  const unknown = countList(stats.unknownTypes);
  if (unknown.total) rows.push(["Unknown record types", `${formatInt(unknown.total)} (${unknown.list})`]);
  if (stats.truncatedTail)
    rows.push(["Truncated tail", "the last line was incomplete (still being written?)"]);
  const skipped = countList(stats.skippedTypes);
  if (skipped.total) rows.push(["Not shown (bookkeeping)", `${formatInt(skipped.total)} (${skipped.list})`]);
  if (stats.duplicateRecords)
    rows.push(["Repeated records (resume/fork copies)", formatInt(stats.duplicateRecords)]);
  return rows;
}
function metaFields(meta, withTitle) {
  const rows = [
    ["Title", withTitle ? meta.title : void 0],
    ["Session", meta.id],
    ["Project", meta.project],
    ["Directory", meta.cwd],
    ["Branch", meta.gitBranch],
    ["Models", meta.models.join(", ") || void 0],
    ["Started", meta.startedAt],
    ["Ended", meta.endedAt],
    ["Claude Code", meta.claudeVersion],
    ["Forked from", meta.parentSessionId]
  ];
  return rows.filter((r) => r[1] !== void 0 && r[1] !== "").map(([k, v2]) => [k, v2.replace(/\s+/g, " ")]);
}
var MAX_LISTED_FILES;
var init_summary_rows = __esm({
  "src/core/export/summary-rows.ts"() {
    "use strict";
    init_cost();
    init_count();
    init_duration();
    MAX_LISTED_FILES = 200;
  }
});

// src/core/render/event-text.ts
function toolSummary(name, input, max = 80) {
  const obj = input !== null && typeof input === "object" ? input : void 0;
  const str4 = (k) => typeof obj?.[k] === "string" ? obj[k] : void 0;
  let s;
  switch (name) {
    case "Bash":
      s = str4("description") && !str4("command") ? str4("description") : str4("command");
      break;
    case "Read":
    case "Write":
    case "Edit":
    case "MultiEdit":
    case "NotebookEdit":
      s = str4("file_path") ?? str4("notebook_path");
      break;
    case "Glob":
    case "Grep":
      s = str4("pattern") && str4("path") ? `${str4("pattern")} in ${str4("path")}` : str4("pattern");
      break;
    case "WebFetch":
      s = str4("url");
      break;
    case "WebSearch":
      s = str4("query");
      break;
    case "Task":
    case "Agent":
      s = str4("description") ?? str4("subagent_type");
      break;
    case "TodoWrite":
      s = Array.isArray(obj?.todos) ? `${obj.todos.length} todo(s)` : void 0;
      break;
  }
  if (s === void 0 && obj) {
    for (const v2 of Object.values(obj)) {
      if (typeof v2 === "string" && v2.trim()) {
        s = v2;
        break;
      }
    }
  }
  if (s === void 0 && obj && !Array.isArray(obj)) {
    const pairs = Object.entries(obj).filter(([, v2]) => typeof v2 === "number" || typeof v2 === "boolean");
    if (pairs.length) s = pairs.map(([k, v2]) => `${k}=${String(v2)}`).join(", ");
  }
  if (s === void 0 && typeof input === "string") s = input;
  return oneLine(s ?? "", max);
}
function oneLine(s, max) {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${cutAt(flat, max - 1)}…` : flat;
}
function cutAt(s, n) {
  if (n <= 0) return "";
  if (n >= s.length) return s;
  const code2 = s.charCodeAt(n - 1);
  return s.slice(0, code2 >= 55296 && code2 <= 56319 ? n - 1 : n);
}
function clipToolResult(content, max) {
  if (max === void 0 || content.length <= max) return content;
  const kept = cutAt(content, Math.max(0, max));
  return `${kept}
… [${content.length - kept.length} more characters not exported]`;
}
function stringifyInput(input) {
  if (input === void 0) return "null";
  try {
    return JSON.stringify(input, null, 2) ?? "null";
  } catch {
    return String(input);
  }
}
function commandLine(e) {
  if (!e.command) return void 0;
  const name = e.command.name.startsWith("/") ? e.command.name : `/${e.command.name}`;
  return e.command.args ? `${name} ${e.command.args}` : name;
}
function promptBody(e) {
  const cmd = commandLine(e);
  if (cmd === void 0) return e.text;
  const t = e.text.trim();
  if (t === "" || t === cmd || t.includes("<command-name>")) return "";
  return e.text;
}
function isAgentCall(name) {
  return name === "Agent" || name === "Task";
}
function systemLabel(subtype) {
  return Object.hasOwn(SYSTEM_LABELS, subtype) ? SYSTEM_LABELS[subtype] : subtype;
}
var ToolIndex, SYSTEM_LABELS;
var init_event_text = __esm({
  "src/core/render/event-text.ts"() {
    "use strict";
    ToolIndex = class {
      constructor(max = 2048) {
        this.max = max;
      }
      max;
      map = /* @__PURE__ */ new Map();
      set(id, v2) {
        this.map.delete(id);
        this.map.set(id, v2);
        if (this.map.size > this.max) {
          const oldest = this.map.keys().next().value;
          if (oldest !== void 0) this.map.delete(oldest);
        }
      }
      get(id) {
        return this.map.get(id);
      }
    };
    SYSTEM_LABELS = { live_note: "Note", live_status: "Status" };
  }
});

// node_modules/diff/libesm/diff/base.js
var Diff;
var init_base = __esm({
  "node_modules/diff/libesm/diff/base.js"() {
    Diff = class {
      diff(oldStr, newStr, options = {}) {
        let callback;
        if (typeof options === "function") {
          callback = options;
          options = {};
        } else if ("callback" in options) {
          callback = options.callback;
        }
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
      }
      diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
          value = this.postProcess(value, options);
          if (callback) {
            setTimeout(function() {
              callback(value);
            }, 0);
            return void 0;
          } else {
            return value;
          }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
          maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        const execEditLength = () => {
          for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
            let basePath;
            const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
            if (removePath) {
              bestPath[diagonalPath - 1] = void 0;
            }
            let canAdd = false;
            if (addPath) {
              const addPathNewPos = addPath.oldPos - diagonalPath;
              canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
            }
            const canRemove = removePath && removePath.oldPos + 1 < oldLen;
            if (!canAdd && !canRemove) {
              bestPath[diagonalPath] = void 0;
              continue;
            }
            if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
              basePath = this.addToPath(addPath, true, false, 0, options);
            } else {
              basePath = this.addToPath(removePath, false, true, 1, options);
            }
            newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
            if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
              return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
            } else {
              bestPath[diagonalPath] = basePath;
              if (basePath.oldPos + 1 >= oldLen) {
                maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
              }
              if (newPos + 1 >= newLen) {
                minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
              }
            }
          }
          editLength++;
        };
        if (callback) {
          (function exec() {
            setTimeout(function() {
              if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                return callback(void 0);
              }
              if (!execEditLength()) {
                exec();
              }
            }, 0);
          })();
        } else {
          while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
            const ret = execEditLength();
            if (ret) {
              return ret;
            }
          }
        }
      }
      addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
          return {
            oldPos: path.oldPos + oldPosInc,
            lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
          };
        } else {
          return {
            oldPos: path.oldPos + oldPosInc,
            lastComponent: { count: 1, added, removed, previousComponent: last }
          };
        }
      }
      extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
          newPos++;
          oldPos++;
          commonCount++;
          if (options.oneChangePerToken) {
            basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
          }
        }
        if (commonCount && !options.oneChangePerToken) {
          basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
      }
      equals(left, right, options) {
        if (options.comparator) {
          return options.comparator(left, right);
        } else {
          return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
        }
      }
      removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
          if (array[i]) {
            ret.push(array[i]);
          }
        }
        return ret;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      castInput(value, options) {
        return value;
      }
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      tokenize(value, options) {
        return Array.from(value);
      }
      join(chars) {
        return chars.join("");
      }
      postProcess(changeObjects, options) {
        return changeObjects;
      }
      get useLongestToken() {
        return false;
      }
      buildValues(lastComponent, newTokens, oldTokens) {
        const components = [];
        let nextComponent;
        while (lastComponent) {
          components.push(lastComponent);
          nextComponent = lastComponent.previousComponent;
          delete lastComponent.previousComponent;
          lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
          const component = components[componentPos];
          if (!component.removed) {
            if (!component.added && this.useLongestToken) {
              let value = newTokens.slice(newPos, newPos + component.count);
              value = value.map(function(value2, i) {
                const oldValue = oldTokens[oldPos + i];
                return oldValue.length > value2.length ? oldValue : value2;
              });
              component.value = this.join(value);
            } else {
              component.value = this.join(newTokens.slice(newPos, newPos + component.count));
            }
            newPos += component.count;
            if (!component.added) {
              oldPos += component.count;
            }
          } else {
            component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
            oldPos += component.count;
          }
        }
        return components;
      }
    };
  }
});

// node_modules/diff/libesm/diff/line.js
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}
var LineDiff, lineDiff;
var init_line = __esm({
  "node_modules/diff/libesm/diff/line.js"() {
    init_base();
    LineDiff = class extends Diff {
      constructor() {
        super(...arguments);
        this.tokenize = tokenize;
      }
      equals(left, right, options) {
        if (options.ignoreWhitespace) {
          if (!options.newlineIsToken || !left.includes("\n")) {
            left = left.trim();
          }
          if (!options.newlineIsToken || !right.includes("\n")) {
            right = right.trim();
          }
        } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
          if (left.endsWith("\n")) {
            left = left.slice(0, -1);
          }
          if (right.endsWith("\n")) {
            right = right.slice(0, -1);
          }
        }
        return super.equals(left, right, options);
      }
    };
    lineDiff = new LineDiff();
  }
});

// node_modules/diff/libesm/patch/create.js
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}
var init_create = __esm({
  "node_modules/diff/libesm/patch/create.js"() {
    init_line();
  }
});

// node_modules/diff/libesm/index.js
var init_libesm = __esm({
  "node_modules/diff/libesm/index.js"() {
    init_create();
  }
});

// src/core/render/file-edits.ts
function cut(text) {
  return text.length > MAX_LINE_CHARS ? `${text.slice(0, MAX_LINE_CHARS)}…` : text;
}
function splitLines2(s) {
  if (s === "") return [];
  const lines = s.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
function* numbered(kind, lines, absolute) {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i];
    if (!absolute) yield { kind, text };
    else yield kind === "add" ? { kind, text, newNo: i + 1 } : { kind, text, oldNo: i + 1 };
  }
}
function wholeSides(sink, oldText, newText, absolute) {
  const oldLines = splitLines2(oldText);
  const newLines = splitLines2(newText);
  sink.push(
    { oldStart: oldLines.length ? 1 : 0, oldLines: oldLines.length, newStart: 1, newLines: newLines.length },
    [...numbered("del", oldLines, absolute), ...numbered("add", newLines, absolute)]
  );
}
function* parsed(lines, h2, absolute) {
  let o = h2.oldStart;
  let n = h2.newStart;
  for (const raw of lines) {
    const m = raw[0];
    const text = raw.slice(1);
    if (m === "\\") yield { kind: "note", text: "No newline at end of file" };
    else if (m === "+") yield absolute ? { kind: "add", text, newNo: n++ } : { kind: "add", text };
    else if (m === "-") yield absolute ? { kind: "del", text, oldNo: o++ } : { kind: "del", text };
    else yield absolute ? { kind: "ctx", text, oldNo: o++, newNo: n++ } : { kind: "ctx", text };
  }
}
function diffInto(sink, oldText, newText, absolute) {
  const bare = !/\n$/.test(oldText) && !/\n$/.test(newText);
  const a = bare && oldText !== "" ? `${oldText}
` : oldText;
  const b = bare && newText !== "" ? `${newText}
` : newText;
  const patch = a.length + b.length <= MAX_DIFF_CHARS ? structuredPatch("a", "b", a, b, void 0, void 0, {
    context: CONTEXT,
    stripTrailingCr: true,
    maxEditLength: MAX_EDIT_LENGTH
  }) : void 0;
  if (!patch) return wholeSides(sink, oldText, newText, absolute);
  for (const h2 of patch.hunks) sink.push(h2, parsed(h2.lines, h2, absolute));
}
function finish2(sink, base) {
  const edit = {
    path: base.path,
    kind: base.kind,
    hunks: sink.hunks,
    added: sink.added,
    removed: sink.removed,
    omitted: sink.omitted,
    absoluteLines: base.absoluteLines
  };
  if (base.lang !== void 0) edit.lang = base.lang;
  if (base.note !== void 0) edit.note = base.note;
  return edit;
}
function fileEditOf(call) {
  if (!FILE_EDIT_TOOLS.has(call.name)) return null;
  const input = call.input;
  if (input === null || typeof input !== "object" || Array.isArray(input)) return null;
  const o = input;
  const path = str3(o, "file_path") ?? str3(o, "notebook_path");
  if (path === void 0) return null;
  const lang = languageForPath(path);
  const sink = new HunkSink();
  switch (call.name) {
    case "Edit": {
      diffInto(sink, str3(o, "old_string") ?? "", str3(o, "new_string") ?? "", false);
      const note = o.replace_all === true ? "Every occurrence replaced." : void 0;
      return finish2(sink, { path, kind: "edit", lang, absoluteLines: false, note });
    }
    case "MultiEdit": {
      const edits = Array.isArray(o.edits) ? o.edits : [];
      for (const e of edits) {
        if (e === null || typeof e !== "object") continue;
        const r = e;
        diffInto(sink, str3(r, "old_string") ?? "", str3(r, "new_string") ?? "", false);
      }
      return finish2(sink, { path, kind: "edit", lang, absoluteLines: false });
    }
    case "Write":
      wholeSides(sink, "", str3(o, "content") ?? "", true);
      return finish2(sink, { path, kind: "write", lang, absoluteLines: true, note: "Whole file written." });
    default:
      return notebookEdit(sink, o, path);
  }
}
function notebookEdit(sink, o, path) {
  const mode = str3(o, "edit_mode") ?? "replace";
  const lang = str3(o, "cell_type") === "markdown" ? "markdown" : "python";
  const cell = str3(o, "cell_id");
  if (mode === "delete")
    return finish2(sink, { path, kind: "notebook", lang, absoluteLines: false, note: "Cell deleted." });
  wholeSides(sink, "", str3(o, "new_source") ?? "", true);
  const what = mode === "insert" ? "New cell" : "Cell replaced";
  return finish2(sink, {
    path,
    kind: "notebook",
    lang,
    absoluteLines: true,
    note: cell === void 0 ? `${what}.` : `${what} (cell ${oneWord(cell)}).`
  });
}
function oneWord(s) {
  const w2 = s.replace(/\s+/g, " ").trim();
  return w2.length > 40 ? `${w2.slice(0, 40)}…` : w2;
}
var MAX_EDIT_LINES, MAX_LINE_CHARS, MAX_DIFF_CHARS, MAX_EDIT_LENGTH, CONTEXT, str3, HunkSink, FILE_EDIT_TOOLS;
var init_file_edits = __esm({
  "src/core/render/file-edits.ts"() {
    "use strict";
    init_libesm();
    init_languages();
    MAX_EDIT_LINES = 2e3;
    MAX_LINE_CHARS = 2e3;
    MAX_DIFF_CHARS = 4e5;
    MAX_EDIT_LENGTH = 4e3;
    CONTEXT = 3;
    str3 = (o, k) => typeof o[k] === "string" ? o[k] : void 0;
    HunkSink = class {
      hunks = [];
      added = 0;
      removed = 0;
      omitted = 0;
      kept = 0;
      push(h2, lines) {
        const hunk = { ...h2, lines: [] };
        for (const l3 of lines) {
          if (l3.kind === "add") this.added++;
          else if (l3.kind === "del") this.removed++;
          if (this.kept >= MAX_EDIT_LINES) this.omitted++;
          else {
            hunk.lines.push(l3.text.length > MAX_LINE_CHARS ? { ...l3, text: cut(l3.text) } : l3);
            this.kept++;
          }
        }
        if (hunk.lines.length) this.hunks.push(hunk);
      }
    };
    FILE_EDIT_TOOLS = /* @__PURE__ */ new Set(["Edit", "MultiEdit", "Write", "NotebookEdit"]);
  }
});

// src/core/render/event-view.ts
function createEventViewer(opts = {}) {
  const summaryChars = opts.summaryChars ?? 120;
  const tools = new ToolIndex();
  const agentCalls = new ToolIndex(512);
  const view = (e, sidechain = false) => {
    const { uuid, timestamp, agentId } = e;
    switch (e.kind) {
      case "prompt":
        return {
          uuid,
          timestamp,
          agentId,
          kind: "prompt",
          sidechain,
          command: commandLine(e),
          body: promptBody(e)
        };
      case "text":
        return { uuid, timestamp, agentId, kind: "text", text: e.text, model: e.model || void 0 };
      case "thinking":
        return { uuid, timestamp, agentId, kind: "thinking", text: e.text };
      case "tool_call": {
        const input = e.input;
        const filePath2 = e.name === "Read" && typeof input?.file_path === "string" ? input.file_path : void 0;
        tools.set(e.toolUseId, { name: e.name, filePath: filePath2 });
        const summary = toolSummary(e.name, e.input, summaryChars);
        if (isAgentCall(e.name) && agentId === void 0)
          agentCalls.set(e.toolUseId, {
            name: e.name,
            summary,
            label: summary ? `${e.name}: ${summary}` : e.name
          });
        return {
          uuid,
          timestamp,
          agentId,
          kind: "tool_call",
          name: e.name,
          summary,
          input: stringifyInput(e.input),
          edit: fileEditOf(e) ?? void 0
        };
      }
      case "tool_result": {
        const tool = tools.get(e.toolUseId);
        return {
          uuid,
          timestamp,
          agentId,
          kind: "tool_result",
          toolName: tool?.name ?? "tool",
          filePath: tool?.filePath,
          isError: e.isError,
          content: clipToolResult(e.content, opts.maxToolResultChars),
          length: e.content.length
        };
      }
      case "system":
        return {
          uuid,
          timestamp,
          agentId,
          kind: "system",
          subtype: e.subtype,
          label: systemLabel(e.subtype),
          text: e.text
        };
    }
  };
  return { view, spawningCall: (id) => agentCalls.get(id) };
}
var init_event_view = __esm({
  "src/core/render/event-view.ts"() {
    "use strict";
    init_event_text();
    init_file_edits();
  }
});

// src/core/render/tree.ts
function h(tag2, attrs, ...children) {
  return { tag: tag2, attrs, children };
}
function markdown(text) {
  return { slot: "markdown", text };
}
function code(text, lang, filePath2) {
  return filePath2 === void 0 ? { slot: "code", text, lang } : { slot: "code", text, lang, filePath: filePath2 };
}
function codeLine(text, lang) {
  return { slot: "code", text, lang, inline: true };
}
function checkElement(node) {
  if (!TAG_SET.has(node.tag)) throw new Error(`render: tag <${node.tag}> is not allowed`);
  for (const name in node.attrs)
    if (!ATTR.test(name)) throw new Error(`render: attribute ${name} is not allowed`);
}
var TAGS, TAG_SET, ATTR;
var init_tree = __esm({
  "src/core/render/tree.ts"() {
    "use strict";
    TAGS = [
      "b",
      "code",
      "details",
      "div",
      "li",
      "p",
      "pre",
      "small",
      "span",
      "summary",
      "time"
    ];
    TAG_SET = new Set(TAGS);
    ATTR = /^(?:class|datetime|open|data-[a-z]+)$/;
  }
});

// src/core/render/diff-tree.ts
function shownLines(edit) {
  let n = 0;
  for (const hunk of edit.hunks) n += hunk.lines.length;
  return n;
}
function openIfSmall(edit) {
  return shownLines(edit) <= OPEN_DIFF_LINES ? "" : void 0;
}
function diffStat(added, removed) {
  return h(
    "span",
    { class: "diffstat" },
    h("span", { class: "d-add" }, `+${added}`),
    " ",
    h("span", { class: "d-del" }, `−${removed}`)
  );
}
function row(line, edit) {
  const numbers = edit.absoluteLines ? [
    h("span", { class: "ln" }, line.oldNo === void 0 ? "" : String(line.oldNo)),
    h("span", { class: "ln" }, line.newNo === void 0 ? "" : String(line.newNo))
  ] : [];
  const text = line.kind === "note" ? line.text : codeLine(line.text, edit.lang ?? "");
  return h(
    "div",
    { class: `dl d-${line.kind}` },
    ...numbers,
    h("span", { class: "mk" }, MARK[line.kind]),
    text
  );
}
function hunkHead(hunk, edit, index) {
  if (edit.absoluteLines)
    return h(
      "div",
      { class: "dl d-hunk" },
      `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`
    );
  return index > 0 ? h("div", { class: "dl d-hunk" }, "⋯") : void 0;
}
function diffTree(edit) {
  return h(
    "div",
    { class: edit.absoluteLines ? "diff numbered" : "diff" },
    edit.note !== void 0 && h("p", { class: "diff-note" }, edit.note),
    ...edit.hunks.map(
      (hunk, i) => h("div", { class: "hunk" }, hunkHead(hunk, edit, i), ...hunk.lines.map((l3) => row(l3, edit)))
    ),
    edit.omitted > 0 && h("p", { class: "diff-note" }, `${edit.omitted} more lines not shown.`)
  );
}
function diffText(edit) {
  let out = "";
  for (const hunk of edit.hunks) {
    out += edit.absoluteLines ? `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@
` : "@@\n";
    for (const l3 of hunk.lines) out += `${TEXT_MARK[l3.kind]}${l3.text}
`;
  }
  if (edit.omitted > 0) out += `… ${edit.omitted} more lines not shown
`;
  return out;
}
var OPEN_DIFF_LINES, MARK, TEXT_MARK;
var init_diff_tree = __esm({
  "src/core/render/diff-tree.ts"() {
    "use strict";
    init_tree();
    OPEN_DIFF_LINES = 40;
    MARK = { add: "+", del: "−", ctx: " ", note: "\\" };
    TEXT_MARK = { add: "+", del: "-", ctx: " ", note: "\\ " };
  }
});

// src/core/render/event-html.ts
function lineCount(s) {
  if (s.length === 0) return 0;
  let n = 1;
  const last = s.charCodeAt(s.length - 1) === 10 ? s.length - 1 : s.length;
  for (let i = s.indexOf("\n"); i !== -1 && i < last; i = s.indexOf("\n", i + 1)) n++;
  return n;
}
function exportTime(ts) {
  if (!ts) return void 0;
  if (!ISO.test(ts)) return h("small", null, ts);
  return h("small", null, h("time", { datetime: ts }, ts.replace("T", " ").replace(/(\.\d+)?Z$/, " UTC")));
}
function exportEventTree(v2) {
  switch (v2.kind) {
    case "prompt":
      return h(
        "div",
        { class: "msg user" },
        h("div", { class: "role" }, v2.sidechain ? "Prompt" : "User", exportTime(v2.timestamp)),
        h(
          "div",
          { class: "text" },
          v2.command !== void 0 && h("div", { class: "cmd" }, v2.command),
          v2.body !== "" && h("div", { class: "plain" }, v2.body)
        )
      );
    case "text":
      return h(
        "div",
        { class: "msg assistant" },
        h(
          "div",
          { class: "role" },
          "Assistant",
          v2.model && h("small", null, v2.model),
          exportTime(v2.timestamp)
        ),
        h("div", { class: "md" }, markdown(v2.text))
      );
    case "thinking":
      return h(
        "details",
        { class: "msg thinking" },
        h("summary", null, "💭 Thinking"),
        h("div", { class: "md" }, markdown(v2.text))
      );
    case "tool_call":
      if (v2.edit)
        return h(
          "details",
          { class: "msg tool edit", open: openIfSmall(v2.edit) },
          h(
            "summary",
            null,
            "🔧 ",
            h("b", null, v2.name),
            " ",
            h("span", { class: "sum" }, v2.edit.path),
            " ",
            diffStat(v2.edit.added, v2.edit.removed)
          ),
          diffTree(v2.edit)
        );
      return h(
        "details",
        { class: "msg tool" },
        h(
          "summary",
          null,
          "🔧 ",
          h("b", null, v2.name),
          v2.summary && " ",
          v2.summary && h("span", { class: "sum" }, v2.summary)
        ),
        code(v2.input, "json")
      );
    case "tool_result": {
      const lines = lineCount(v2.content);
      return h(
        "details",
        { class: v2.isError ? "msg result error" : "msg result" },
        h(
          "summary",
          null,
          v2.isError ? "❌ Error from " : "📤 Result from ",
          h("b", null, v2.toolName),
          " ",
          h("span", { class: "sum" }, `${lines} line${lines === 1 ? "" : "s"}`)
        ),
        code(v2.content, "auto", v2.filePath)
      );
    }
    case "system":
      return h(
        "div",
        { class: "msg system" },
        h("b", null, v2.label),
        ": ",
        h("span", { class: "plain" }, v2.text)
      );
  }
}
var ISO;
var init_event_html = __esm({
  "src/core/render/event-html.ts"() {
    "use strict";
    init_event_view();
    init_diff_tree();
    init_tree();
    ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;
  }
});

// src/core/render/serialize.ts
function createHtmlWriter(write, slots, opts = {}) {
  const esc = opts.backtick ? escapeHtmlAndBackticks : escapeHtml;
  let parts = [];
  const flush = () => {
    if (parts.length) write(parts.length === 1 ? parts[0] : parts.join(""));
    parts = [];
  };
  const emit = (chunk) => {
    if (chunk.length < BIG) {
      parts.push(chunk);
      return;
    }
    flush();
    write(chunk);
  };
  const walk = (n) => {
    if (typeof n === "string") {
      parts.push(esc(n));
      return;
    }
    if ("slot" in n) {
      if (n.slot === "markdown") parts.push(slots.markdown(n.text));
      else slots.code(n, emit);
      return;
    }
    checkElement(n);
    let open2 = `<${n.tag}`;
    const attrs = n.attrs;
    for (const k in attrs) if (attrs[k] !== void 0) open2 += ` ${k}="${esc(String(attrs[k]))}"`;
    parts.push(`${open2}>`);
    for (const c of n.children) if (c !== false && c !== void 0) walk(c);
    parts.push(`</${n.tag}>`);
  };
  return (node) => {
    if (Array.isArray(node)) for (const n of node) walk(n);
    else walk(node);
    flush();
  };
}
function writeHtml(node, write, slots, opts = {}) {
  createHtmlWriter(write, slots, opts)(node);
}
function toHtml(node, slots, opts = {}) {
  let out = "";
  writeHtml(node, (c) => out += c, slots, opts);
  return out;
}
var BIG;
var init_serialize = __esm({
  "src/core/render/serialize.ts"() {
    "use strict";
    init_html();
    init_tree();
    BIG = 1024;
  }
});

// src/core/export/html.ts
function head(title) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<div class="bar" role="search"><input id="q" type="search" placeholder="Search this session (press /)" aria-label="Search this session" autocomplete="off" spellcheck="false"><span id="cnt" aria-live="polite"></span><button id="prev" type="button" aria-label="Previous match">↑</button><button id="next" type="button" aria-label="Next match">↓</button><label><input id="only" type="checkbox"> only matching</label></div>
<main class="conv">
`;
}
function stat2(label, value) {
  return `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd></div>`;
}
function metricsHeader(meta, t, redaction, stats) {
  const title = meta.title || `Session ${meta.id}`;
  const sub = [
    meta.project,
    meta.gitBranch && `branch ${meta.gitBranch}`,
    meta.startedAt,
    meta.claudeVersion && `Claude Code ${meta.claudeVersion}`
  ].filter((x2) => Boolean(x2)).map(escapeHtml).join(" · ");
  let out = `<header class="metrics" id="metrics">
<h1 id="title">${escapeHtml(title)}</h1>
`;
  out += `<p class="sub">${sub ? `${sub} · ` : ""}session <code>${escapeHtml(meta.id)}</code>`;
  if (meta.parentSessionId) out += ` · forked from <code>${escapeHtml(meta.parentSessionId)}</code>`;
  if (meta.cwd) out += ` · <code>${escapeHtml(meta.cwd)}</code>`;
  out += '</p>\n<dl class="stats">';
  out += stat2("Input tokens", formatInt(t.tokens.input));
  out += stat2("Output tokens", formatInt(t.tokens.output));
  out += stat2("Cache read", formatInt(t.tokens.cacheRead));
  out += stat2("Cache write", formatInt(t.tokens.cacheWrite));
  out += stat2("Est. cost", formatCost2(t.costUsd));
  out += stat2("Duration", formatDuration2(t.durationMs));
  out += stat2("Turns", String(t.turns));
  out += stat2("Tool calls", `${t.toolCalls}${t.toolErrors ? ` (${t.toolErrors} failed)` : ""}`);
  out += stat2(meta.models.length > 1 ? "Models" : "Model", meta.models.join(", ") || "unknown");
  out += "</dl>\n";
  const tools = toolRows(t);
  if (tools.length) {
    out += `<details><summary>Tools used (${tools.length})</summary><table>`;
    out += tools.map(([n, c]) => `<tr><td><code>${escapeHtml(n)}</code></td><td>${c}</td></tr>`).join("");
    out += "</table></details>\n";
  }
  const agents = subagentUsageRows(t);
  if (agents.length) {
    out += `<details><summary>Subagents (${agents.length})</summary><table>`;
    out += agents.map(([k, v2]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v2)}</td></tr>`).join("");
    out += "</table></details>\n";
  }
  if (t.filesTouched.length) {
    const shown = t.filesTouched.slice(0, MAX_LISTED_FILES);
    out += `<details><summary>Files touched (${t.filesTouched.length})</summary><ul>`;
    out += shown.map((f) => `<li><code>${escapeHtml(f)}</code></li>`).join("");
    if (t.filesTouched.length > shown.length)
      out += `<li>… and ${t.filesTouched.length - shown.length} more</li>`;
    out += "</ul></details>\n";
  }
  if (redaction) out += `<p class="sub">Redaction: ${escapeHtml(redactionLine(redaction))}</p>
`;
  const skips = skipRows(stats);
  if (skips.length) {
    out += `<details class="skips"><summary>Skipped while reading the transcript</summary><table>`;
    out += skips.map(([k, v2]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v2)}</td></tr>`).join("");
    out += "</table></details>\n";
  }
  return `${out}</header>
`;
}
function commentHtml(c, replies) {
  const r = reactionsText(c.reactions);
  let out = `<div class="comment" id="c-${escapeHtml(c.id)}"><p class="by"><b>${escapeHtml(c.author)}</b> · <time datetime="${escapeHtml(c.createdAt)}">${escapeHtml(commentTime(c.createdAt))}</time>${r ? ` · ${escapeHtml(r)}` : ""}</p><p class="ctext">${escapeText(c.text)}</p>`;
  if (replies.length) out += `<div class="replies">${replies.map((x2) => commentHtml(x2, [])).join("")}</div>`;
  return `${out}</div>`;
}
function commentsHtml(t) {
  const r = reactionsText(t.reactions);
  const title = `Comments${r ? ` · reactions: ${r}` : ""}`;
  return `<aside class="comments"><h3>${escapeHtml(title)}</h3>${t.comments.map((c) => commentHtml(c, c.replies)).join("")}</aside>
`;
}
function createHtmlRenderer(write, opts) {
  const viewer = createEventViewer({ maxToolResultChars: opts.maxToolResultChars });
  const { codeOpen, markdownHtml } = createHtmlContent();
  const slots = {
    markdown: markdownHtml,
    code(slot, out) {
      const lang = slot.lang === "auto" ? resultLanguage(slot.text, slot.filePath) : slot.lang;
      if (slot.inline) {
        const known = knownLanguage(lang);
        out(known ? `<code class="language-${known}">` : "<code>");
        out(escapeText(slot.text));
        out("</code>");
        return;
      }
      out(codeOpen(slot.text, lang));
      out(escapeText(slot.text));
      out(CODE_CLOSE);
    }
  };
  const writeEvent = createHtmlWriter(write, slots);
  let started = false;
  let sectionNo = 0;
  const start = () => {
    if (started) return;
    started = true;
    write(head(opts.meta?.title || (opts.meta ? `Session ${opts.meta.id}` : "Claude Code session")));
  };
  const event = (e, section) => {
    writeEvent([exportEventTree(viewer.view(e, section.kind === "sidechain")), "\n"]);
  };
  return {
    open(section) {
      start();
      const n = ++sectionNo;
      if (section.kind === "turn") {
        const ts = exportTime(section.turn.startedAt);
        const time = ts ? toHtml(ts, slots) : "";
        write(`<section class="turn" id="s${n}"><h2>Turn ${section.turn.index + 1}${time}</h2>
`);
      } else {
        const { agentId, toolUseId } = section.sidechain;
        const call = toolUseId === void 0 ? void 0 : viewer.spawningCall(toolUseId)?.label;
        const by = toolUseId ? ` <small>spawned by ${call ? `${escapeHtml(call)} ` : ""}<code>${escapeHtml(toolUseId)}</code></small>` : "";
        write(
          `<section class="turn sidechain" id="s${n}"><h2>Subagent <code>${escapeHtml(agentId)}</code>${by}</h2>
`
        );
      }
    },
    event,
    comments(thread) {
      write(commentsHtml(thread));
    },
    close() {
      write("</section>\n");
    },
    finish(meta, totals, extra) {
      start();
      const redaction = extra.redaction ?? opts.redaction;
      write(
        `</main>
${metricsHeader(meta, totals, redaction, extra.stats)}</div>
<script>${SCRIPT}</script>
</body>
</html>
`
      );
    }
  };
}
var init_html2 = __esm({
  "src/core/export/html.ts"() {
    "use strict";
    init_html_assets();
    init_html_content();
    init_summary_rows();
    init_event_html();
    init_event_view();
    init_serialize();
    init_comments();
  }
});

// src/core/export/json.ts
function eventJson(e, maxToolResultChars) {
  if (e.kind === "tool_call" && e.input === void 0) return JSON.stringify({ ...e, input: null });
  if (e.kind === "tool_result" && maxToolResultChars !== void 0) {
    return JSON.stringify({ ...e, content: clipToolResult(e.content, maxToolResultChars) });
  }
  return JSON.stringify(e);
}
function createJsonRenderer(write, opts) {
  let phase = "start";
  let sectionsInPhase = 0;
  let eventsInSection = 0;
  let firstTs;
  let lastTs;
  const threads = [];
  const enter = (want) => {
    if (phase === "start") {
      write(`{"schemaVersion":${SCHEMA_VERSION},"turns":[`);
      phase = "turns";
      sectionsInPhase = 0;
    }
    if (want === "sidechains" && phase === "turns") {
      write('],"sidechains":[');
      phase = "sidechains";
      sectionsInPhase = 0;
    }
    if (want === "turns" && phase === "sidechains") {
      throw new BatonError(
        "invalid_input",
        "JSON export: a main-chain event arrived after the sidechains started"
      );
    }
  };
  return {
    open(section) {
      enter(section.kind === "turn" ? "turns" : "sidechains");
      const sep = sectionsInPhase++ ? ",\n" : "\n";
      eventsInSection = 0;
      firstTs = lastTs = void 0;
      if (section.kind === "turn") write(`${sep}{"index":${section.turn.index},"events":[`);
      else {
        const { agentId, toolUseId } = section.sidechain;
        write(`${sep}{"agentId":${JSON.stringify(agentId)},`);
        if (toolUseId !== void 0) write(`"toolUseId":${JSON.stringify(toolUseId)},`);
        write('"events":[');
      }
    },
    event(e, _section) {
      write(eventsInSection++ ? ",\n" : "\n");
      write(eventJson(e, opts.maxToolResultChars));
      if (e.timestamp !== void 0) {
        firstTs ??= e.timestamp;
        lastTs = e.timestamp;
      }
    },
    comments(thread) {
      threads.push(JSON.stringify(thread));
    },
    close(section) {
      let tail = "]";
      if (section.kind === "turn") {
        const startedAt = section.explicit ? section.turn.startedAt : firstTs;
        const endedAt = section.explicit ? section.turn.endedAt : lastTs;
        if (startedAt !== void 0) tail += `,"startedAt":${JSON.stringify(startedAt)}`;
        if (endedAt !== void 0) tail += `,"endedAt":${JSON.stringify(endedAt)}`;
      }
      write(`${tail}}`);
    },
    finish(meta, totals, extra) {
      enter("sidechains");
      let out = `
],"meta":${JSON.stringify(meta)},
"totals":${JSON.stringify(totals)}`;
      if (extra.stats) out += `,
"stats":${JSON.stringify(extra.stats)}`;
      const redaction = extra.redaction ?? opts.redaction;
      if (redaction) out += `,
"redaction":${JSON.stringify(redaction)}`;
      if (opts.comments) out += `,
"comments":[${threads.join(",\n")}]`;
      write(`${out}}
`);
    }
  };
}
var init_json = __esm({
  "src/core/export/json.ts"() {
    "use strict";
    init_errors();
    init_schema_version();
    init_event_text();
  }
});

// src/core/format/date.ts
var init_date = __esm({
  "src/core/format/date.ts"() {
    "use strict";
  }
});

// src/core/format/markdown-text.ts
function longestRun(s, ch) {
  let best = 0;
  let i = s.indexOf(ch);
  while (i !== -1) {
    let j = i + 1;
    while (j < s.length && s[j] === ch) j++;
    if (j - i > best) best = j - i;
    i = s.indexOf(ch, j);
  }
  return best;
}
function fenceFor(content) {
  return "`".repeat(Math.max(3, longestRun(content, "`") + 1));
}
function codeSpan(s) {
  const flat = s.replace(/\r?\n/g, " ");
  const ticks = "`".repeat(longestRun(flat, "`") + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
var init_markdown_text = __esm({
  "src/core/format/markdown-text.ts"() {
    "use strict";
  }
});

// src/core/format/index.ts
var init_format = __esm({
  "src/core/format/index.ts"() {
    "use strict";
    init_duration();
    init_cost();
    init_count();
    init_date();
    init_html();
    init_markdown_html();
    init_markdown_text();
  }
});

// src/core/export/markdown-safe.ts
function escapeLine(raw) {
  const ref = REF_DEF.exec(raw);
  const line = ref && !SAFE_TARGET.test(ref[2]) ? `${ref[1]}\\:${ref[2]}` : raw;
  let out = "";
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf("`", i);
    if (tick < 0) {
      out += neutralize(line.slice(i));
      break;
    }
    out += neutralize(line.slice(i, tick));
    let n = tick;
    while (line[n] === "`") n++;
    const run = n - tick;
    let close = -1;
    for (let j = line.indexOf("`", n); j >= 0; ) {
      let k = j;
      while (line[k] === "`") k++;
      if (k - j === run) {
        close = k;
        break;
      }
      j = line.indexOf("`", k);
    }
    if (close < 0) {
      out += line.slice(tick, n);
      i = n;
    } else {
      out += line.slice(tick, close);
      i = close;
    }
  }
  return out;
}
function safeMarkdown(text) {
  const lines = text.split("\n");
  let open2 = null;
  let prevBlank = true;
  let inIndented = false;
  for (let idx = 0; idx < lines.length; idx++) {
    const line = lines[idx];
    const m = FENCE.exec(line);
    if (open2) {
      if (m && m[1][0] === open2.ch && m[1].length >= open2.len && m[2].trim() === "")
        open2 = null;
    } else if (m && !(m[1][0] === "`" && m[2].includes("`"))) {
      open2 = { ch: m[1][0], len: m[1].length };
    } else {
      const indented = /^( {4}|\t)/.test(line);
      inIndented = indented && (prevBlank || inIndented);
      if (!inIndented) lines[idx] = escapeLine(line);
    }
    prevBlank = line.trim() === "";
  }
  const body = lines.join("\n");
  return open2 ? `${body}
${open2.ch.repeat(open2.len)}` : body;
}
var FENCE, TAG_START, SAFE_TARGET, LINK_OPEN, REF_DEF, IMAGE_OPEN, neutralize;
var init_markdown_safe = __esm({
  "src/core/export/markdown-safe.ts"() {
    "use strict";
    FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
    TAG_START = /<(?=[A-Za-z/!?])/g;
    SAFE_TARGET = /^\s*<?\s*(?:https?:\/\/|mailto:|#|\.{0,2}\/|[\w.~-]+(?:[/?#)\s>]|$))/i;
    LINK_OPEN = /\]\(/g;
    REF_DEF = /^( {0,3}\[[^\]]+\]):(.*)$/;
    IMAGE_OPEN = /!\[/g;
    neutralize = (s) => s.replace(TAG_START, "&lt;").replace(IMAGE_OPEN, "!\\[").replace(LINK_OPEN, (m, at2, str4) => SAFE_TARGET.test(str4.slice(at2 + 2)) ? m : "]\\(");
  }
});

// src/core/export/trailing-details.ts
function trailingDetails(opts, extra) {
  const meta = !opts.meta;
  const totals = !(opts.meta && opts.totals);
  const redaction = extra.redaction && !(opts.meta && opts.redaction) ? extra.redaction : void 0;
  const skips = skipRows(extra.stats);
  if (!meta && !totals && !redaction && skips.length === 0) return void 0;
  return redaction ? { meta, totals, redaction, skips } : { meta, totals, skips };
}
var init_trailing_details = __esm({
  "src/core/export/trailing-details.ts"() {
    "use strict";
    init_summary_rows();
  }
});

// src/core/export/markdown.ts
function mdInline(s) {
  return s.replace(/\r?\n/g, " ").replace(/[\\`*_[\]<>|#~&]/g, (c) => c === "&" ? "&amp;" : `\\${c}`);
}
function htmlInline(s) {
  return escapeHtml(s.replace(/\s+/g, " "));
}
function cellCode(s) {
  return codeSpan(s).replace(/\|/g, "\\|");
}
function fenced(content, lang = "") {
  const f = fenceFor(content);
  return `${f}${lang}
${content}${content.endsWith("\n") ? "" : "\n"}${f}`;
}
function metaRows(meta, withTitle) {
  const rows = [];
  if (withTitle && meta.title) rows.push(["Title", mdInline(meta.title)]);
  rows.push(["Session", cellCode(meta.id)]);
  if (meta.project) rows.push(["Project", mdInline(meta.project)]);
  if (meta.cwd) rows.push(["Directory", cellCode(meta.cwd)]);
  if (meta.gitBranch) rows.push(["Branch", cellCode(meta.gitBranch)]);
  if (meta.models.length) rows.push(["Models", meta.models.map(cellCode).join(", ")]);
  if (meta.startedAt) rows.push(["Started", mdInline(meta.startedAt)]);
  if (meta.endedAt) rows.push(["Ended", mdInline(meta.endedAt)]);
  if (meta.claudeVersion) rows.push(["Claude Code", mdInline(meta.claudeVersion)]);
  if (meta.parentSessionId) rows.push(["Forked from", cellCode(meta.parentSessionId)]);
  return `| | |
|---|---|
${rows.map(([k, v2]) => `| ${k} | ${v2} |`).join("\n")}

`;
}
function totalsBlock(t) {
  let out = `| Input tokens | Output tokens | Cache read | Cache write | Estimated cost | Duration |
|---:|---:|---:|---:|---:|---:|
| ${formatInt(t.tokens.input)} | ${formatInt(t.tokens.output)} | ${formatInt(t.tokens.cacheRead)} | ${formatInt(t.tokens.cacheWrite)} | ${formatCost2(t.costUsd)} | ${formatDuration2(t.durationMs)} |

`;
  out += `**Activity:** ${t.turns} turn(s) · ${t.prompts} prompt(s) · ${t.messages} message(s) · ${t.toolCalls} tool call(s) (${t.toolErrors} error(s))

`;
  const tools = toolRows(t);
  if (tools.length)
    out += `| Tool | Calls |
|---|---:|
${tools.map(([n, c]) => `| ${cellCode(n)} | ${c} |`).join("\n")}

`;
  const agents = subagentUsageRows(t);
  if (agents.length)
    out += `| Subagent | Usage |
|---|---:|
${agents.map(([k, v2]) => `| ${mdInline(k)} | ${mdInline(v2)} |`).join("\n")}

`;
  if (t.filesTouched.length) {
    const shown = t.filesTouched.slice(0, MAX_LISTED_FILES);
    const more = t.filesTouched.length - shown.length;
    out += `<details>
<summary>Files touched (${t.filesTouched.length})</summary>

`;
    out += `${shown.map((f) => `- ${codeSpan(f)}`).join("\n")}${more > 0 ? `
- … and ${more} more` : ""}

</details>

`;
  }
  return out;
}
function commentQuote(c, prefix, reply) {
  const r = reactionsText(c.reactions);
  const head2 = `**${mdInline(c.author)}**${reply ? " (reply)" : ""} · ${commentTime(c.createdAt)}${r ? ` · ${r}` : ""}`;
  const body = safeMarkdown(c.text).split("\n").map((l3) => l3 ? `${prefix} ${l3}` : prefix).join("\n");
  return `${prefix} ${head2}
${prefix}
${body}
`;
}
function commentsMarkdown(t) {
  const r = reactionsText(t.reactions);
  let out = `💬 **Comments**${r ? ` · reactions: ${r}` : ""}

`;
  for (const c of t.comments) {
    out += commentQuote(c, ">", false);
    for (const reply of c.replies) out += `>
${commentQuote(reply, "> >", true)}`;
    out += "\n";
  }
  return t.comments.length ? out : `${out.trimEnd()}

`;
}
function createMarkdownRenderer(write, opts) {
  const viewer = createEventViewer({ summaryChars: 80, maxToolResultChars: opts.maxToolResultChars });
  let topWritten = false;
  let label = null;
  const top = () => {
    if (topWritten) return;
    topWritten = true;
    if (!opts.meta) {
      write("# Session transcript\n\n");
      return;
    }
    let out = `# ${mdInline(opts.meta.title || `Session ${opts.meta.id}`)}

${metaRows(opts.meta, false)}`;
    if (opts.totals) out += totalsBlock(opts.totals);
    if (opts.redaction) out += `**Redaction:** ${mdInline(redactionLine(opts.redaction))}

`;
    write(`${out}---

`);
  };
  const assistant = () => {
    if (label !== "assistant") write("**Assistant**\n\n");
    label = "assistant";
  };
  const event = (e, section) => {
    const v2 = viewer.view(e, section.kind === "sidechain");
    switch (v2.kind) {
      case "prompt": {
        label = "user";
        let out = v2.sidechain ? "**Prompt**\n\n" : "**User**\n\n";
        if (v2.command !== void 0) out += `${codeSpan(v2.command)}

`;
        if (v2.body) out += `${safeMarkdown(v2.body)}

`;
        write(out);
        return;
      }
      case "text":
        assistant();
        write(`${safeMarkdown(v2.text)}

`);
        return;
      case "thinking":
        assistant();
        write(`<details>
<summary>Thinking</summary>

${safeMarkdown(v2.text)}

</details>

`);
        return;
      case "tool_call":
        assistant();
        if (v2.edit) {
          const { path, added, removed } = v2.edit;
          write(
            `<details>
<summary>🔧 ${htmlInline(v2.name)}: ${htmlInline(path)} (+${added} −${removed})</summary>

${fenced(diffText(v2.edit), "diff")}

</details>

`
          );
          return;
        }
        write(
          `<details>
<summary>🔧 ${htmlInline(v2.name)}${v2.summary ? `: ${htmlInline(v2.summary)}` : ""}</summary>

${fenced(v2.input, "json")}

</details>

`
        );
        return;
      case "tool_result": {
        const name = htmlInline(v2.toolName);
        const head2 = v2.isError ? `❌ Error from ${name}` : `📤 Result from ${name}`;
        const f = fenceFor(v2.content);
        write(`<details>
<summary>${head2}</summary>

${f}
`);
        write(v2.content);
        write(`${v2.content.endsWith("\n") ? "" : "\n"}${f}

</details>

`);
        return;
      }
      case "system": {
        const quoted = safeMarkdown(v2.text).split("\n").map((l3) => `> ${l3}`).join("\n");
        write(`> **System** (${mdInline(v2.label)})
>
${quoted}

`);
        label = null;
        return;
      }
    }
  };
  return {
    open(section) {
      top();
      label = null;
      if (section.kind === "turn") write(`## Turn ${section.turn.index + 1}

`);
      else {
        const id = section.sidechain.toolUseId;
        const call = id === void 0 ? void 0 : viewer.spawningCall(id)?.label;
        const by = id === void 0 ? "" : ` (spawned by ${call ? `${mdInline(call)} ` : ""}${codeSpan(id)})`;
        write(`## Subagent ${mdInline(section.sidechain.agentId)}${by}

`);
      }
    },
    event,
    comments(thread) {
      write(commentsMarkdown(thread));
      label = null;
    },
    close() {
    },
    finish(meta, totals, extra) {
      top();
      const owed = trailingDetails(opts, extra);
      if (!owed) return;
      const { redaction, skips } = owed;
      let out = "## Session details\n\n";
      if (owed.meta) out += metaRows(meta, true);
      if (owed.totals) out += totalsBlock(totals);
      if (redaction) out += `**Redaction:** ${mdInline(redactionLine(redaction))}

`;
      if (skips.length) {
        out += `**Skipped while reading the transcript:**

| Reason | Count |
|---|---|
`;
        out += `${skips.map(([k, v2]) => `| ${mdInline(k)} | ${mdInline(v2)} |`).join("\n")}

`;
      }
      write(out);
    }
  };
}
var init_markdown = __esm({
  "src/core/export/markdown.ts"() {
    "use strict";
    init_diff_tree();
    init_event_view();
    init_summary_rows();
    init_format();
    init_markdown_safe();
    init_comments();
    init_trailing_details();
  }
});

// src/core/export/stream-driver.ts
function createStreamDriver(renderer2) {
  let current = null;
  let finished = false;
  const guard = (what) => {
    if (finished) throw new BatonError("invalid_input", `exporter: ${what} called after finish()`);
  };
  const switchTo = (next) => {
    if (current) renderer2.close(current);
    current = next;
    renderer2.open(next);
    return next;
  };
  const sectionFor = (ctx) => {
    if (ctx.agentId !== void 0 && !(ctx.inline && current?.kind === "turn")) {
      if (current?.kind === "sidechain" && current.sidechain.agentId === ctx.agentId) return current;
      const sidechain = ctx.toolUseId === void 0 ? { agentId: ctx.agentId } : { agentId: ctx.agentId, toolUseId: ctx.toolUseId };
      return switchTo({ kind: "sidechain", sidechain });
    }
    if (current?.kind === "turn" && current.turn.index === ctx.turnIndex) return current;
    return switchTo({ kind: "turn", turn: { index: ctx.turnIndex }, explicit: false });
  };
  return {
    event(e, ctx) {
      guard("event()");
      renderer2.event(e, sectionFor(ctx));
    },
    comments(thread) {
      guard("comments()");
      if (current) renderer2.comments(thread, current);
    },
    beginTurn(turn) {
      guard("beginTurn()");
      switchTo({ kind: "turn", turn: { ...turn }, explicit: true });
    },
    beginSidechain(sidechain) {
      guard("beginSidechain()");
      switchTo({ kind: "sidechain", sidechain: { ...sidechain } });
    },
    finish(meta, totals, extra) {
      guard("finish()");
      finished = true;
      if (current) renderer2.close(current);
      current = null;
      renderer2.finish(meta, totals, extra ?? {});
    }
  };
}
var init_stream_driver = __esm({
  "src/core/export/stream-driver.ts"() {
    "use strict";
    init_errors();
  }
});

// src/core/export/text.ts
function wrapLine(line, width) {
  if (line.length <= width) return [line];
  const lead = /^\s*/.exec(line)?.[0] ?? "";
  const rest = line.slice(lead.length);
  let end = rest.length;
  while (end > 0 && rest.charCodeAt(end - 1) === 32) end--;
  const words = end === rest.length ? rest : rest.slice(0, end);
  if (words.includes("  ")) return wrapWords(rest, lead, width);
  const out = wrapSingleSpaced(words, lead, width);
  if (end < rest.length) {
    const last = out[out.length - 1];
    if (last.length + 1 > width) out.push(lead);
    else out[out.length - 1] = `${last} `;
  }
  return out;
}
function wrapSingleSpaced(rest, lead, width) {
  const avail = width - lead.length;
  const out = [];
  let p = 0;
  while (rest.length - p > avail) {
    let q2 = rest.lastIndexOf(" ", p + avail);
    if (q2 <= p) {
      q2 = rest.indexOf(" ", p + 1);
      if (q2 === -1) break;
    }
    out.push(lead + rest.slice(p, q2));
    p = q2 + 1;
  }
  out.push(lead + rest.slice(p));
  return out;
}
function wrapWords(rest, lead, width) {
  const words = rest.split(/ +/);
  const out = [];
  let cur = lead;
  for (const w2 of words) {
    if (cur.length > lead.length && cur.length + 1 + w2.length > width) {
      out.push(cur);
      cur = lead + w2;
    } else cur = cur.length > lead.length ? `${cur} ${w2}` : lead + w2;
  }
  out.push(cur);
  return out;
}
function wrapProse(text, width = WIDTH, indent = INDENT) {
  const out = [];
  let inFence = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^ {0,3}(```|~~~)/.test(line)) inFence = !inFence;
    for (const l3 of inFence ? [line] : wrapLine(line, width - indent.length)) out.push(l3 ? indent + l3 : "");
  }
  return out.join("\n");
}
function indentBlock(text, indent = INDENT) {
  const s = text.includes("\r") ? text.replace(/\r\n/g, "\n") : text;
  let out = s.length > 0 && s.charCodeAt(0) !== 10 ? indent : "";
  let copied = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) {
    if (i + 1 < s.length && s.charCodeAt(i + 1) !== 10) {
      out += s.slice(copied, i + 1) + indent;
      copied = i + 1;
    }
  }
  return copied === 0 ? out + s : out + s.slice(copied);
}
function metaLines(meta, withTitle) {
  return metaFields(meta, withTitle).map(([k, v2]) => `${`${k}:`.padEnd(13)}${v2}
`).join("");
}
function totalsLines(t) {
  let out = `Tokens:      ${formatInt(t.tokens.input)} in, ${formatInt(t.tokens.output)} out, ${formatInt(t.tokens.cacheRead)} cache read, ${formatInt(t.tokens.cacheWrite)} cache write
Est. cost:   ${formatCost2(t.costUsd)}
Duration:    ${formatDuration2(t.durationMs)}
Activity:    ${t.turns} turn(s), ${t.prompts} prompt(s), ${t.messages} message(s), ${t.toolCalls} tool call(s) (${t.toolErrors} error(s))
`;
  const tools = toolRows(t);
  if (tools.length) out += `Tools:       ${tools.map(([n, c]) => `${n} ×${c}`).join(", ")}
`;
  const agents = subagentUsageRows(t);
  if (agents.length) out += `Subagents:
${agents.map(([k, v2]) => `  ${k}: ${v2}
`).join("")}`;
  if (t.filesTouched.length) {
    const shown = t.filesTouched.slice(0, MAX_LISTED_FILES);
    out += `Files (${t.filesTouched.length}):
${shown.map((f) => `  ${f}
`).join("")}`;
    if (t.filesTouched.length > shown.length) out += `  … and ${t.filesTouched.length - shown.length} more
`;
  }
  return out;
}
function commentBlock(c, indent, reply) {
  const r = reactionsText(c.reactions);
  const head2 = `${indent}${c.author.replace(/\s+/g, " ")}${reply ? " (reply)" : ""}, ${commentTime(c.createdAt)}${r ? ` [${r}]` : ""}:`;
  return `${head2}
${wrapProse(c.text, WIDTH, `${indent}${INDENT}`)}
`;
}
function commentsText(t) {
  const r = reactionsText(t.reactions);
  let out = `COMMENTS${r ? ` (reactions: ${r})` : ""}:
`;
  for (const c of t.comments) {
    out += commentBlock(c, INDENT, false);
    for (const reply of c.replies) out += commentBlock(reply, INDENT + INDENT, true);
  }
  return `${out}
`;
}
function createTextRenderer(write, opts) {
  const viewer = createEventViewer({ summaryChars: 80, maxToolResultChars: opts.maxToolResultChars });
  let topWritten = false;
  const top = () => {
    if (topWritten) return;
    topWritten = true;
    if (!opts.meta) {
      write("SESSION TRANSCRIPT\n\n");
      return;
    }
    const title = (opts.meta.title || `Session ${opts.meta.id}`).replace(/\s+/g, " ");
    let out = `${title}
${"=".repeat(Math.min(WIDTH, Math.max(3, title.length)))}

${metaLines(opts.meta, false)}`;
    if (opts.totals) out += totalsLines(opts.totals);
    if (opts.redaction) out += `Redaction:   ${redactionLine(opts.redaction)}
`;
    write(`${out}
`);
  };
  const event = (e, section) => {
    const v2 = viewer.view(e, section.kind === "sidechain");
    switch (v2.kind) {
      case "prompt": {
        let out = v2.sidechain ? "PROMPT:\n" : "USER:\n";
        if (v2.command !== void 0) out += `${INDENT}${v2.command}
`;
        if (v2.body) out += `${wrapProse(v2.body)}
`;
        write(`${out}
`);
        return;
      }
      case "text":
        write(`ASSISTANT:
${wrapProse(v2.text)}

`);
        return;
      case "thinking":
        write(`THINKING:
${wrapProse(v2.text)}

`);
        return;
      case "tool_call":
        if (v2.edit) {
          const { added, removed } = v2.edit;
          write(
            `TOOL CALL ${v2.name}(${v2.summary}) +${added} -${removed}
${indentBlock(diffText(v2.edit))}

`
          );
          return;
        }
        write(`TOOL CALL ${v2.name}(${v2.summary})
${indentBlock(v2.input)}

`);
        return;
      case "tool_result":
        write(`TOOL RESULT${v2.isError ? " (error)" : ""} ${v2.toolName}:
`);
        write(indentBlock(v2.content));
        write("\n\n");
        return;
      case "system":
        write(`SYSTEM (${v2.label}):
${wrapProse(v2.text)}

`);
        return;
    }
  };
  return {
    open(section) {
      top();
      if (section.kind === "turn") write(`${rule("=", `Turn ${section.turn.index + 1}`)}

`);
      else {
        const id = section.sidechain.toolUseId;
        const spawner = id === void 0 ? void 0 : viewer.spawningCall(id);
        const call = spawner && `${spawner.name}(${spawner.summary})`;
        const by = id === void 0 ? "" : ` (spawned by ${call ? `${call} ` : ""}${id})`;
        write(`${rule("=", `Subagent ${section.sidechain.agentId}${by}`)}

`);
      }
    },
    event,
    comments(thread) {
      write(commentsText(thread));
    },
    close() {
    },
    finish(meta, totals, extra) {
      top();
      const owed = trailingDetails(opts, extra);
      if (!owed) return;
      const { redaction, skips } = owed;
      let out = `${rule("=", "Session details")}

`;
      if (owed.meta) out += metaLines(meta, true);
      if (owed.totals) out += totalsLines(totals);
      if (redaction) out += `Redaction:   ${redactionLine(redaction)}
`;
      if (skips.length) {
        out += `Skipped while reading the transcript:
`;
        out += skips.map(([k, v2]) => `${INDENT}${k}: ${v2}`).join("\n") + "\n";
      }
      write(out);
    }
  };
}
var WIDTH, INDENT, rule;
var init_text = __esm({
  "src/core/export/text.ts"() {
    "use strict";
    init_diff_tree();
    init_event_view();
    init_summary_rows();
    init_comments();
    init_trailing_details();
    WIDTH = 100;
    INDENT = "  ";
    rule = (ch, title) => `${ch.repeat(3)} ${title} ${ch.repeat(Math.max(3, 60 - title.length))}`;
  }
});

// src/core/export/create-exporter.ts
function createExporter(format, write, opts = {}) {
  const make = Object.hasOwn(RENDERERS, format) ? RENDERERS[format] : void 0;
  if (!make) throw new BatonError("invalid_input", `unknown export format "${String(format)}"`);
  return createGatedExporter((head2) => make(write, head2), opts);
}
function createGatedExporter(make, opts = {}) {
  const v2 = opts.maxToolResultChars;
  if (v2 !== void 0 && !(Number.isInteger(v2) && v2 >= 0)) {
    throw new BatonError("invalid_input", "maxToolResultChars must be a non-negative integer");
  }
  const gate = opts.gate ?? createEgressGate({ redact: true });
  const baseline = gate.report();
  const sid = opts.meta?.id;
  const head2 = opts.meta ? { ...opts, meta: gate.meta(opts.meta) } : opts;
  const driver = createStreamDriver(make(head2));
  const commentsOf = opts.comments ? createCommentIndex(opts.comments, (t) => gate.text(t)) : void 0;
  return {
    event(e, ctx) {
      const g2 = gate.event(e, sid);
      if (g2 === null) return;
      driver.event(g2, ctx);
      const thread = commentsOf?.(g2.uuid);
      if (thread) driver.comments(thread);
    },
    beginTurn: (turn) => driver.beginTurn(turn),
    beginSidechain: (sidechain) => driver.beginSidechain(sidechain),
    // The one place an export's redaction count is made: what the caller says was redacted before (a stored
    // session's report) plus what this gate redacted while exporting. Callers must not pass this gate's own report
    // in `extra` (that counted every secret twice); exportTranscript returns this function's answer instead.
    finish(meta, totals, extra = {}) {
      const gatedMeta = gate.meta(meta);
      const own = subtract(gate.report(), baseline);
      const redaction = extra.redaction || own.total > 0 ? add(extra.redaction, own) : void 0;
      driver.finish(gatedMeta, totals, { ...extra, ...redaction ? { redaction } : {} });
      return redaction ?? { total: 0, byRule: {} };
    }
  };
}
function subtract(a, b) {
  const byRule = {};
  for (const [rule2, n] of Object.entries(a.byRule))
    if (n > (b.byRule[rule2] ?? 0)) byRule[rule2] = n - (b.byRule[rule2] ?? 0);
  return { total: a.total - b.total, byRule };
}
function add(a, b) {
  const byRule = { ...a?.byRule };
  for (const [rule2, n] of Object.entries(b.byRule)) byRule[rule2] = (byRule[rule2] ?? 0) + n;
  return { total: (a?.total ?? 0) + b.total, byRule };
}
var RENDERERS;
var init_create_exporter = __esm({
  "src/core/export/create-exporter.ts"() {
    "use strict";
    init_gate();
    init_errors();
    init_comments();
    init_html2();
    init_json();
    init_markdown();
    init_stream_driver();
    init_text();
    RENDERERS = {
      md: createMarkdownRenderer,
      json: createJsonRenderer,
      html: createHtmlRenderer,
      txt: createTextRenderer
    };
  }
});

// src/core/export/render-session.ts
var init_render_session = __esm({
  "src/core/export/render-session.ts"() {
    "use strict";
    init_create_exporter();
  }
});

// src/core/export/types.ts
function isDocumentFormat(format) {
  return DOCUMENT_FORMATS.includes(format);
}
function formatExtension(format) {
  return format;
}
var EXPORT_FORMATS, DOCUMENT_FORMATS;
var init_types = __esm({
  "src/core/export/types.ts"() {
    "use strict";
    EXPORT_FORMATS = ["md", "json", "html", "txt", "pdf", "docx"];
    DOCUMENT_FORMATS = ["pdf", "docx"];
  }
});

// src/core/export/index.ts
var init_export = __esm({
  "src/core/export/index.ts"() {
    "use strict";
    init_create_exporter();
    init_comments();
    init_render_session();
    init_types();
  }
});

// src/core/egress/report.ts
function describeRedaction(report, redacting = true) {
  if (!redacting)
    return "WARNING: redaction is off (--no-redact or BATON_REDACT=0): secrets were not removed";
  if (report.total === 0) return "no secrets found";
  const parts = Object.entries(report.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([rule2, n]) => `${n} ${rule2}`);
  return `redacted ${report.total} secret${report.total === 1 ? "" : "s"} (${parts.join(", ")})`;
}
var init_report = __esm({
  "src/core/egress/report.ts"() {
    "use strict";
  }
});

// src/core/egress/index.ts
var init_egress = __esm({
  "src/core/egress/index.ts"() {
    "use strict";
    init_gate();
    init_seal();
    init_pause_spans();
    init_report();
  }
});

// src/core/fs/stat-stamp.ts
import { statSync } from "node:fs";
function statStamp(path) {
  try {
    const st2 = statSync(path);
    return `${st2.size}:${st2.mtimeMs}`;
  } catch {
    return "";
  }
}
var init_stat_stamp = __esm({
  "src/core/fs/stat-stamp.ts"() {
    "use strict";
  }
});

// src/capture/session/pause-log.ts
import {
  appendFileSync,
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync
} from "node:fs";
import { join as join3 } from "node:path";
function pauseLogPath(dataDir, sessionId) {
  return join3(dataDir, "pauses", `${sessionId}.jsonl`);
}
function readPauseSpans(dataDir, sessionId) {
  let text;
  try {
    text = readFileSync(pauseLogPath(dataDir, sessionId), "utf8");
  } catch {
    return [];
  }
  const spans = [];
  for (const line of text.split("\n")) {
    let e;
    try {
      e = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof e.at !== "string" || Number.isNaN(Date.parse(e.at))) continue;
    if (e.uuid !== void 0 && typeof e.uuid !== "string") delete e.uuid;
    const last = spans[spans.length - 1];
    const open2 = last !== void 0 && last.to === void 0;
    if (e.op === "pause" && !open2) spans.push({ from: e.at, ...e.uuid ? { afterUuid: e.uuid } : {} });
    if (e.op === "resume" && open2)
      spans[spans.length - 1] = { ...last, to: e.at, ...e.uuid ? { untilUuid: e.uuid } : {} };
  }
  return spans;
}
function pauseLookup(dataDir, ttlMs = 200) {
  const cache = /* @__PURE__ */ new Map();
  const spansOf = (sessionId) => {
    const now = Date.now();
    const hit = cache.get(sessionId);
    if (hit && now - hit.checkedAt < ttlMs) return hit.spans;
    const stamp = statStamp(pauseLogPath(dataDir, sessionId));
    if (hit && hit.stamp === stamp) {
      hit.checkedAt = now;
      return hit.spans;
    }
    const spans = stamp === "" ? [] : readPauseSpans(dataDir, sessionId);
    cache.set(sessionId, { checkedAt: now, stamp, spans });
    return spans;
  };
  let index = null;
  const startingAt = (uuid) => {
    const now = Date.now();
    if (!index || now - index.checkedAt >= Math.max(ttlMs, INDEX_TTL_MS)) {
      const byUuid = /* @__PURE__ */ new Map();
      for (const sessionId of pausedSessions(dataDir)) {
        for (const span of spansOf(sessionId)) {
          if (span.afterUuid === void 0) continue;
          const list = byUuid.get(span.afterUuid) ?? [];
          list.push({ sessionId, span });
          byUuid.set(span.afterUuid, list);
        }
      }
      index = { checkedAt: now, byUuid };
    }
    return index.byUuid.get(uuid) ?? [];
  };
  return Object.assign(spansOf, { startingAt });
}
function pausedSessions(dataDir) {
  try {
    return readdirSync(join3(dataDir, "pauses")).filter((f) => f.endsWith(".jsonl")).map((f) => f.slice(0, -".jsonl".length));
  } catch {
    return [];
  }
}
var INDEX_TTL_MS, TAIL_BYTES;
var init_pause_log = __esm({
  "src/capture/session/pause-log.ts"() {
    "use strict";
    init_stat_stamp();
    INDEX_TTL_MS = 1e3;
    TAIL_BYTES = 256 * 1024;
  }
});

// src/core/fs/write-atomic.ts
var init_write_atomic = __esm({
  "src/core/fs/write-atomic.ts"() {
    "use strict";
  }
});

// src/capture/outbox/paths.ts
function isSafeSessionId(id) {
  return SESSION_ID_PATTERN.test(id) && !id.includes("..");
}
var SESSION_ID_PATTERN;
var init_paths = __esm({
  "src/capture/outbox/paths.ts"() {
    "use strict";
    SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
  }
});

// src/capture/session/sleep-sync.ts
var init_sleep_sync = __esm({
  "src/capture/session/sleep-sync.ts"() {
    "use strict";
  }
});

// src/capture/session/lock.ts
var init_lock = __esm({
  "src/capture/session/lock.ts"() {
    "use strict";
    init_sleep_sync();
  }
});

// src/capture/outbox/state.ts
var init_state = __esm({
  "src/capture/outbox/state.ts"() {
    "use strict";
  }
});

// src/capture/session/restored-offsets.ts
var init_restored_offsets = __esm({
  "src/capture/session/restored-offsets.ts"() {
    "use strict";
    init_lock();
    init_paths();
    init_state();
  }
});

// src/capture/session/restored.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join4 } from "node:path";
function readRestored(dataDir, sessionId) {
  const out = /* @__PURE__ */ new Map();
  if (!isSafeSessionId(sessionId)) return out;
  let v2;
  try {
    v2 = JSON.parse(readFileSync2(restoredPath(dataDir, sessionId), "utf8"));
  } catch {
    return out;
  }
  const files = v2?.files;
  if (files === null || typeof files !== "object") return out;
  for (const [subKey, bytes] of Object.entries(files)) {
    if (typeof bytes === "number" && Number.isInteger(bytes) && bytes > 0) out.set(subKey, bytes);
  }
  return out;
}
function restoredLookup(dataDir, ttlMs = 200) {
  const cache = /* @__PURE__ */ new Map();
  return (sessionId, subKey) => {
    const now = Date.now();
    let hit = cache.get(sessionId);
    if (!hit || now - hit.checkedAt >= ttlMs) {
      const stamp = statStamp(restoredPath(dataDir, sessionId));
      if (!hit || hit.stamp !== stamp) {
        hit = { checkedAt: now, stamp, files: stamp === "" ? /* @__PURE__ */ new Map() : readRestored(dataDir, sessionId) };
        cache.set(sessionId, hit);
      } else hit.checkedAt = now;
    }
    return hit.files.get(subKey) ?? 0;
  };
}
var restoredPath;
var init_restored = __esm({
  "src/capture/session/restored.ts"() {
    "use strict";
    init_stat_stamp();
    init_write_atomic();
    init_paths();
    init_restored_offsets();
    restoredPath = (dataDir, sessionId) => join4(dataDir, "restored", `${sessionId}.json`);
  }
});

// src/capture/session/egress.ts
function openEgressGate(opts) {
  return createEgressGate({
    redact: opts.redact,
    pauses: pauseLookup(opts.dataDir, opts.pauseTtlMs),
    fromTracker: restoredLookup(opts.dataDir)
  });
}
var init_egress2 = __esm({
  "src/capture/session/egress.ts"() {
    "use strict";
    init_egress();
    init_pause_log();
    init_restored();
  }
});

// src/core/export/documents/header.ts
function totalsFields(t) {
  const rows = [
    [
      "Tokens",
      `${formatInt(t.tokens.input)} in, ${formatInt(t.tokens.output)} out, ${formatInt(t.tokens.cacheRead)} cache read, ${formatInt(t.tokens.cacheWrite)} cache write`
    ],
    ["Est. cost", formatCost2(t.costUsd)],
    ["Duration", formatDuration2(t.durationMs)],
    [
      "Activity",
      `${t.turns} turn(s), ${t.prompts} prompt(s), ${t.messages} message(s), ${t.toolCalls} tool call(s) (${t.toolErrors} error(s))`
    ]
  ];
  const tools = toolRows(t);
  if (tools.length) rows.push(["Tools", tools.map(([n, c]) => `${n} ×${c}`).join(", ")]);
  for (const [call, usage2] of subagentUsageRows(t)) rows.push([`Subagent ${call}`, usage2]);
  if (t.filesTouched.length) {
    const shown = t.filesTouched.slice(0, MAX_LISTED_FILES);
    const more = t.filesTouched.length - shown.length;
    rows.push([
      `Files (${t.filesTouched.length})`,
      shown.join(", ") + (more > 0 ? `, … and ${more} more` : "")
    ]);
  }
  return rows;
}
function headerBlocks(meta, totals, redaction) {
  const rows = [...metaFields(meta, false), ...totalsFields(totals)];
  if (redaction) rows.push(["Redaction", redactionLine(redaction)]);
  return [
    { kind: "title", text: oneLine2(meta.title || `Session ${meta.id}`) },
    { kind: "fields", rows },
    { kind: "rule" }
  ];
}
var oneLine2;
var init_header = __esm({
  "src/core/export/documents/header.ts"() {
    "use strict";
    init_summary_rows();
    oneLine2 = (s) => s.replace(/\s+/g, " ");
  }
});

// src/core/export/documents/markdown-blocks.ts
function inlineRuns(text) {
  const runs = [];
  let at2 = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > at2) runs.push({ text: text.slice(at2, m.index) });
    if (m[2] !== void 0) runs.push({ text: m[2].replace(/^ (.*) $/, "$1"), code: true });
    else if (m[3] !== void 0 || m[4] !== void 0) runs.push({ text: m[3] ?? m[4], bold: true });
    else runs.push({ text: m[5], italic: true });
    at2 = m.index + m[0].length;
  }
  if (at2 < text.length) runs.push({ text: text.slice(at2) });
  return runs;
}
function markdownBlocks(text) {
  const out = [];
  const lines = text.split(/\r?\n/);
  let para = [];
  let quote = false;
  const flush = () => {
    if (para.length === 0) return;
    const runs = inlineRuns(para.join(" "));
    out.push({ kind: "paragraph", runs: quote ? runs.map((r) => ({ ...r, italic: true })) : runs });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = FENCE2.exec(line);
    if (fence) {
      flush();
      const close = fence[1];
      const code2 = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(close); i++) code2.push(lines[i]);
      out.push({ kind: "code", text: code2.join("\n") });
      continue;
    }
    if (TABLE.test(line)) {
      flush();
      const rows = [];
      for (; i < lines.length && TABLE.test(lines[i]); i++) rows.push(lines[i].trim());
      i--;
      out.push({ kind: "code", text: rows.join("\n") });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      out.push({ kind: "heading", level: heading[1].length === 1 ? 2 : 3, text: heading[2] });
      continue;
    }
    const item = ITEM.exec(line);
    if (item) {
      flush();
      const marker = /^\d/.test(item[2]) ? item[2].replace(")", ".") : "•";
      const depth = Math.min(3, Math.floor(item[1].replace(/\t/g, "  ").length / 2));
      out.push({ kind: "item", runs: inlineRuns(item[3]), marker, depth });
      continue;
    }
    if (line.trim() === "") {
      flush();
      continue;
    }
    const q2 = QUOTE.exec(line);
    if (q2 !== null !== quote) flush();
    quote = q2 !== null;
    para.push(q2 ? q2[1] : line.trim());
  }
  flush();
  return out;
}
var FENCE2, HEADING, ITEM, TABLE, QUOTE, INLINE;
var init_markdown_blocks = __esm({
  "src/core/export/documents/markdown-blocks.ts"() {
    "use strict";
    FENCE2 = /^ {0,3}(`{3,}|~{3,})/;
    HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
    ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
    TABLE = /^\s*\|.*\|\s*$/;
    QUOTE = /^ {0,3}>\s?(.*)$/;
    INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__|\*(?=[^\s*])([^*]*?[^\s*])\*/g;
  }
});

// src/core/export/documents/model.ts
function blockChars(b) {
  switch (b.kind) {
    case "paragraph":
    case "item":
      return b.runs.reduce((n, r) => n + r.text.length, 0);
    case "fields":
      return b.rows.reduce((n, [k, v2]) => n + k.length + v2.length, 0);
    case "rule":
      return 0;
    default:
      return b.text.length;
  }
}
var init_model = __esm({
  "src/core/export/documents/model.ts"() {
    "use strict";
  }
});

// src/core/export/documents/build.ts
function createDocumentExporter(opts = {}) {
  let model = null;
  const exporter = createGatedExporter(
    (head2) => createDocumentRenderer(head2, opts.maxChars ?? MAX_DOCUMENT_CHARS, (m) => {
      model = m;
    }),
    opts
  );
  return {
    exporter,
    model() {
      if (!model) throw new BatonError("internal", "document model read before finish()");
      return model;
    }
  };
}
function createDocumentRenderer(opts, maxChars, done) {
  const viewer = createEventViewer({ summaryChars: 80, maxToolResultChars: opts.maxToolResultChars });
  const blocks = [];
  let chars = 0;
  let label = null;
  const push = (...bs) => {
    for (const b of bs) {
      chars += blockChars(b);
      if (chars > maxChars) {
        throw new BatonError(
          "too_large",
          `this session is too large for a PDF or Word export (over ${maxChars.toLocaleString("en-US")} characters); export it as md, html or txt instead`,
          { details: { limitChars: maxChars } }
        );
      }
      blocks.push(b);
    }
  };
  const assistant = () => {
    if (label !== "assistant") push({ kind: "label", text: "Assistant", tone: "assistant" });
    label = "assistant";
  };
  const event = (e, section) => {
    const v2 = viewer.view(e, section.kind === "sidechain");
    switch (v2.kind) {
      case "prompt":
        label = "user";
        push({ kind: "label", text: v2.sidechain ? "Prompt" : "User", tone: "user" });
        if (v2.command !== void 0) push({ kind: "paragraph", runs: [{ text: v2.command, code: true }] });
        if (v2.body) push(...markdownBlocks(v2.body));
        return;
      case "text":
        assistant();
        push(...markdownBlocks(v2.text));
        return;
      case "thinking":
        assistant();
        push({ kind: "label", text: "Thinking", tone: "thinking" });
        push(...markdownBlocks(v2.text).map(italic));
        return;
      case "tool_call":
        assistant();
        push({
          kind: "label",
          text: `Tool call: ${v2.name}${v2.summary ? ` — ${v2.summary}` : ""}`,
          tone: "tool"
        });
        push({ kind: "code", text: v2.input });
        return;
      case "tool_result":
        push({
          kind: "label",
          text: `${v2.isError ? "Error from" : "Result from"} ${v2.toolName}`,
          tone: v2.isError ? "error" : "result"
        });
        push({ kind: "code", text: v2.content });
        return;
      case "system":
        label = null;
        push({ kind: "label", text: `System (${v2.label})`, tone: "system" });
        push(...markdownBlocks(v2.text));
        return;
    }
  };
  return {
    open(section) {
      label = null;
      if (section.kind === "turn") {
        push({ kind: "heading", level: 1, text: `Turn ${section.turn.index + 1}` });
        return;
      }
      const id = section.sidechain.toolUseId;
      const call = id === void 0 ? void 0 : viewer.spawningCall(id)?.label;
      const by = id === void 0 ? "" : ` (spawned by ${call ? `${call} ` : ""}${id})`;
      push({ kind: "heading", level: 1, text: `Subagent ${section.sidechain.agentId}${by}` });
    },
    event,
    comments(thread) {
      push(...commentBlocks(thread));
      label = null;
    },
    close() {
    },
    finish(meta, totals, extra) {
      const head2 = opts.meta ?? meta;
      const top = headerBlocks(head2, opts.totals ?? totals, extra.redaction ?? opts.redaction);
      const skips = skipRows(extra.stats);
      const tail = skips.length ? [
        { kind: "heading", level: 1, text: "Skipped while reading the transcript" },
        { kind: "fields", rows: skips }
      ] : [];
      done({
        title: top[0].kind === "title" ? top[0].text : head2.id,
        subtitle: `Baton session export · ${head2.id}`,
        blocks: [...top, ...blocks, ...tail]
      });
    }
  };
}
function commentItem(c, depth) {
  const r = reactionsText(c.reactions, true);
  return {
    kind: "item",
    marker: depth === 0 ? "•" : "–",
    depth,
    runs: [
      { text: c.author, bold: true },
      { text: ` · ${commentTime(c.createdAt)}${r ? ` · ${r}` : ""}: `, italic: true },
      // Word runs drop line breaks; one paragraph per comment reads the same in both documents.
      { text: c.text.replace(/\s*\n\s*/g, " ") }
    ]
  };
}
function commentBlocks(t) {
  const r = reactionsText(t.reactions, true);
  const out = [{ kind: "label", text: `Comments${r ? ` · reactions: ${r}` : ""}`, tone: "meta" }];
  for (const c of t.comments) out.push(commentItem(c, 0), ...c.replies.map((x2) => commentItem(x2, 1)));
  return out;
}
function italic(b) {
  return b.kind === "paragraph" || b.kind === "item" ? { ...b, runs: b.runs.map((r) => ({ ...r, italic: true })) } : b;
}
var MAX_DOCUMENT_CHARS;
var init_build = __esm({
  "src/core/export/documents/build.ts"() {
    "use strict";
    init_errors();
    init_event_view();
    init_create_exporter();
    init_summary_rows();
    init_comments();
    init_header();
    init_markdown_blocks();
    init_model();
    MAX_DOCUMENT_CHARS = 5e6;
  }
});

// src/core/export/documents/load.ts
function loadWriters() {
  const fromSource = import.meta.url.endsWith(".ts");
  const target = fromSource ? "./writers.ts" : "./export-docs.js";
  loaded ??= import(new URL(target, import.meta.url).href);
  return loaded;
}
var loaded;
var init_load = __esm({
  "src/core/export/documents/load.ts"() {
    "use strict";
  }
});

// src/core/export/documents/index.ts
async function exportTranscriptDocument(transcriptPath, format, gate, opts = {}) {
  const { exporter, model } = createDocumentExporter({
    gate,
    ...opts.comments ? { comments: opts.comments } : {}
  });
  const writers = loadWriters();
  writers.catch(() => {
  });
  const { meta, totals, stats } = await gate.streamSession(
    transcriptPath,
    (e, ctx) => exporter.event(e, ctx),
    {
      subagents: true
    }
  );
  const redaction = exporter.finish(meta, totals, { stats });
  const bytes = await (await writers).writeDocument(model(), format, opts);
  return { meta, totals, stats, redaction, bytes };
}
var init_documents = __esm({
  "src/core/export/documents/index.ts"() {
    "use strict";
    init_render_session();
    init_build();
    init_load();
    init_build();
  }
});

// src/core/pipeline/export-transcript.ts
async function exportTranscript(transcriptPath, format, write, gate, opts = {}) {
  const exporter = createExporter(format, write, { ...opts, gate });
  const { meta, totals, stats } = await gate.streamSession(
    transcriptPath,
    (event, ctx) => exporter.event(event, ctx),
    {
      subagents: true
    }
  );
  const redaction = exporter.finish(meta, totals, { stats });
  return { meta, totals, stats, redaction };
}
var init_export_transcript = __esm({
  "src/core/pipeline/export-transcript.ts"() {
    "use strict";
    init_export();
  }
});

// src/core/transcript/session-from-records.ts
var init_session_from_records = __esm({
  "src/core/transcript/session-from-records.ts"() {
    "use strict";
    init_collect_session();
    init_session_run();
  }
});

// src/core/transcript/index.ts
var init_transcript = __esm({
  "src/core/transcript/index.ts"() {
    "use strict";
    init_stream_session();
    init_load_session();
    init_session_from_records();
    init_read_records();
    init_read_stats();
    init_locate();
  }
});

// src/export/resolve-transcript.ts
import { existsSync, statSync as statSync2 } from "node:fs";
import { isAbsolute, resolve as resolve2 } from "node:path";
async function resolveTranscript(ref, where) {
  if (ref !== void 0 && ref !== "") {
    const looksLikePath = ref.endsWith(".jsonl") || ref.includes("/") || isAbsolute(ref);
    const asPath = resolve2(where.cwd, ref);
    if (looksLikePath || existsSync(asPath)) {
      if (!existsSync(asPath) || !statSync2(asPath).isFile()) {
        throw new BatonError("not_found", `no transcript file at ${asPath}`);
      }
      return asPath;
    }
    const found = await findTranscriptById(ref, where.claudeConfigDir);
    if (!found) {
      throw new BatonError("not_found", `no session "${ref}" under ${projectsDir(where.claudeConfigDir)}`);
    }
    return found;
  }
  const newest = await newestTranscript(where.claudeConfigDir, where.cwd);
  if (!newest) {
    throw new BatonError(
      "not_found",
      `no Claude Code sessions found under ${projectsDir(where.claudeConfigDir)} (set CLAUDE_CONFIG_DIR if they live elsewhere)`
    );
  }
  return typeof newest === "string" ? newest : newest.path;
}
var init_resolve_transcript = __esm({
  "src/export/resolve-transcript.ts"() {
    "use strict";
    init_errors();
    init_transcript();
  }
});

// src/export/load-comments.ts
function loadSessionComments() {
  const fromSource = import.meta.url.endsWith(".ts");
  const target = fromSource ? "./session-comments.ts" : "./export-comments.js";
  loaded2 ??= import(new URL(target, import.meta.url).href);
  return loaded2;
}
async function exportComments(tracker, sessionId, warn) {
  let mod;
  try {
    mod = await loadSessionComments();
  } catch (err) {
    warn(
      `warning: --comments: this build cannot read comments (${err instanceof Error ? err.message : String(err)}); the export is written without comments`
    );
    return void 0;
  }
  return mod.fetchExportComments(tracker, sessionId, warn);
}
var loaded2;
var init_load_comments = __esm({
  "src/export/load-comments.ts"() {
    "use strict";
  }
});

// src/export/sink.ts
import { closeSync as closeSync2, existsSync as existsSync2, linkSync, openSync as openSync2, renameSync, unlinkSync, writeSync } from "node:fs";
import { dirname as dirname3, basename as basename3, join as join5 } from "node:path";
function writeAll(fd, buf, len = buf.length) {
  let off = 0;
  while (off < len) {
    try {
      off += writeSync(fd, buf, off, len - off);
    } catch (err) {
      if (err.code !== "EAGAIN") throw err;
    }
  }
}
function buffered(fd) {
  const buf = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  const flush = () => {
    if (used > 0) writeAll(fd, buf, used);
    used = 0;
  };
  return {
    write(chunk) {
      const worst = chunk.length * MAX_BYTES_PER_UNIT;
      if (worst > BUFFER_BYTES - used) {
        flush();
        if (worst > BUFFER_BYTES) {
          writeAll(fd, Buffer.from(chunk, "utf8"));
          return;
        }
      }
      used += buf.write(chunk, used, "utf8");
    },
    bytes(chunk) {
      flush();
      writeAll(fd, Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    },
    flush
  };
}
function stringSink() {
  const chunks = [];
  let text = null;
  return {
    write: (c) => void chunks.push(c),
    bytes: () => {
      throw new BatonError("invalid_input", "a PDF or Word export needs a file (or stdout), not a string");
    },
    commit: () => void (text = chunks.join("")),
    abort: () => void (chunks.length = 0),
    text: () => text ?? chunks.join("")
  };
}
function stdoutSink() {
  const out = buffered(1);
  return {
    write: (c) => out.write(c),
    bytes: (c) => out.bytes(c),
    commit: () => out.flush(),
    abort: () => out.flush()
  };
}
function fileSink(target, opts) {
  if (!opts.force && existsSync2(target)) {
    throw new BatonError("already_exists", `${target} already exists; pass --force to overwrite it`);
  }
  const tmp = join5(dirname3(target), `.${basename3(target)}.${process.pid}.tmp`);
  let fd;
  try {
    fd = openSync2(tmp, "w", 420);
  } catch (err) {
    throw new BatonError("io", `cannot write ${target}: ${err.message}`, { cause: err });
  }
  const out = buffered(fd);
  let closed = false;
  const close = () => {
    if (!closed) closeSync2(fd);
    closed = true;
  };
  return {
    write: (c) => out.write(c),
    bytes: (c) => out.bytes(c),
    commit() {
      out.flush();
      close();
      if (opts.force) {
        renameSync(tmp, target);
        return;
      }
      try {
        linkSync(tmp, target);
      } catch (err) {
        unlinkSync(tmp);
        if (err.code === "EEXIST") {
          throw new BatonError("already_exists", `${target} already exists; pass --force to overwrite it`);
        }
        throw new BatonError("io", `cannot write ${target}: ${err.message}`, { cause: err });
      }
      unlinkSync(tmp);
    },
    abort() {
      close();
      try {
        unlinkSync(tmp);
      } catch {
      }
    }
  };
}
var BUFFER_BYTES, MAX_BYTES_PER_UNIT;
var init_sink = __esm({
  "src/export/sink.ts"() {
    "use strict";
    init_errors();
    BUFFER_BYTES = 1 << 20;
    MAX_BYTES_PER_UNIT = 3;
  }
});

// src/export/export-session.ts
import { join as join6, resolve as resolve3 } from "node:path";
async function exportSession(env, input) {
  const transcriptPath = await resolveTranscript(input.ref, {
    cwd: env.cwd,
    claudeConfigDir: env.claudeConfigDir
  });
  if (!input.redact) env.warn(REDACTION_OFF_WARNING);
  const comments = input.comments ? await exportComments(env.tracker, sessionIdOf(transcriptPath), env.warn) : void 0;
  const opts = comments ? { comments } : {};
  const to = input.to;
  const path = to.kind === "file" ? filePath(env.cwd, transcriptPath, to.path, input.format) : null;
  const strings = to.kind === "string" ? stringSink() : null;
  const sink = to.kind === "file" ? fileSink(path, { force: to.force }) : strings ?? stdoutSink();
  try {
    const gate = openEgressGate({ dataDir: env.dataDir, redact: input.redact });
    const format = input.format;
    const result = isDocumentFormat(format) ? await exportTranscriptDocument(transcriptPath, format, gate, opts).then(({ bytes, ...r }) => {
      sink.bytes(bytes);
      return r;
    }) : await exportTranscript(transcriptPath, format, (c) => sink.write(c), gate, opts);
    sink.commit();
    return {
      ...result,
      format: input.format,
      transcriptPath,
      path,
      ...strings ? { text: strings.text() } : {},
      redacting: input.redact,
      comments: comments ? countComments(comments) : null
    };
  } catch (err) {
    sink.abort();
    throw err;
  }
}
function sessionIdOf(transcriptPath) {
  return transcriptPath.replace(/^.*[/\\]/, "").replace(/\.jsonl$/, "");
}
function filePath(cwd, transcriptPath, given, format) {
  if (given !== void 0) return resolve3(cwd, given);
  const id = transcriptPath.replace(/^.*\//, "").replace(/\.jsonl$/, "").slice(0, 8);
  return join6(cwd, `session-${id}.${formatExtension(format)}`);
}
function describeExport(r) {
  const where = r.path ?? (r.text !== void 0 ? "a string" : "stdout");
  const redacted = `; ${describeRedaction(r.redaction, r.redacting)}`;
  const comments = r.comments === null ? "" : `; with ${r.comments} comment(s)`;
  return `Exported session ${r.meta.id} (${r.totals.turns} turns, ${r.totals.toolCalls} tool calls) as ${r.format} to ${where}${redacted}${comments}`;
}
var REDACTION_OFF_WARNING;
var init_export_session = __esm({
  "src/export/export-session.ts"() {
    "use strict";
    init_egress2();
    init_egress();
    init_export();
    init_documents();
    init_export_transcript();
    init_resolve_transcript();
    init_load_comments();
    init_sink();
    REDACTION_OFF_WARNING = "warning: redaction is off (--no-redact): secrets in this session are written as-is";
  }
});

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseFlags(argv, options, command) {
  try {
    const config = {
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true
    };
    return parseArgs(config);
  } catch (err) {
    const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new BatonError("invalid_input", `${command}: ${message} (see baton ${command} --help)`);
  }
}
function oneOf(value, allowed, flag) {
  if (value === void 0) return void 0;
  if (allowed.includes(value)) return value;
  throw new BatonError("invalid_input", `${flag} must be one of ${allowed.join(", ")} (got "${value}")`);
}
var init_args = __esm({
  "src/cli/args.ts"() {
    "use strict";
    init_errors();
  }
});

// src/cli/command.ts
function defineCommand(spec) {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(argv, ctx) {
      const flags = parseFlags(argv, spec.options, spec.name);
      if (spec.positionals && flags.positionals.length > spec.positionals.max)
        throw new BatonError("invalid_input", spec.positionals.tooMany);
      return spec.run(flags, ctx);
    }
  };
}
var init_command = __esm({
  "src/cli/command.ts"() {
    "use strict";
    init_errors();
    init_args();
  }
});

// src/cli/commands/export.ts
var export_exports = {};
__export(export_exports, {
  destination: () => destination,
  exportCommand: () => exportCommand,
  exportEnv: () => exportEnv,
  refuseBinaryToTerminal: () => refuseBinaryToTerminal
});
function exportEnv(ctx, cwd = ctx.io.cwd) {
  return {
    cwd,
    claudeConfigDir: ctx.claudeConfigDir,
    dataDir: ctx.config.dataDir,
    warn: (m) => ctx.io.err(`${m}
`),
    tracker: ctx.config
  };
}
function destination(out, force) {
  return out === "-" ? { kind: "stdout" } : { kind: "file", ...out !== void 0 ? { path: out } : {}, force };
}
function refuseBinaryToTerminal(format, out, ctx) {
  if (out === "-" && isDocumentFormat(format) && ctx.io.isTty) {
    throw new BatonError(
      "invalid_input",
      `a ${format} export is binary: give --out FILE, or pipe stdout to a file or program`
    );
  }
}
var HELP, exportCommand;
var init_export2 = __esm({
  "src/cli/commands/export.ts"() {
    "use strict";
    init_errors();
    init_export();
    init_export_session();
    init_args();
    init_command();
    HELP = `Usage: baton export [<session-id>|<transcript.jsonl>] [options]

Exports a Claude Code session. With no session given, exports the newest session of the current directory.

Options:
  --format, -f md|json|html|txt|pdf|docx
                                  output format (default: md)
  --out, -o FILE|-                where to write; "-" is stdout (default: ./session-<id>.<ext>)
  --session ID                    same as the positional session id
  --force                         overwrite an existing file
  --no-redact                     keep secrets as they are (redaction is on by default)
  --comments                      add each event's comments and reactions, read from the configured tracker
                                  (redacted like the rest); without a tracker that has the session, a warning
                                  is printed on stderr and the export is written without them (exit 0)
  --json                          print the result summary as JSON
  -h, --help                      show this help
`;
    exportCommand = defineCommand({
      name: "export",
      summary: "export a session as md, json, html, txt, pdf or docx",
      help: HELP,
      options: {
        format: { type: "string", short: "f" },
        out: { type: "string", short: "o" },
        session: { type: "string" },
        force: { type: "boolean" },
        "no-redact": { type: "boolean" },
        comments: { type: "boolean" },
        json: { type: "boolean" }
      },
      positionals: { max: 1, tooMany: "export takes at most one session id or transcript path" },
      async run({ values, positionals }, ctx) {
        const format = oneOf(values.format, EXPORT_FORMATS, "--format") ?? "md";
        refuseBinaryToTerminal(format, values.out, ctx);
        const outcome = await exportSession(exportEnv(ctx), {
          ref: values.session ?? positionals[0],
          format,
          to: destination(values.out, Boolean(values.force)),
          redact: !values["no-redact"],
          comments: Boolean(values.comments)
        });
        const summary = values.json ? JSON.stringify({
          sessionId: outcome.meta.id,
          format,
          out: outcome.path ?? "-",
          totals: outcome.totals,
          redaction: outcome.redaction,
          ...values.comments ? { comments: outcome.comments } : {}
        }) : describeExport(outcome);
        if (outcome.path === null) ctx.io.err(`${summary}
`);
        else ctx.io.out(`${summary}
`);
        return 0;
      }
    });
  }
});

// src/cli/program.ts
init_errors();
import { readdirSync as readdirSync2, statSync as statSync3 } from "node:fs";
import { join as join10 } from "node:path";

// src/cli/commands/export-only.ts
var commands = [
  { name: "export", load: async () => (await Promise.resolve().then(() => (init_export2(), export_exports))).exportCommand }
];

// src/cli/invocation.ts
import { join as join9 } from "node:path";
import { readFileSync as readFileSync4 } from "node:fs";

// src/core/config/env-values.ts
function envValue(env, name) {
  const raw = env[name];
  if (raw === void 0) return void 0;
  const v2 = raw.trim();
  if (v2 === "" || /^\$\{[^}]*\}$/.test(v2)) return void 0;
  return v2;
}
var TRUE = /* @__PURE__ */ new Set(["1", "true", "yes", "on"]);
var FALSE = /* @__PURE__ */ new Set(["0", "false", "no", "off"]);
function envFlag(env, name) {
  const v2 = envValue(env, name)?.toLowerCase();
  if (v2 === void 0) return void 0;
  if (TRUE.has(v2)) return true;
  if (FALSE.has(v2)) return false;
  return void 0;
}

// src/core/config/data-dir.ts
import { isAbsolute as isAbsolute2, join as join7, resolve as resolve4 } from "node:path";
function isDisabled(env) {
  return envFlag(env, "BATON_DISABLE") === true;
}
function resolveDataDir(env, homedir2) {
  const explicit = envValue(env, "BATON_DATA_DIR");
  if (explicit) return { dataDir: resolve4(explicit), source: "BATON_DATA_DIR" };
  const plugin = envValue(env, "CLAUDE_PLUGIN_DATA");
  if (plugin) return { dataDir: resolve4(plugin), source: "CLAUDE_PLUGIN_DATA" };
  const xdg = envValue(env, "XDG_STATE_HOME");
  if (xdg && isAbsolute2(xdg)) return { dataDir: join7(xdg, "baton"), source: "XDG_STATE_HOME" };
  return { dataDir: join7(homedir2, ".local", "state", "baton"), source: "default" };
}
function homedirFrom(env, fallback) {
  return envValue(env, "HOME") ?? envValue(env, "USERPROFILE") ?? fallback();
}

// src/core/config/resolve-config.ts
import { homedir as osHomedir } from "node:os";
import { isAbsolute as isAbsolute3, join as join8, resolve as resolve5 } from "node:path";
import { readFileSync as readFileSync3 } from "node:fs";
var defaultConfigIo = (env = process.env) => ({
  readFile: (path) => {
    try {
      return readFileSync3(path, "utf8");
    } catch {
      return null;
    }
  },
  homedir: homedirFrom(env, osHomedir)
});
function configFilePath(env, homedir2) {
  const explicit = envValue(env, "BATON_CONFIG");
  if (explicit) return resolve5(explicit);
  const xdg = envValue(env, "XDG_CONFIG_HOME");
  const base = xdg && isAbsolute3(xdg) ? xdg : join8(homedir2, ".config");
  return join8(base, "baton", "config.json");
}
function claudeConfigDir(env, homedir2) {
  const explicit = envValue(env, "CLAUDE_CONFIG_DIR");
  return explicit ? resolve5(explicit) : join8(homedir2, ".claude");
}
function resolveConfig(env, io = defaultConfigIo(env)) {
  const problems = [];
  const { dataDir, source: dataDirSource } = resolveDataDir(env, io.homedir);
  const configFile = configFilePath(env, io.homedir);
  const claudeDir = claudeConfigDir(env, io.homedir);
  const file = readConfigFile(io, configFile, problems);
  const candidates = [
    { url: envValue(env, "BATON_URL"), apiKey: envValue(env, "BATON_API_KEY"), source: "env" },
    {
      url: envValue(env, "CLAUDE_PLUGIN_OPTION_TRACKER_URL"),
      apiKey: envValue(env, "CLAUDE_PLUGIN_OPTION_API_KEY"),
      source: "plugin-option"
    },
    { url: nonBlank(file.url), apiKey: nonBlank(file.apiKey), source: "config-file" }
  ];
  let url = pickUrl(candidates, problems);
  let key = pickKey(candidates);
  if (!url || !key) {
    const settings = readPromptflowSettings(io, join8(claudeDir, "settings.json"), problems);
    const late = [
      { ...settings, source: "claude-settings" },
      { apiKey: envValue(env, "CLAUDE_CODE_API_TOKEN"), source: "claude-code-token" }
    ];
    url ??= pickUrl(late, problems);
    key ??= pickKey(late);
  }
  const config = {
    disabled: isDisabled(env),
    dataDir,
    dataDirSource,
    configFile,
    claudeConfigDir: claudeDir,
    ...url ? { trackerUrl: url.value, trackerUrlSource: url.source } : {},
    ...key ? { apiKey: key.value, apiKeySource: key.source } : {},
    autoSync: envFlag(env, "BATON_AUTO_SYNC") ?? file.autoSync ?? true,
    redact: envFlag(env, "BATON_REDACT") ?? file.redact ?? true,
    allowInsecure: envFlag(env, "BATON_ALLOW_INSECURE") ?? file.allowInsecure ?? false,
    syncIgnore: Object.freeze(file.syncIgnore ?? []),
    problems: Object.freeze(problems)
  };
  return Object.freeze(config);
}
function pickUrl(candidates, problems) {
  for (const c of candidates) {
    if (!c.url) continue;
    const url = normalizeTrackerUrl(c.url);
    if (url) return { value: url, source: c.source };
    problems.push(`ignored tracker URL from ${c.source}: not an http(s) URL`);
  }
  return void 0;
}
function pickKey(candidates) {
  for (const c of candidates) if (c.apiKey) return { value: c.apiKey, source: c.source };
  return void 0;
}
function normalizeTrackerUrl(raw) {
  let parsed2;
  try {
    parsed2 = new URL(raw.trim());
  } catch {
    return null;
  }
  if (parsed2.protocol !== "http:" && parsed2.protocol !== "https:") return null;
  if (parsed2.search || parsed2.hash) return null;
  return parsed2.href.replace(/\/+$/, "");
}
function nonBlank(v2) {
  return typeof v2 === "string" && v2.trim() !== "" ? v2.trim() : void 0;
}
function readJsonObject(io, path, problems) {
  const text = io.readFile(path);
  if (text === null || text.trim() === "") return null;
  try {
    const parsed2 = JSON.parse(text);
    if (parsed2 && typeof parsed2 === "object" && !Array.isArray(parsed2))
      return parsed2;
  } catch {
  }
  problems.push(`ignored ${path}: not a JSON object`);
  return null;
}
function readConfigFile(io, path, problems = []) {
  const raw = readJsonObject(io, path, problems);
  if (!raw) return {};
  const out = {};
  const url = nonBlank(raw.url);
  const apiKey = nonBlank(raw.apiKey);
  if (url) out.url = url;
  if (apiKey) out.apiKey = apiKey;
  if (typeof raw.autoSync === "boolean") out.autoSync = raw.autoSync;
  if (typeof raw.redact === "boolean") out.redact = raw.redact;
  if (typeof raw.allowInsecure === "boolean") out.allowInsecure = raw.allowInsecure;
  if (Array.isArray(raw.syncIgnore))
    out.syncIgnore = raw.syncIgnore.filter((v2) => typeof v2 === "string" && v2 !== "");
  return out;
}
function readPromptflowSettings(io, path, problems) {
  const settings = readJsonObject(io, path, problems);
  const pf = settings?.promptflow;
  if (!pf || typeof pf !== "object" || Array.isArray(pf)) return {};
  const { url, apiKey } = pf;
  return { url: nonBlank(url), apiKey: nonBlank(apiKey) };
}

// src/core/config/write-config-file.ts
init_errors();
init_write_atomic();

// src/cli/invocation.ts
function createContext(io) {
  const config = resolveConfig(io.env, {
    homedir: io.home,
    readFile: (path) => {
      try {
        return readFileSync4(path, "utf8");
      } catch {
        return null;
      }
    }
  });
  return Object.freeze({ io, config, claudeConfigDir: io.env.CLAUDE_CONFIG_DIR || join9(io.home, ".claude") });
}

// src/cli/program.ts
var VERSION2 = "0.1.0";
async function usage() {
  const loaded3 = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded3.map((c) => c.name.length));
  const lines = loaded3.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `baton ${VERSION2}: capture, export, share and hand off Claude Code sessions

Usage: baton <command> [options]

Commands:
${lines.join("\n")}

Run \`baton <command> --help\` for a command's options.
`;
}
async function runCli(argv, rawIo) {
  const { argv: args, io } = applyGlobalFlags(argv, rawIo);
  const [name, ...rest] = args;
  if (name === void 0 || name === "--help" || name === "-h" || name === "help") {
    io.out(await usage());
    return name === void 0 ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.out(`${VERSION2}
`);
    return 0;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`baton: unknown command "${name}". Run baton --help for the list.
`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(command.help.endsWith("\n") ? command.help : `${command.help}
`);
    return 0;
  }
  try {
    return await command.run(rest, createContext(io));
  } catch (err) {
    io.err(`baton ${name}: ${describeError(err)}
`);
    return isBatonError(err) && err.code === "invalid_input" ? 2 : 1;
  }
}
function applyGlobalFlags(argv, io) {
  let rest = argv;
  let pluginData;
  while (rest[0] === "--plugin-data" && rest.length >= 2) {
    const value = rest[1];
    if (value !== "" && !value.startsWith("${")) pluginData = value;
    rest = rest.slice(2);
  }
  if (io.env.BATON_DATA_DIR || io.env.CLAUDE_PLUGIN_DATA) return { argv: rest, io };
  pluginData ??= findPluginDataDir(io.env.CLAUDE_CONFIG_DIR || join10(io.home, ".claude"));
  return { argv: rest, io: pluginData ? { ...io, env: { ...io.env, CLAUDE_PLUGIN_DATA: pluginData } } : io };
}
function findPluginDataDir(claudeConfigDir2) {
  const base = join10(claudeConfigDir2, "plugins", "data");
  try {
    const dirs = readdirSync2(base).filter((d) => d === "baton" || d.startsWith("baton-")).map((d) => ({ path: join10(base, d), mtime: statSync3(join10(base, d)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
    return dirs[0]?.path;
  } catch {
    return void 0;
  }
}
function describeError(err) {
  if (isBatonError(err)) return err.message;
  if (err instanceof Error) {
    const code2 = err.code;
    return code2 ? `${err.message} (${code2})` : err.message;
  }
  return String(err);
}

// src/cli/io.ts
import { homedir } from "node:os";
function processIo() {
  return {
    env: process.env,
    cwd: process.cwd(),
    home: homedir(),
    stdin: process.stdin,
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    isTty: Boolean(process.stdout.isTTY)
  };
}

// src/cli/cli-main.ts
runCli(process.argv.slice(2), processIo()).then(
  (code2) => {
    process.exitCode = code2;
  },
  (err) => {
    process.stderr.write(`baton: internal error: ${err instanceof Error ? err.message : String(err)}
`);
    process.exitCode = 70;
  }
);
