// Lints one import per case with the project's ESLint config (type-aware rules off: the probes are not on disk) and
// prints, per case, the no-restricted-imports messages. Run as a child process: jest cannot load the ESM config.
import process from 'node:process';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const cases = JSON.parse(process.argv[2] ?? '[]');
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked, { rules: { '@typescript-eslint/consistent-type-imports': 'off', '@typescript-eslint/no-unused-vars': 'off' } }],
});
const results = [];
for (const { file, from } of cases) {
  const [result] = await eslint.lintText(`import { probe } from '${from}';\nexport const p = probe;\n`, { filePath: file });
  results.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
process.stdout.write(JSON.stringify(results));
