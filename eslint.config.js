// ESLint flat config: typescript-eslint's recommended rules plus the house import direction (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noImport = (patterns, message) => [
  'error',
  { patterns: patterns.map((group) => ({ group: [group], message })) },
];
const noImportEach = (lists) => [
  'error',
  {
    patterns: lists.flatMap(([patterns, message]) => patterns.map((group) => ({ group: [group], message }))),
  },
];
const SEAL = '**/egress/seal*';
const GATE_ONLY = 'only src/core/egress seals values; everything else sends what the egress gate returns';
const CORE_OUT = [
  '**/capture/**',
  '**/cli/**',
  '**/client/**',
  '**/tracker/**',
  '**/mcp-server/**',
  '**/handoff/**',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test-artifacts/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // TypeScript already checks identifiers; sanitizers and the redactor match control characters on purpose.
      'no-undef': 'off',
      'no-control-regex': 'off',
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  // Only the egress gate may seal a value as fit to leave (src/core/egress/seal.ts): every sink checks that seal.
  {
    files: ['**/*.ts'],
    ignores: ['src/core/egress/**'],
    rules: { 'no-restricted-imports': noImport([SEAL], GATE_ONLY) },
  },
  // src/core is the pure domain: it imports nothing else of ours.
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': noImport([...CORE_OUT], 'src/core imports nothing outside src/core') },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/egress/**'],
    rules: {
      'no-restricted-imports': noImportEach([
        [CORE_OUT, 'src/core imports nothing outside src/core'],
        [[SEAL], GATE_ONLY],
      ]),
    },
  },
  // The tracker deploys alone: only src/core.
  {
    files: ['tracker/**/*.ts'],
    rules: {
      'no-restricted-imports': noImportEach([
        [
          ['**/src/capture/**', '**/src/cli/**', '**/src/client/**', '**/mcp-server/**', '**/src/handoff/**'],
          'the tracker imports only src/core',
        ],
        [[SEAL], GATE_ONLY],
      ]),
    },
  },
  // Hooks pay start-up time on every prompt: no MCP SDK, no full zod.
  {
    files: ['hooks/**/*.ts', 'src/capture/hook/**/*.ts'],
    rules: {
      'no-restricted-imports': noImportEach([
        [['@modelcontextprotocol/*', 'zod'], 'keep the hook hot path small'],
        [[SEAL], GATE_ONLY],
      ]),
    },
  },
);
