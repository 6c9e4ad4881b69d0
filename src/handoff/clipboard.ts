// Finds a clipboard tool on PATH (pbcopy, clip, wl-copy, xclip, xsel) and copies text with it; never fatal.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { execa } from 'execa';
import type { Env } from './types.js';

export interface ClipboardTool {
  name: string;
  command: string;
  args: string[];
}

function onPath(env: Env, name: string, platform: NodeJS.Platform): string | null {
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  const exts = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = join(dir, name + ext);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        /* not here */
      }
    }
  }
  return null;
}

/** BATON_CLIPBOARD=off disables copying; BATON_CLIPBOARD=<command> uses that command (text on stdin). */
export function findClipboardTool(
  env: Env,
  platform: NodeJS.Platform = process.platform,
): ClipboardTool | null {
  const forced = env.BATON_CLIPBOARD?.trim();
  if (forced === 'off' || forced === '0' || forced === 'false') return null;
  if (forced) return { name: forced, command: forced, args: [] };
  const candidates: [string, string[]][] = [];
  if (platform === 'darwin') candidates.push(['pbcopy', []]);
  else if (platform === 'win32') candidates.push(['clip', []]);
  else {
    if (env.WAYLAND_DISPLAY) candidates.push(['wl-copy', []]);
    if (env.DISPLAY)
      candidates.push(['xclip', ['-selection', 'clipboard']], ['xsel', ['--clipboard', '--input']]);
    candidates.push(['clip.exe', []]); // WSL
  }
  for (const [name, args] of candidates) {
    const command = onPath(env, name, platform);
    if (command) return { name, command, args };
  }
  return null;
}

export async function copyToClipboard(
  tool: ClipboardTool,
  text: string,
  env: Env,
): Promise<{ ok: boolean; error?: string }> {
  try {
    const r = await execa(tool.command, tool.args, {
      input: text,
      reject: false,
      timeout: 5_000,
      env: { ...env },
    });
    return r.exitCode === 0
      ? { ok: true }
      : { ok: false, error: String(r.stderr || `exit ${r.exitCode}`).split('\n')[0] };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}
