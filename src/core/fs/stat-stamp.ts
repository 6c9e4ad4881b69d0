// A cheap "has this file changed" stamp for readers that cache a small file and re-read it only when it moves.
import { statSync } from 'node:fs';

/** `<size>:<mtimeMs>` of `path`, or '' when it does not exist (or cannot be read). */
export function statStamp(path: string): string {
  try {
    const st = statSync(path);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '';
  }
}
