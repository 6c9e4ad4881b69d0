// The exporter contract: formats, the streaming Exporter interface and its options.
import type { EgressGate } from '../egress/gate.js';
import type { EventComments } from '../model/export-comments.js';
import type {
  ReadStats,
  RedactionReport,
  SessionEvent,
  SessionMeta,
  SessionTotals,
} from '../model/session.js';

export const EXPORT_FORMATS = ['md', 'json', 'html', 'txt', 'pdf', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Binary documents: built whole from a document model (src/core/export/documents), not streamed as text. */
export const DOCUMENT_FORMATS = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export type TextFormat = Exclude<ExportFormat, DocumentFormat>;
/** The formats createExporter streams as text. */
export const TEXT_FORMATS = ['md', 'json', 'html', 'txt'] as const satisfies readonly TextFormat[];

export function isDocumentFormat(format: ExportFormat): format is DocumentFormat {
  return (DOCUMENT_FORMATS as readonly string[]).includes(format);
}

/** The file extension (without the dot) for a format. */
export function formatExtension(format: ExportFormat): string {
  return format;
}

/** Where an event sits: a main-chain turn, or (agentId set) a subagent's sidechain. */
export interface ExportEventContext {
  turnIndex: number;
  agentId?: string;
  /** The Agent/Task call that spawned the subagent (sidechain events): its section is attached to that call. */
  toolUseId?: string;
  /** A sidechain event that came inline in the main transcript: it stays in the current turn, keeping its agentId. */
  inline?: boolean;
}

/** What only the end of a stream knows besides meta and totals. */
export interface ExportExtra {
  redaction?: RedactionReport;
  /** What the reader skipped: JSON writes it as `stats`, the other formats list the skipped lines and why. */
  stats?: ReadStats;
}

export interface ExporterOptions {
  /**
   * Meta/totals/redaction when they are known before the first event (renderSession knows them): Markdown and
   * text then put the header at the top. Without them the details section goes at the end.
   */
  meta?: SessionMeta;
  totals?: SessionTotals;
  redaction?: RedactionReport;
  /** Cut tool results longer than this many characters (default: never cut). */
  maxToolResultChars?: number;
  /**
   * The egress gate every event, the meta and the title pass on their way into the document. Default: a gate that
   * cuts <private> spans and redacts, so no exporter can write ungated text. Events the caller already gated
   * (sealed) pass through untouched and uncounted.
   */
  gate?: EgressGate;
  /**
   * Comments and reactions to write next to their events (`--comments`; see commentThreads). Undefined, the
   * default, writes none and no trace of them. Their text passes the same gate as the events.
   */
  comments?: readonly EventComments[];
}

/** Explicit section starts; event() starts sections on its own, these exist to carry exact turn/sidechain fields. */
export interface TurnInfo {
  index: number;
  startedAt?: string;
  endedAt?: string;
}
export interface SidechainInfo {
  agentId: string;
  toolUseId?: string;
}

/**
 * A streaming exporter. It keeps O(1) state (plus a bounded tool-name index), never the events themselves,
 * and hands every piece of output to `write` as soon as it is ready.
 */
export interface Exporter {
  event(e: SessionEvent, ctx: ExportEventContext): void;
  /** Starts a turn explicitly (also an empty one); the JSON exporter then writes exactly these fields. */
  beginTurn(turn: TurnInfo): void;
  /** Starts a sidechain explicitly, with the tool call that spawned it when known. */
  beginSidechain(sidechain: SidechainInfo): void;
  /**
   * Ends the export and returns the redaction report it wrote (total 0 when nothing was redacted): callers that
   * summarise an export (the CLI, the MCP tool) print this one, so the summary and the file cannot disagree.
   */
  finish(meta: SessionMeta, totals: SessionTotals, extra?: ExportExtra): RedactionReport;
}
