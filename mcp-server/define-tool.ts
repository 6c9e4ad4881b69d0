// defineTool: one MCP tool declared once (name, title, model-facing description, honest annotations, zod input and
// output, handler). Registration, the readable `text` field, structured results and typed errors live here only.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ServerDeps } from './server-deps.js';
import { fail, ok, TextField } from './tool-result.js';

type Shape = Record<string, z.ZodType>;

/**
 * All four hints, always: a client assumes the worst for a missing one (destructive, open world), and the manifest
 * test pins them, so changing one is a reviewed diff.
 */
export interface ToolHints {
  /** Changes nothing anywhere: no file under the data dir, no write request to the tracker. */
  readOnlyHint: boolean;
  /** May delete or overwrite something the user had (a file, a stream, a post). */
  destructiveHint: boolean;
  /** Calling again with the same arguments has no further effect. */
  idempotentHint: boolean;
  /** Talks to something beyond this machine (the tracker). */
  openWorldHint: boolean;
}

/** What a handler returns: the readable text plus the structured fields its output schema declares. */
export type ToolOutput<O extends Shape> = { text: string } & z.infer<z.ZodObject<O>>;

export interface ToolSpec<I extends Shape, O extends Shape> {
  /** verb_first snake_case. */
  name: string;
  title: string;
  /** Written for the model: what it does, when to call it, what it returns. */
  description: string;
  input: I;
  /** Without `text`: every tool's output starts with it (see TextField). */
  output: O;
  annotations: ToolHints;
  run(args: z.infer<z.ZodObject<I>>, deps: ServerDeps): Promise<ToolOutput<O>>;
}

export interface Tool {
  readonly name: string;
  readonly annotations: ToolHints;
  register(server: McpServer, deps: ServerDeps): void;
}

export function defineTool<I extends Shape, O extends Shape>(spec: ToolSpec<I, O>): Tool {
  return {
    name: spec.name,
    annotations: spec.annotations,
    register(server, deps) {
      const handler = async (args: z.infer<z.ZodObject<I>>): Promise<CallToolResult> => {
        // A throw becomes an isError result the model can act on (stable code + next step), never a protocol error.
        try {
          const { text, ...structured } = await spec.run(args, deps);
          return ok(text, structured);
        } catch (err) {
          return fail(err);
        }
      };
      server.registerTool(
        spec.name,
        {
          title: spec.title,
          description: spec.description,
          inputSchema: spec.input,
          outputSchema: { ...TextField, ...spec.output },
          annotations: { title: spec.title, ...spec.annotations },
        },
        handler as Parameters<McpServer['registerTool']>[2],
      );
    },
  };
}
