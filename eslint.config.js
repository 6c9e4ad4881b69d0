// ESLint flat config: typescript-eslint's recommended rules plus the house import direction (see docs/architecture.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noImport = (patterns, message) => ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'test-artifacts/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
      // TypeScript already checks identifiers; sanitizers and the redactor match control characters on purpose.
      'no-undef': 'off',
      'no-control-regex': 'off',
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  // src/core is the pure domain: it imports nothing else of ours.
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': noImport(['**/capture/**', '**/cli/**', '**/client/**', '**/tracker/**', '**/mcp-server/**', '**/handoff/**'], 'src/core imports nothing outside src/core') } },
  // The tracker deploys alone: only src/core.
  { files: ['tracker/**/*.ts'], rules: { 'no-restricted-imports': noImport(['**/src/capture/**', '**/src/cli/**', '**/src/client/**', '**/mcp-server/**', '**/src/handoff/**'], 'the tracker imports only src/core') } },
  // Hooks pay start-up time on every prompt: no MCP SDK, no full zod.
  { files: ['hooks/**/*.ts', 'src/capture/hook-*.ts'], rules: { 'no-restricted-imports': noImport(['@modelcontextprotocol/*', 'zod'], 'keep the hook hot path small') } },
);
