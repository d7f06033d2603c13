// Lint rules for the whole repository. Type-aware rules catch what tsc does not:
// promises nobody awaits, async callbacks where a sync one is expected.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // libs/client/src/gql is graphql-codegen's output (`npm run client`), checked by libs/client/client.spec.ts instead.
  { ignores: ['dist/**', 'generated/**', 'libs/client/src/gql/**', 'node_modules/**', '.cache/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      // Async implementations of async interfaces (Apollo plugins, strategies, stubs) need no await.
      '@typescript-eslint/require-await': 'off',
      // Static mappers (Member.from, Consent.fromRow) are passed to map() on purpose.
      '@typescript-eslint/unbound-method': ['error', { ignoreStatic: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Tests read JSON answers and rows whose shape the assertion itself checks.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'libs/testing/**', 'test/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
