// Writes every surface derived from the option declarations in src/options: action.yml's
// `inputs:`, the action's input and output tables in docs/github-action.md, and each command's
// option table in docs/<command>.md (between `<!-- options:<command> -->` markers).
//   node --import tsx scripts/surfaces.ts           rewrite them (npm run docs:surfaces)
//   node --import tsx scripts/surfaces.ts --check   exit 1 naming each file that is out of date
// Run from the repository root (or the root of a copy, as the unit test does).
import { readFileSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';
import * as prettier from 'prettier';
import { COMMAND_NAMES, COMMAND_OPTIONS } from '../src/options/commands.js';
import { inputName, onSurface, type AnyOption } from '../src/options/declare.js';

const check = process.argv.includes('--check');
const stale: string[] = [];

/** A sentence: capitalised, ending with a full stop. */
const sentence = (text: string): string => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return capital.endsWith('.') ? capital : `${capital}.`;
};

/** Markdown for a table cell (backticks and links in `details` pass through). */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

interface Input {
  description: string;
  required: boolean;
  default?: string;
}

/** action.yml's inputs: `command`, then each declared input in the order commands list them. */
function actionInputs(): Record<string, Input> {
  const uses = new Map<string, { commands: string[]; text: string; fallback?: string }[]>();
  const defaults = new Map<string, string | undefined>();
  for (const command of COMMAND_NAMES) {
    for (const spec of onSurface(COMMAND_OPTIONS[command] as readonly AnyOption[], 'action')) {
      const name = inputName(spec);
      const fallback = (spec.inputFallback ?? spec.fallback)?.shown;
      if (defaults.has(name) && defaults.get(name) !== fallback)
        throw new Error(`input ${name}: commands declare different defaults`);
      defaults.set(name, fallback);
      const text = actionText(spec);
      const texts = uses.get(name) ?? [];
      const same = texts.find((entry) => entry.text === text);
      if (same) same.commands.push(command);
      else texts.push({ commands: [command], text });
      uses.set(name, texts);
    }
  }
  const inputs: Record<string, Input> = {
    command: {
      description: `What to run: ${COMMAND_NAMES.join(', ')}.`,
      required: true,
      default: 'render',
    },
  };
  for (const [name, texts] of uses) {
    const description = texts.map((entry) => `[${entry.commands.join(', ')}] ${entry.text}`);
    const fallback = defaults.get(name);
    inputs[name] = {
      description: description.join(' '),
      required: false,
      ...(fallback !== undefined ? { default: fallback } : {}),
    };
  }
  return inputs;
}

/**
 * An input's words: its own, or the CLI's help and details with flags named as inputs
 * (`--prune` is `prune` there), as one sentence; a switch says it takes true or false.
 */
function actionText(spec: AnyOption): string {
  const words = spec.inputHelp ?? (spec.details ? `${spec.help}; ${spec.details}` : spec.help);
  const choices = spec.choices ? `: ${spec.choices.join(', ')}` : '';
  const text = sentence(`${words.replace(/(^|[\s(])--([a-z][a-z-]*)/g, '$1$2')}${choices}`);
  return spec.placeholder === undefined ? text.replace(/\.$/, ' (true/false).') : text;
}

/** Flags as the help shows them: `-d, --dir <dir>`. */
const flags = (spec: AnyOption): string =>
  [spec.short && `-${spec.short},`, `--${spec.name}`, spec.placeholder].filter(Boolean).join(' ');

/** A command's option table for its docs page. */
function optionTable(command: (typeof COMMAND_NAMES)[number]): string {
  const rows = onSurface(COMMAND_OPTIONS[command] as readonly AnyOption[], 'cli').map((spec) => {
    const meaning = spec.details ? `${spec.help}; ${spec.details}` : spec.help;
    const choices = spec.choices ? ` (${spec.choices.map((c) => `\`${c}\``).join(', ')})` : '';
    const fallback = spec.fallback && spec.placeholder ? `\`${spec.fallback.shown}\`` : '';
    return `| \`${cell(flags(spec))}\` | ${fallback} | ${cell(meaning + choices)} |`;
  });
  return ['| option | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

/** docs/github-action.md's tables, from action.yml (inputs and outputs). */
function actionTables(action: {
  inputs: Record<string, Input>;
  outputs: Record<string, { description: string }>;
}): string {
  const inputs = Object.entries(action.inputs).map(
    ([name, spec]) =>
      `| \`${name}\` | ${spec.default !== undefined && spec.default !== '' ? `\`${cell(spec.default)}\`` : ''} | ${cell(spec.description)} |`,
  );
  const outputs = Object.entries(action.outputs).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`,
  );
  return [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...inputs,
    '',
    '| output | description |',
    '| --- | --- |',
    ...outputs,
  ].join('\n');
}

/** Replaces what is between `<!-- name:start … -->` and `<!-- name:end -->` in `text`. */
function between(text: string, name: string, content: string, file: string): string {
  const pattern = new RegExp(`(<!-- ${name}:start[^>]*-->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(text)) throw new Error(`${file} has no <!-- ${name}:start --> markers`);
  return text.replace(
    pattern,
    (_all, start: string, end: string) => `${start}\n${content}\n\n${end}`,
  );
}

/** Writes `text` (formatted as Prettier would) to `file`, or notes it as stale with --check. */
async function emit(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  const formatted = await prettier.format(text, { ...options, filepath: file });
  if (formatted === readFileSync(file, 'utf8')) return;
  if (check) stale.push(file);
  else writeFileSync(file, formatted);
}

const actionFile = 'action.yml';
const actionText0 = readFileSync(actionFile, 'utf8');
const inputs = actionInputs();
const inputsYaml = yaml.dump({ inputs }, { lineWidth: -1, quotingType: "'" });
const actionYaml = actionText0.replace(/^inputs:\n[\s\S]*?(?=^outputs:)/m, inputsYaml);
await emit(actionFile, actionYaml);

const action = yaml.load(actionYaml) as Parameters<typeof actionTables>[0];
const actionPage = 'docs/github-action.md';
await emit(
  actionPage,
  between(readFileSync(actionPage, 'utf8'), 'action-docs', actionTables(action), actionPage),
);

/** The docs page that holds a command's option table (the sets' commands share one). */
const pageOf = (command: string): string =>
  ['sets', 'status'].includes(command) ? 'docs/environment-repo.md' : `docs/${command}.md`;

for (const command of COMMAND_NAMES) {
  const page = pageOf(command);
  await emit(
    page,
    between(readFileSync(page, 'utf8'), `options:${command}`, optionTable(command), page),
  );
}

if (stale.length > 0) {
  console.error(
    `out of date (generated from src/options): ${stale.join(', ')}: run npm run docs:surfaces`,
  );
  process.exit(1);
}
