// Writes the action's inputs/outputs tables in docs/github-action.md from action.yml, between the markers
// <!-- action-docs:start --> and <!-- action-docs:end -->, so the two never disagree.
// `node scripts/action-docs.mjs --check` exits 1 when the page is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import yaml from 'js-yaml';

const action = yaml.load(readFileSync('action.yml', 'utf8'));
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const rows = (entries, withDefault) =>
  Object.entries(entries).map(([name, spec]) =>
    withDefault
      ? `| \`${name}\` | ${spec.default !== undefined && spec.default !== '' ? `\`${cell(spec.default)}\`` : ''} | ${cell(spec.description)} |`
      : `| \`${name}\` | ${cell(spec.description)} |`,
  );
const table = [
  '<!-- action-docs:start (generated from action.yml by scripts/action-docs.mjs; do not edit) -->',
  '',
  '| input | default | description |',
  '| --- | --- | --- |',
  ...rows(action.inputs, true),
  '',
  '| output | description |',
  '| --- | --- |',
  ...rows(action.outputs, false),
  '',
  '<!-- action-docs:end -->',
].join('\n');

const page = 'docs/github-action.md';
const readme = readFileSync(page, 'utf8');
const pattern = /<!-- action-docs:start[\s\S]*?<!-- action-docs:end -->/;
if (!pattern.test(readme)) throw new Error(`${page} has no action-docs markers`);
const updated = readme.replace(pattern, table);
if (process.argv.includes('--check')) {
  // Compare ignoring table padding, which Prettier adds.
  const squash = (text) => text.match(pattern)[0].replace(/ +/g, ' ').replace(/-{3,}/g, '---');
  if (squash(readme) !== squash(updated)) {
    console.error(`${page}: the action tables are out of date: run npm run docs:action`);
    process.exit(1);
  }
} else {
  writeFileSync(page, updated);
}
