// ESLint flat config: typescript-eslint's recommended rules over the whole repository, no warnings allowed (CI runs
// `eslint . --max-warnings 0`). Import boundaries are not here: dependency-cruiser checks them over the whole module
// graph, transitively (.dependency-cruiser.cjs, `npm run lint:deps`), so each one lives in one place.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      // An error, not a warning: a warning nobody is made to read is a rule nobody keeps.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
);
