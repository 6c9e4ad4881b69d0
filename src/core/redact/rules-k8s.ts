// The Kubernetes Secret rule: every value under `data:` / `stringData:` of a `kind: Secret` manifest goes.
import { isPlaceholder, tag, type Rule } from './rule.js';

/** How far around `data:` the manifest's `kind: Secret` may be (kind usually comes first, sometimes after). */
const KIND_WINDOW = 4096;
const KIND_SECRET_YAML = /(?:^|\n)[ \t-]*kind:[ \t]*["']?Secret["']?[ \t]*(?:\r?\n|$)/;
const KIND_SECRET_JSON = /"kind"[ \t]*:[ \t]*"Secret"/;
/** `data:` opens a block mapping: nothing but spaces on the rest of the line. */
const YAML_OPEN = /data:[ \t]*\r?\n/iy;
/** One `key: value` entry, indented more than `data:`; block scalars (`|`, `>`) are followed by deeper lines. */
const YAML_ENTRY = /([ \t]+)([A-Za-z0-9._-]{1,253}):[ \t]*([^\r\n]*)(\r?\n|$)/y;
/** `"data": { "key": "value", … }` from `kubectl get secret -o json`. */
const JSON_BODY = /data"[ \t]*:[ \t]*\{([^{}]{0,65536})\}/y;
const JSON_ENTRY = /("[^"\\]{1,253}"[ \t]*:[ \t]*")((?:[^"\\]|\\.){1,65536})"/g;
const MAX_ENTRIES = 256;

function nearSecretKind(text: string, at: number, json: boolean): boolean {
  const around = text.slice(Math.max(0, at - KIND_WINDOW), at + KIND_WINDOW);
  return (json ? KIND_SECRET_JSON : KIND_SECRET_YAML).test(around);
}

function matchYaml(text: string, at: number): { end: number; replacement: string; counted: string[] } | null {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  // `data:` or `stringData:` alone on its line, after indentation only.
  const before = text.slice(lineStart, at);
  if (!/^[ \t]*(?:string)?$/i.test(before)) return null;
  YAML_OPEN.lastIndex = at;
  if (!YAML_OPEN.test(text) || !nearSecretKind(text, at, false)) return null;
  const own = before.replace(/string$/i, '').length;
  let p = YAML_OPEN.lastIndex;
  let out = text.slice(at, p);
  const counted: string[] = [];
  for (let n = 0; n < MAX_ENTRIES; n++) {
    YAML_ENTRY.lastIndex = p;
    const m = YAML_ENTRY.exec(text);
    if (m === null || m[1]!.length <= own) break;
    const [, indent, key, rawValue, eol] = m;
    let value = rawValue!.trim();
    const next = YAML_ENTRY.lastIndex;
    if (value === '|' || value === '>' || /^[|>][-+]?$/.test(value)) {
      // A block scalar: the deeper-indented lines that follow are the value.
      let q = next;
      while (q < text.length) {
        const nl = text.indexOf('\n', q);
        const line = text.slice(q, nl < 0 ? text.length : nl);
        if (line.trim() !== '' && line.search(/\S/) <= indent!.length) break;
        q = nl < 0 ? text.length : nl + 1;
      }
      out += `${indent}${key}: ${value}\n${indent}  ${tag('k8s-secret')}\n`;
      counted.push('k8s-secret');
      p = q;
      continue;
    }
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    if (value.length > 0 && !isPlaceholder(value)) {
      out += `${indent}${key}: ${quoted ? quoted[1] + tag('k8s-secret') + quoted[1] : tag('k8s-secret')}${eol}`;
      counted.push('k8s-secret');
    } else out += m[0];
    p = next;
  }
  return counted.length === 0 ? null : { end: p, replacement: out, counted };
}

function matchJson(text: string, at: number): { end: number; replacement: string; counted: string[] } | null {
  if (text[at - 1] !== '"') return null;
  JSON_BODY.lastIndex = at;
  const m = JSON_BODY.exec(text);
  if (m === null || !nearSecretKind(text, at, true)) return null;
  const counted: string[] = [];
  const body = m[1]!.replace(JSON_ENTRY, (entry: string, head: string, value: string) => {
    if (isPlaceholder(value)) return entry;
    counted.push('k8s-secret');
    return `${head}${tag('k8s-secret')}"`;
  });
  if (counted.length === 0) return null;
  return {
    end: JSON_BODY.lastIndex,
    replacement: `${m[0].slice(0, m[0].indexOf('{') + 1)}${body}}`,
    counted,
  };
}

export const k8sSecret: Rule = {
  name: 'k8s-secret',
  triggers: ['data:', 'data"'],
  match: (text, at) => (text[at + 4] === ':' ? matchYaml(text, at) : matchJson(text, at)),
};
