// Rules for passwords on command lines: `mysql -p<pass>`, `--password <pass>`, `curl -u user:pass`, `sshpass -p`.
import { hasDigit, isPlaceholder, tag, type Rule } from './rule.js';

/** A flag's argument: quoted (quotes kept) or a bare word up to whitespace or a shell operator. */
const ARG = `(?:'([^'\\n]{1,256})'|"([^"\\n]{1,256})"|([^\\s'"\`;&|<>()]{1,256}))`;

/** The argument the regex captured, and where it sits; quotes around it stay in the output. */
function argOf(m: RegExpExecArray): { value: string; group: number } | null {
  for (const group of [1, 2, 3]) if (m[group] !== undefined) return { value: m[group]!, group };
  return null;
}

/** A rule for `<flag><arg>` that only counts when the line runs one of `commands` (looked for before the flag). */
function flagRule(spec: {
  triggers: readonly string[];
  flag: string;
  commands: RegExp;
  accept: (value: string) => boolean;
}): Rule {
  const re = new RegExp(`${spec.flag}${ARG}`, 'yd');
  return {
    name: 'cli-password',
    triggers: spec.triggers,
    match(text, at) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m === null) return null;
      const arg = argOf(m);
      if (arg === null || !spec.accept(arg.value) || isPlaceholder(arg.value)) return null;
      const lineStart = text.lastIndexOf('\n', at) + 1;
      if (!spec.commands.test(text.slice(Math.max(lineStart, at - 512), at))) return null;
      const [start, stop] = m.indices![arg.group]!;
      return {
        end: re.lastIndex,
        replacement: text.slice(at, start) + tag('cli-password') + text.slice(stop, re.lastIndex),
      };
    },
  };
}

const MYSQL = /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlshow|mysqlsh|mariadb(?:-dump)?)\b/;

/**
 * `mysql -pS3cret`: the password is glued to `-p` (with a space, `-p` prompts and the next word is the database).
 * Only on a mysql line: `mkdir -p`, `ssh -p2222` and `docker -p8080:80` use the same letter for other things.
 */
export const mysqlPassword = flagRule({
  triggers: [' -p'],
  flag: ' -p',
  commands: MYSQL,
  accept: (v) => v.length >= 3 && !v.startsWith('-'),
});

/** `--password S3cret` (with `=`, the assignment rule already has it). Any tool; the value must not be prose. */
export const passwordFlag = flagRule({
  triggers: ['password'],
  flag: '(?<=--)password[ \\t]+',
  commands: /(?:^|[\s'"])--$/,
  accept: (v) => v.length >= 4 && !v.startsWith('-') && (hasDigit(v) || /[^A-Za-z]/.test(v)),
});

const USER_PASS = /^[^:\s]{1,128}:(.{1,256})$/s;
const userPassAccept = (v: string): boolean => {
  const pass = USER_PASS.exec(v)?.[1];
  return pass !== undefined && pass.length >= 3 && !isPlaceholder(pass) && !/^\d+$/.test(v.replace(':', ''));
};

/** `curl -u user:pass` / `--user user:pass` (also wget's and httpie's spellings): the whole pair goes. */
export const curlUser = flagRule({
  triggers: [' -u', '--user', '--http-user', ' -a '],
  flag: '(?: -u[ \\t]*|--(?:http-)?user[ \\t=]+| -a[ \\t]+)',
  commands: /\b(?:curl|wget|http|https|xh)\b/,
  accept: userPassAccept,
});

/** `sshpass -p <pass>` / `sshpass -p<pass>`: the flag names the tool, nothing to look for before it. */
export const sshpassPassword = flagRule({
  triggers: ['sshpass'],
  flag: 'sshpass(?:[ \\t]+-[ev])?[ \\t]+-p[ \\t]*',
  commands: /(?:)/,
  accept: (v) => v.length > 0,
});

export const cliRules: readonly Rule[] = [mysqlPassword, passwordFlag, curlUser, sshpassPassword];
