// The zod schema of a routine file (routines/*.json): ordered, typed steps that the handoff runner executes.
import { z } from 'zod';

/** Narrative sections the model writes; the rest of a handoff is gathered deterministically. */
export const NARRATIVE_SECTIONS = ['summary', 'accomplished', 'decisions', 'nextSteps'] as const;
export const NarrativeSectionId = z.enum(NARRATIVE_SECTIONS);
export type NarrativeSectionId = z.infer<typeof NarrativeSectionId>;

/** Every section a handoff document can hold, in the order the full document shows them. */
export const DOCUMENT_SECTIONS = [
  'projects',
  'summary',
  'facts',
  'accomplished',
  'decisions',
  'files',
  'nextSteps',
  'resume',
] as const;
export const DocumentSectionId = z.enum(DOCUMENT_SECTIONS);
export type DocumentSectionId = z.infer<typeof DocumentSectionId>;

const stepBase = {
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be lowercase letters, digits and dashes, starting with a letter')
    .describe('Unique within the routine; presets address steps by it.'),
  description: z.string().max(500).optional(),
  enabled: z
    .boolean()
    .default(true)
    .describe('A disabled step is skipped (presets switch steps off this way).'),
  onError: z
    .enum(['fail', 'warn'])
    .default('fail')
    .describe('`warn`: a failure is reported and the routine goes on (e.g. an unreachable tracker).'),
};

export const GitFactsOptions = z.strictObject({
  repos: z
    .enum(['cwd', 'cwd+session'])
    .default('cwd+session')
    .describe(
      '`cwd`: the repository of the working directory only; `cwd+session`: also every repo the session touched files in.',
    ),
  recentCommits: z.number().int().min(0).max(100).default(5),
  status: z.boolean().default(true),
  diffStat: z.boolean().default(true),
  changedFiles: z.boolean().default(true),
  maxFiles: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(50)
    .describe('Cap on files listed per project (the rest is counted).'),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
});

export const SessionFactsOptions = z.strictObject({
  required: z
    .boolean()
    .default(false)
    .describe('Fail when no transcript is found (otherwise the document says the facts are unavailable).'),
  maxPrompts: z.number().int().min(0).max(1000).default(10),
  maxPromptChars: z.number().int().min(20).max(10_000).default(300),
  tools: z.boolean().default(true),
  files: z.boolean().default(true),
  tokens: z.boolean().default(true),
  duration: z.boolean().default(true),
});

export const NarrativeOptions = z.strictObject({
  sections: z
    .array(NarrativeSectionId)
    .min(1)
    .default([...NARRATIVE_SECTIONS]),
  missing: z
    .enum(['mark', 'fail'])
    .default('mark')
    .describe('`mark`: a missing section is clearly marked "not written"; `fail`: the routine stops.'),
  maxSectionChars: z
    .number()
    .int()
    .min(100)
    .max(100_000)
    .default(8_000)
    .describe("Cap per section, so a runaway narrative cannot bloat every later session's context."),
});

export const RenderOptions = z.strictObject({
  template: z
    .enum(['document', 'transfer-prompt'])
    .default('document')
    .describe(
      '`document`: Markdown + YAML frontmatter; `transfer-prompt`: a self-contained prompt to paste elsewhere.',
    ),
  sections: z
    .array(DocumentSectionId)
    .min(1)
    .default([...DOCUMENT_SECTIONS])
    .describe('Section order; sections left out are not rendered.'),
  stripLocalPaths: z
    .boolean()
    .default(false)
    .describe(
      'Rewrite absolute paths as project-relative ones and drop machine-only details (resume command, paths).',
    ),
  maxChars: z
    .number()
    .int()
    .min(500)
    .max(1_000_000)
    .nullable()
    .default(null)
    .describe('Length budget in characters; later sections are shortened first. null: no budget.'),
  preamble: z.string().max(4_000).optional().describe('Text put before the sections of a transfer prompt.'),
});

export const StoreOptions = z.strictObject({
  local: z
    .boolean()
    .default(true)
    .describe('Keep the document in the data dir (<dataDir>/handoffs/<project>/) and the local index.'),
  repoDir: z
    .string()
    .min(1)
    .max(300)
    .nullable()
    .default(null)
    .describe(
      'Also write it inside the repository, relative to the repo root (e.g. "docs/handoff"). null: not in the repo.',
    ),
});

export const DeliverOptions = z.strictObject({
  clipboard: z
    .boolean()
    .default(true)
    .describe('Copy the rendered text to the clipboard when a clipboard tool exists.'),
  file: z
    .boolean()
    .default(true)
    .describe('Always write the text to a file under <dataDir>/handoffs/transfer/ as well.'),
  print: z
    .enum(['always', 'no-clipboard', 'never'])
    .default('no-clipboard')
    .describe('Print the text itself: always, only when the clipboard was not used, or never.'),
});

export const SyncOptions = z.strictObject({
  when: z
    .enum(['configured', 'required', 'never'])
    .default('configured')
    .describe(
      '`configured`: sync when a tracker URL and key are set, else say local only; `required`: fail without one.',
    ),
  timeoutMs: z.number().int().min(100).max(120_000).default(8_000),
});

export const PrintOptions = z.strictObject({
  show: z
    .array(z.enum(['location', 'resume', 'document']))
    .default(['location', 'resume'])
    .describe('What to print at the end: where it went, the resume command, and/or the whole rendered text.'),
});

function step<K extends string, O extends z.ZodType>(kind: K, options: O, description: string) {
  // prefault: an absent `options` object is parsed as {} so every inner default applies.
  return z
    .strictObject({ ...stepBase, kind: z.literal(kind), options: options.prefault({} as z.input<O>) })
    .describe(description);
}

export const RoutineStep = z.discriminatedUnion('kind', [
  step(
    'git-facts',
    GitFactsOptions,
    'Branch, status, diff stat, recent commits and changed files of the repositories worked in.',
  ),
  step(
    'session-facts',
    SessionFactsOptions,
    'Prompts, tools, files created/modified, tokens and duration, from the transcript.',
  ),
  step('narrative', NarrativeOptions, 'The model-written sections (Markdown, split by heading).'),
  step('render', RenderOptions, 'Builds the document (or transfer prompt) and assigns the context id.'),
  step(
    'store',
    StoreOptions,
    'Writes the document to the data dir (and the repository) and updates the local index.',
  ),
  step('deliver', DeliverOptions, 'Copies rendered text to the clipboard, or writes and prints it.'),
  step('sync', SyncOptions, "Sends the document to the tracker's handoff API."),
  step('print', PrintOptions, 'Prints where the handoff went and how to resume.'),
]);

export const STEP_KINDS = RoutineStep.options.map((o) => o.shape.kind.value);

export const Routine = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a lowercase kebab-case name'),
    version: z.literal(1),
    description: z.string().max(2_000).optional(),
    steps: z.array(RoutineStep).min(1),
  })
  .superRefine((routine, ctx) => {
    const seen = new Set<string>();
    routine.steps.forEach((s, i) => {
      if (seen.has(s.id)) {
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` });
      }
      seen.add(s.id);
    });
  });

export type Routine = z.infer<typeof Routine>;
export type RoutineInput = z.input<typeof Routine>;
export type RoutineStep = z.infer<typeof RoutineStep>;
export type StepKind = RoutineStep['kind'];
export type StepOf<K extends StepKind> = Extract<RoutineStep, { kind: K }>;
export type GitFactsOptions = z.infer<typeof GitFactsOptions>;
export type SessionFactsOptions = z.infer<typeof SessionFactsOptions>;
export type NarrativeOptions = z.infer<typeof NarrativeOptions>;
export type RenderOptions = z.infer<typeof RenderOptions>;
export type StoreOptions = z.infer<typeof StoreOptions>;
export type DeliverOptions = z.infer<typeof DeliverOptions>;
export type SyncOptions = z.infer<typeof SyncOptions>;
export type PrintOptions = z.infer<typeof PrintOptions>;

/** A preset: per-step overrides (options are deep-merged, arrays replaced) and optional inserted steps. */
export const StepOverride = z.strictObject({
  enabled: z.boolean().optional(),
  onError: z.enum(['fail', 'warn']).optional(),
  description: z.string().max(500).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});

export const RoutinePreset = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a lowercase kebab-case name'),
  description: z.string().max(2_000).optional(),
  routine: z
    .string()
    .optional()
    .describe("The routine this preset applies to (checked against the routine's name)."),
  steps: z.record(z.string(), StepOverride).default({}),
  insert: z
    .array(z.strictObject({ after: z.string().optional(), step: z.record(z.string(), z.unknown()) }))
    .default([])
    .describe('New steps, each placed after an existing step id (or at the end when `after` is absent).'),
});

export type RoutinePreset = z.infer<typeof RoutinePreset>;
