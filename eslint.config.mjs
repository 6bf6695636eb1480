// Type-aware lint (typescript-eslint recommendedTypeChecked) plus the folder boundaries of DESIGN.md,
// so that CI, not a README, keeps the layers apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bin/**', 'scripts/**/*.js', 'bench/**/*.js', 'jest.config.js', 'test-output/**', 'appPackage/build/**', '.guardian/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  { files: ['eslint.config.mjs'], ...tseslint.configs.disableTypeChecked },
  // Only config.ts reads the environment.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }] },
  },
  { files: ['src/checks/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/bot/**', '**/cards/**', '**/dialogs/**', 'botbuilder*', '@microsoft/*', 'node:*'], message: 'Checks are pure: snapshot types in, findings out.' }]) },
  { files: ['src/azure/**/*.ts'], rules: restrict([{ group: ['**/checks/**', '**/bot/**', '**/cards/**', '**/dialogs/**', 'botbuilder*', '@microsoft/*'], message: 'Collectors know nothing of checks or the bot.' }]) },
  { files: ['src/knowledge/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/bot/**', 'botbuilder*', '@microsoft/*'], message: 'Knowledge is content and search only.' }]) },
  { files: ['src/cards/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/azure/**', '**/bot/**', '**/dialogs/**', 'botbuilder*', '@microsoft/teams-ai'], message: 'Cards are templates over plain data.' }]) },
  { files: ['src/dialogs/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/azure/collect*', '**/azure/clients*', '**/sample/**'], message: 'Dialogs use services through interfaces.' }]) },
  { files: ['src/notifications/**/*.ts'], rules: restrict([{ group: ['botbuilder*', '@microsoft/*', '**/bot/**'], message: 'Notifications send through a port.' }]) },
  { files: ['src/storage/**/*.ts'], rules: restrict([{ group: ['**/bot/**', '**/checks/**', '**/dialogs/**', '**/cards/**'], message: 'Stores are leaves.' }]) },
  { files: ['src/sample/**/*.ts'], rules: restrict([{ group: ['**/checks/**', '**/bot/**', '**/cards/**', '**/dialogs/**', '@azure/*'], message: 'The sample ARM server is built on node built-ins only.' }]) },
  { files: ['src/cli/**/*.ts'], rules: restrict([{ group: ['**/bot/app*', '**/bot/routes*'], message: 'The CLI uses services, not the bot.' }]) },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off', 'no-console': 'off' },
  },
);
