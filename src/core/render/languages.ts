// File extension → highlight.js language: a fixed table, so a class name never comes from session text.

/** Names every surface's highlighter registers (the tracker's and the HTML export's); nothing else is returned. */
const EXT_LANG: Readonly<Record<string, string>> = {
  sh: 'bash',
  bash: 'bash',
  zsh: 'bash',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  hpp: 'cpp',
  cxx: 'cpp',
  css: 'css',
  diff: 'diff',
  patch: 'diff',
  go: 'go',
  java: 'java',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  json: 'json',
  jsonl: 'json',
  md: 'markdown',
  py: 'python',
  rs: 'rust',
  sql: 'sql',
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  html: 'xml',
  htm: 'xml',
  xml: 'xml',
  svg: 'xml',
  vue: 'xml',
  yml: 'yaml',
  yaml: 'yaml',
};

/** `table[key]` for own keys only: an extension or fence info of `constructor` must not reach Object.prototype. */
export function ownValue(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A language for a file path's extension, if the table has one. */
export function languageForPath(path: string): string | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m ? ownValue(EXT_LANG, (m[1] as string).toLowerCase()) : undefined;
}

/** The table's value for a bare extension or alias (`ts`, `yml`), if any. */
export function languageForExtension(ext: string): string | undefined {
  return ownValue(EXT_LANG, ext.toLowerCase());
}
