// Packs the CLI as the npm package users install (`npx --package=@ferry-gitops/ferry ferry`; the
// GitLab components run it only when their `ferry-package` input names it, and by default the
// committed dist/ of their own commit): the bundles in dist/ and what they read at run time,
// with no dependencies, since dist/ already holds them. Prints the tarball's path.
//
//   npm run pack                 # → .ferry/package/ferry-gitops-ferry-<version>.tgz
//   npm run pack -- --out <dir>  # the tarball in <dir>
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const root = resolve(import.meta.dirname, '..');
const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));

// The version ferry reports (and records in ApplySet tooling) must be the package's.
const source = await readFile(join(root, 'src/core/applyset.ts'), 'utf8');
const reported = /export const FERRY_VERSION = '([^']+)'/.exec(source)?.[1];
if (reported !== manifest.version) {
  console.error(
    `error: src/core/applyset.ts: FERRY_VERSION is ${reported}, package.json says ${manifest.version}`,
  );
  process.exit(2);
}

// A staging folder of its own, so that packs can run side by side (tests do).
const stage = await mkdtemp(join(tmpdir(), 'ferry-pack-'));
// The CLI's bundle and chunks only: the action's entry point runs from the repository on GitHub,
// and the source maps point at sources the package does not ship.
const actionEntries = new Set([join(root, 'dist', 'action.js')]);
await cp(join(root, 'dist'), join(stage, 'dist'), {
  recursive: true,
  filter: (path) => !path.endsWith('.map') && !actionEntries.has(path),
});
for (const file of ['README.md', 'LICENSE']) await cp(join(root, file), join(stage, file));
await cp(join(root, 'schema'), join(stage, 'schema'), { recursive: true });

const published = {
  name: manifest.name,
  version: manifest.version,
  description: manifest.description,
  license: manifest.license,
  repository: manifest.repository,
  type: 'module',
  bin: { ferry: 'dist/cli.js' },
  // The bundle checks this itself too, with one line and exit code 2 on an older Node.
  engines: manifest.engines,
  files: ['dist/', 'schema/'],
};
await writeFile(join(stage, 'package.json'), `${JSON.stringify(published, null, 2)}\n`);

const out = resolve(values.out ?? join(root, '.ferry/package'));
await mkdir(out, { recursive: true });
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', out], {
    cwd: stage,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }),
);
await rm(stage, { recursive: true, force: true });
console.log(join(out, packed.filename));
