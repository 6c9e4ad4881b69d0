// Rules for passwords on command lines: `mysql -p<pass>`, `--password <pass>`, `curl -u user:pass`, `sshpass -p`.
import { hasDigit, isPlaceholder, tag, type NestedRedact, type Rule, type RuleHit } from './rule.js';

/** A flag's argument: quoted (quotes kept) or a bare word up to whitespace or a shell operator. */
const ARG = `(?:'([^'\\n]{1,256})'|"([^"\\n]{1,256})"|([^\\s'"\`;&|<>()]{1,256}))`;
const MAX_COMMAND = 2048;

/** The argument the regex captured, and where it sits; quotes around it stay in the output. */
function argOf(m: RegExpExecArray): { value: string; group: number } | null {
  for (const group of [1, 2, 3]) if (m[group] !== undefined) return { value: m[group]!, group };
  return null;
}

/** Where the command starting at `at` ends: the end of its line, following `\`-continued lines. */
function commandEnd(text: string, at: number): number {
  const limit = Math.min(text.length, at + MAX_COMMAND);
  let p = at;
  for (;;) {
    const nl = text.indexOf('\n', p);
    if (nl < 0 || nl >= limit) return limit;
    if (text[nl - 1] !== '\\' && !(text[nl - 1] === '\r' && text[nl - 2] === '\\')) return nl;
    p = nl + 1;
  }
}

/**
 * A password flag of one command (`mysql … -pS3cret`, `curl … -u user:pass`). The rule triggers on the command name
 * and looks for the flag on the rest of its command line: a trigger on `-p` itself would fire on every `mkdir -p`
 * and slow the whole scan. What it passes over on the way is still scanned for shaped secrets (`nested`).
 */
function commandFlagRule(spec: {
  commands: readonly string[];
  flag: string;
  accept: (value: string) => boolean;
}): Rule {
  const command = new RegExp(`(?:${spec.commands.join('|')})(?![A-Za-z0-9_-])`, 'iy');
  const flag = new RegExp(`(?<=\\s)${spec.flag}${ARG}`, 'gd');
  return {
    name: 'cli-password',
    triggers: spec.commands,
    match(text, at, nested): RuleHit | null {
      command.lastIndex = at;
      if (!command.test(text) || /[A-Za-z0-9_-]/.test(text[at - 1] ?? '')) return null;
      const line = text.slice(at, commandEnd(text, at));
      flag.lastIndex = 0;
      for (let m = flag.exec(line); m !== null; m = flag.exec(line)) {
        const arg = argOf(m);
        if (arg === null || !spec.accept(arg.value) || isPlaceholder(arg.value)) continue;
        const [start, stop] = m.indices![arg.group]!;
        return withNested(
          text.slice(at, at + start),
          nested,
          line.slice(stop, flag.lastIndex),
          at + flag.lastIndex,
        );
      }
      return null;
    },
  };
}

/** The hit for `<before>PASSWORD<after>`, with secrets in `before` redacted and counted as what they are. */
function withNested(before: string, nested: NestedRedact, after: string, end: number): RuleHit {
  const inner = nested(before);
  return {
    end,
    replacement: inner.text + tag('cli-password') + after,
    counted: [...inner.hits, 'cli-password'],
  };
}

/**
 * `mysql -pS3cret`: the password is glued to `-p` (with a space, `-p` prompts and the next word is the database).
 * Only for mysql tools: `mkdir -p`, `ssh -p2222` and `docker -p8080:80` use the same letter for other things.
 */
export const mysqlPassword = commandFlagRule({
  commands: [
    'mysql',
    'mysqldump',
    'mysqladmin',
    'mysqlimport',
    'mysqlcheck',
    'mysqlshow',
    'mysqlsh',
    'mariadb',
  ],
  flag: '-p',
  accept: (v) => v.length >= 3 && !v.startsWith('-'),
});

const USER_PASS = /^[^:\s]{1,128}:(.{1,256})$/s;

/** `curl -u user:pass` / `--user user:pass`: the whole pair goes. `-u user` alone (curl prompts) stays. */
export const curlUser = commandFlagRule({
  commands: ['curl'],
  flag: '(?:-u[ \\t]*|--user[ \\t=]+)',
  accept: (v) => {
    const pass = USER_PASS.exec(v)?.[1];
    return pass !== undefined && pass.length >= 3 && !isPlaceholder(pass);
  },
});

/** `--password S3cret` for any tool (with `=`, the assignment rule has it); the value must not read as prose. */
const PASSWORD_FLAG = new RegExp(`(?<=(?:^|[\\s'"])--)password[ \\t]+${ARG}`, 'yd');
export const passwordFlag: Rule = {
  name: 'cli-password',
  triggers: ['password'],
  match(text, at) {
    PASSWORD_FLAG.lastIndex = at;
    const m = PASSWORD_FLAG.exec(text);
    const arg = m && argOf(m);
    if (!m || !arg || arg.value.length < 4 || arg.value.startsWith('-') || isPlaceholder(arg.value))
      return null;
    if (!hasDigit(arg.value) && !/[^A-Za-z]/.test(arg.value)) return null;
    const [start, stop] = m.indices![arg.group]!;
    const end = PASSWORD_FLAG.lastIndex;
    return { end, replacement: text.slice(at, start) + tag('cli-password') + text.slice(stop, end) };
  },
};

/** `sshpass -p <pass>` / `sshpass -p<pass>`: the flag follows the command directly. */
const SSHPASS = new RegExp(`sshpass(?:[ \\t]+-[ev])?[ \\t]+-p[ \\t]*${ARG}`, 'yd');
export const sshpassPassword: Rule = {
  name: 'cli-password',
  triggers: ['sshpass'],
  match(text, at) {
    SSHPASS.lastIndex = at;
    const m = SSHPASS.exec(text);
    const arg = m && argOf(m);
    if (!m || !arg || isPlaceholder(arg.value)) return null;
    const [start, stop] = m.indices![arg.group]!;
    const end = SSHPASS.lastIndex;
    return { end, replacement: text.slice(at, start) + tag('cli-password') + text.slice(stop, end) };
  },
};

export const cliRules: readonly Rule[] = [mysqlPassword, passwordFlag, curlUser, sshpassPassword];
