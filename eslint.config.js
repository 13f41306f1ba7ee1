// Lint for every TypeScript file: the service, its tests, the bench and the explorer's client.
// Formatting is prettier's (npm run format); eslint only judges code.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      '.tap/',
      'data/',
      'bench-data/',
      'test-artifacts/',
      'test/neo4j-server/target/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // Tests read GraphQL and CLI answers as untyped JSON and compare them with expected values.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/explorer/client/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
