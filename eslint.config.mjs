// Type-aware lint (typescript-eslint recommendedTypeChecked) plus the folder boundaries of DESIGN.md,
// so that CI, not a README, keeps the layers apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The bot SDK stays inside src/bot (src/index.ts, src/wiring.ts and src/server.ts reach it through src/bot's types). */
const BOT_SDK = { group: ['botbuilder*', 'botframework*', '@microsoft/teams-ai*'], message: 'Only src/bot touches the bot SDK; use the ports it implements.' };
/** One layer's import ban, plus the bot SDK ban (rule options do not merge across config objects: each carries both). */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns: [...patterns, BOT_SDK] }] });

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
  { files: ['eslint.config.mjs', 'test/support/*.mjs'], ...tseslint.configs.disableTypeChecked },
  // Only config.ts reads the environment.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through src/config.ts.' }] },
  },
  // Every folder below the bot: no bot SDK. The layer rules below repeat it with their own bans.
  { files: ['src/**/*.ts'], ignores: ['src/bot/**'], rules: restrict([]) },
  { files: ['src/checks/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/bot/**', '**/cards/**', '**/dialogs/**', '**/scan/**', '**/notifications/**', '**/routing/**', '@microsoft/*', 'node:*'], message: 'Checks are pure: snapshot types in, findings out.' }]) },
  { files: ['src/azure/**/*.ts'], rules: restrict([{ group: ['**/checks/**', '**/bot/**', '**/cards/**', '**/dialogs/**', '**/scan/**', '**/routing/**', '**/notifications/**', '@microsoft/*'], message: 'Collectors know nothing of checks, scans or the bot.' }]) },
  { files: ['src/knowledge/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/bot/**', '**/dialogs/**', '**/scan/**', '**/routing/**', '**/notifications/**', '@microsoft/*'], message: 'Knowledge is content and search only.' }]) },
  { files: ['src/lab/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/azure/clients*', '**/azure/collect*', '**/bot/**', '**/dialogs/**', '**/routing/**', '**/notifications/**'], message: 'The lab is exercises and validators over snapshots.' }]) },
  { files: ['src/cards/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/azure/**', '**/bot/**', '**/dialogs/**', '**/scan/**', '**/notifications/**', '**/events/**', '**/routing/intent*', '**/routing/handlers*', '@microsoft/teams-ai'], message: 'Cards are templates over plain data (and the declared card actions).' }]) },
  { files: ['src/routing/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/azure/**', '**/bot/**', '**/dialogs/**', '**/cards/**', '**/scan/**', '**/notifications/**', '**/events/**', '**/cli/**'], message: 'Routing turns messages into intents and declares card actions; it knows no feature.' }]) },
  { files: ['src/dialogs/**/*.ts'], rules: restrict([{ group: ['@azure/*', '**/azure/collect*', '**/azure/clients*', '**/sample/**', '**/bot/**', '**/cli/**'], message: 'Dialogs use services through interfaces and talk through the TurnPort.' }]) },
  {
    files: ['src/notifications/**/*.ts', 'src/events/**/*.ts'],
    rules: restrict([
      { group: ['@microsoft/*', '**/bot/**', '**/dialogs/**'], message: 'Notifications send through a port.' },
      // Watches reach Azure only through the guarded handle: not the scan service, not a guard, not an SDK client.
      { group: ['**/security/**', '!**/security/guarded-watches', '**/azure/clients*', '**/azure/collect*', '**/scan/*', '!**/scan/scan-service'], message: 'Watches reach Azure only through src/security/guarded-watches.ts.' },
      { group: ['**/scan/scan-service'], importNames: ['ScanService'], message: 'Watches reach Azure only through src/security/guarded-watches.ts.' },
    ]),
  },
  { files: ['src/security/**/*.ts'], rules: restrict([{ group: ['**/dialogs/**', '**/bot/**', '**/cli/**', '**/notifications/**', '**/events/**', '**/cards/**', '@microsoft/*'], message: 'The guard decides over shared types; the features that ask it sit above it.' }]) },
  { files: ['src/scan/**/*.ts'], rules: restrict([{ group: ['**/bot/**', '**/dialogs/**', '**/routing/**', '**/notifications/**', '**/cli/**'], message: 'The scan service serves the bot and the CLI; it knows neither.' }]) },
  { files: ['src/storage/**/*.ts'], rules: restrict([{ group: ['**/bot/**', '**/checks/**', '**/dialogs/**', '**/cards/**', '@microsoft/*'], message: 'Stores are leaves with their own Storage-shaped interface.' }]) },
  { files: ['src/sample/**/*.ts'], rules: restrict([{ group: ['**/checks/**', '**/bot/**', '**/cards/**', '**/dialogs/**', '@azure/*'], message: 'The sample ARM server is built on node built-ins only.' }]) },
  { files: ['src/cli/**/*.ts'], rules: restrict([{ group: ['**/bot/app*', '**/bot/routes*'], message: 'The CLI uses services, not the bot.' }]) },
  // The composition root wires everything, src/bot included; it still reaches the SDK only through src/bot.
  { files: ['src/index.ts', 'src/wiring.ts', 'src/server.ts'], rules: restrict([]) },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/unbound-method': 'off', 'no-console': 'off' },
  },
);
