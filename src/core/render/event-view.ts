// Event → view model: what every rendering of an event shows (labels, tool summary, input, result, markers), once.
import type { SessionEvent } from '../model/session.js';
import {
  ToolIndex,
  clipToolResult,
  commandLine,
  isAgentCall,
  promptBody,
  stringifyInput,
  systemLabel,
  toolSummary,
} from './event-text.js';
import { fileEditOf, type FileEdit } from './file-edits.js';

interface ViewBase {
  uuid: string;
  timestamp?: string;
  /** Set on events of a subagent (sidechain) transcript. */
  agentId?: string;
}

export type EventView = ViewBase &
  (
    | {
        kind: 'prompt';
        /** The prompt that started a subagent, not one the user typed. */
        sidechain: boolean;
        /** The typed command line of a slash command ("/plugin:cmd args"). */
        command?: string;
        /** The prompt text worth showing besides the command line ('' when none). */
        body: string;
      }
    | { kind: 'text'; text: string; model?: string }
    | { kind: 'thinking'; text: string }
    | {
        kind: 'tool_call';
        name: string;
        /** One line: the command, path, pattern... ('' when the input has nothing to show). */
        summary: string;
        /** The input as pretty JSON. */
        input: string;
        /** What an Edit, MultiEdit, Write or NotebookEdit call changed: shown as a diff instead of the JSON. */
        edit?: FileEdit;
      }
    | {
        kind: 'tool_result';
        /** The name of the call this result answers ('tool' when the call is not known). */
        toolName: string;
        /** The file a Read call read: its extension names the result's language. */
        filePath?: string;
        isError: boolean;
        /** The content, cut to the caller's maxToolResultChars. */
        content: string;
        /** The length before any cut. */
        length: number;
      }
    | {
        kind: 'system';
        subtype: string;
        /** What a reader sees for the subtype (systemLabel): 'Note' for live_note, else the subtype. */
        label: string;
        text: string;
      }
  );

/** The Agent/Task call that spawned a subagent, for the header of its sidechain. */
export interface SpawningCall {
  name: string;
  summary: string;
  /** "Agent: review the API" (or the bare name): how a subagent's section header names it. */
  label: string;
}

export interface EventViewerOptions {
  /** Tool summaries are cut to this many characters (default 120). */
  summaryChars?: number;
  /** Tool results longer than this are cut, saying how much (default, or undefined: never). */
  maxToolResultChars?: number | undefined;
}

export interface EventViewer {
  /** `sidechain`: the event sits in a subagent's section (its prompt is the spawning call's, not the user's). */
  view(e: SessionEvent, sidechain?: boolean): EventView;
  /** The Agent/Task call with this tool_use id, when one was viewed (bounded memory). */
  spawningCall(toolUseId: string): SpawningCall | undefined;
}

/**
 * Views the events of one stream in order. It remembers, bounded, which tool each call was (so a result can name
 * its tool) and which Agent/Task calls were seen (so a subagent's section can name the call that spawned it).
 */
export function createEventViewer(opts: EventViewerOptions = {}): EventViewer {
  const summaryChars = opts.summaryChars ?? 120;
  const tools = new ToolIndex<{ name: string; filePath?: string }>();
  const agentCalls = new ToolIndex<SpawningCall>(512);

  // Plain literals, no conditional spreads: this runs once per event of exports of hundreds of megabytes.
  const view = (e: SessionEvent, sidechain = false): EventView => {
    const { uuid, timestamp, agentId } = e;
    switch (e.kind) {
      case 'prompt':
        return {
          uuid,
          timestamp,
          agentId,
          kind: 'prompt',
          sidechain,
          command: commandLine(e),
          body: promptBody(e),
        };
      case 'text':
        return { uuid, timestamp, agentId, kind: 'text', text: e.text, model: e.model || undefined };
      case 'thinking':
        return { uuid, timestamp, agentId, kind: 'thinking', text: e.text };
      case 'tool_call': {
        const input = e.input as Record<string, unknown> | undefined;
        const filePath =
          e.name === 'Read' && typeof input?.file_path === 'string' ? input.file_path : undefined;
        tools.set(e.toolUseId, { name: e.name, filePath });
        const summary = toolSummary(e.name, e.input, summaryChars);
        // A call that carries an agentId ran inside a subagent: it spawned nothing shown here.
        if (isAgentCall(e.name) && agentId === undefined)
          agentCalls.set(e.toolUseId, {
            name: e.name,
            summary,
            label: summary ? `${e.name}: ${summary}` : e.name,
          });
        return {
          uuid,
          timestamp,
          agentId,
          kind: 'tool_call',
          name: e.name,
          summary,
          input: stringifyInput(e.input),
          edit: fileEditOf(e) ?? undefined,
        };
      }
      case 'tool_result': {
        const tool = tools.get(e.toolUseId);
        return {
          uuid,
          timestamp,
          agentId,
          kind: 'tool_result',
          toolName: tool?.name ?? 'tool',
          filePath: tool?.filePath,
          isError: e.isError,
          content: clipToolResult(e.content, opts.maxToolResultChars),
          length: e.content.length,
        };
      }
      case 'system':
        return {
          uuid,
          timestamp,
          agentId,
          kind: 'system',
          subtype: e.subtype,
          label: systemLabel(e.subtype),
          text: e.text,
        };
    }
  };

  return { view, spawningCall: (id) => agentCalls.get(id) };
}

/** The short marker a timeline shows on a subagent's events. */
export function subagentBadge(agentId: string): string {
  return `subagent ${agentId.slice(0, 12)}`;
}
