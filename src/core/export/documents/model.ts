// The document model the PDF and Word writers lay out: plain data built once from the session view (build.ts), so
// both documents say the same thing and neither writer knows about events, redaction or cost formatting.

/** A piece of a paragraph with its style. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Inline code: monospaced. */
  code?: boolean;
}

/** Who speaks in a block, for its label's colour. */
export type Tone = 'user' | 'assistant' | 'thinking' | 'tool' | 'result' | 'error' | 'system' | 'meta';

export type Block =
  | { kind: 'title'; text: string }
  /** Level 1: a turn or a subagent section; 2 and 3: headings inside a message. */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** "User", "Assistant", "Tool call Bash: ls" …: the start of one message. */
  | { kind: 'label'; text: string; tone: Tone }
  | { kind: 'paragraph'; runs: Run[] }
  /** One list item; `marker` is "•" or "3." and `depth` starts at 0. */
  | { kind: 'item'; runs: Run[]; marker: string; depth: number }
  /** Monospaced lines (code, tool input and results): writers wrap long lines, never cut them. */
  | { kind: 'code'; text: string }
  /** Key/value rows: the metrics header and the session details. */
  | { kind: 'fields'; rows: Array<[string, string]> }
  | { kind: 'rule' };

export interface DocumentModel {
  title: string;
  /** One line under the title in running headers ("Baton session export"). */
  subtitle: string;
  blocks: Block[];
}

/** Characters of text a block carries: what the size limit counts. */
export function blockChars(b: Block): number {
  switch (b.kind) {
    case 'paragraph':
    case 'item':
      return b.runs.reduce((n, r) => n + r.text.length, 0);
    case 'fields':
      return b.rows.reduce((n, [k, v]) => n + k.length + v.length, 0);
    case 'rule':
      return 0;
    default:
      return b.text.length;
  }
}
