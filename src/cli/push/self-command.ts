// The exact `node …/dist/cli.js --plugin-data …` prefix the slash commands tell the model to run. Claude Code sets
// CLAUDE_PLUGIN_ROOT for a command's `!` preamble but not inside the Bash tool (2.1.330, 2.1.332), so an instruction
// naming "$CLAUDE_PLUGIN_ROOT" fails there: this CLI prints its own resolved absolute paths instead.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/cli.js, absolute: beside this bundle (dist/cli-main.js), or the repository's when run from source. */
export function cliEntryPath(): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith('.ts')
    ? resolve(dirname(here), '../../../dist/cli.js')
    : join(dirname(here), 'cli.js');
}

/** `node "/abs/dist/cli.js" --plugin-data "/abs/data"`: the data dir this run uses, so both runs share state. */
export function selfCommand(env: Readonly<Record<string, string | undefined>>): string {
  const data = env.BATON_DATA_DIR ? undefined : env.CLAUDE_PLUGIN_DATA;
  return `node ${shellQuote(cliEntryPath())}${data ? ` --plugin-data ${shellQuote(resolve(data))}` : ''}`;
}

/** Double quotes with `"`, `$`, `` ` `` and `\` escaped: safe to paste into a POSIX shell command. */
function shellQuote(s: string): string {
  return `"${s.replace(/["$`\\]/g, '\\$&')}"`;
}
