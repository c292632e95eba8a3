// Every `sh` block of the README and of docs/ runs verbatim, as a reader pastes a page's blocks
// into one terminal in a fresh checkout: in order, in one bash session per page, against the test
// cluster (its kubeconfig as KUBECONFIG, its kubectl on PATH). A block that cannot run here (it
// needs a forge, or starts a cluster of its own) says so on the line before it:
// `<!-- verbatim: skip (reason) -->`. A plain block after `<!-- verbatim: output -->` is sample
// output: each of its lines must appear, in order, in what the page's blocks print.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, copyFile, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { kubectl, testKubeconfig } from '../helpers/kube.js';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const SKIP = /<!-- verbatim: skip \(([^)]+)\) -->\s*$/;

interface ShellBlock {
  text: string;
  /** Why it does not run, when it does not. */
  skip: string | undefined;
}

/** A page's fenced `sh` blocks, in order, each with its skip marker's reason. */
async function shellBlocks(page: string): Promise<ShellBlock[]> {
  const text = await readFile(join(root, page), 'utf8');
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => ({
    text: match[1]!,
    skip: SKIP.exec(text.slice(0, match.index))?.[1],
  }));
}

const pages = [
  'README.md',
  ...(await readdir(join(root, 'docs')))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

/** A scratch copy of the project a reader has after `npm ci`: the blocks run there. */
async function scratchProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-readme-'));
  for (const file of ['package.json', 'action.yml']) {
    await copyFile(join(root, file), join(dir, file));
  }
  await cp(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  await symlink(join(root, 'dist'), join(dir, 'dist'));
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** A page's sample outputs: the plain blocks right after `<!-- verbatim: output -->`. */
async function outputBlocks(page: string): Promise<string[]> {
  const text = await readFile(join(root, page), 'utf8');
  return [...text.matchAll(/<!-- verbatim: output -->\s*```\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Fails unless every line of `sample` appears in `out`, in the same order. */
function assertShown(out: string, sample: string, page: string): void {
  let from = 0;
  for (const line of sample.split('\n').filter((l) => l.trim() !== '')) {
    const at = out.indexOf(line, from);
    assert.ok(
      at >= 0,
      `${page}: the sample line ${JSON.stringify(line)} is not in the output:\n${out}`,
    );
    from = at + line.length;
  }
}

/** Runs a page's blocks as one bash script; stdout and stderr together, as a terminal shows. */
async function runVerbatim(script: string, cwd: string): Promise<string> {
  const kubectlBin = process.env.FERRY_TEST_KUBECTL;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [
      dirname(process.execPath),
      ...(kubectlBin ? [dirname(kubectlBin)] : []),
      process.env.PATH,
    ]
      .filter(Boolean)
      .join(delimiter),
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Reader',
    GIT_AUTHOR_EMAIL: 'reader@ferry.invalid',
    GIT_COMMITTER_NAME: 'Reader',
    GIT_COMMITTER_EMAIL: 'reader@ferry.invalid',
  };
  const kubeconfig = testKubeconfig();
  if (kubeconfig) env.KUBECONFIG = kubeconfig;
  else delete env.KUBECONFIG;
  try {
    // The pages' own text, as a reader pastes it into a shell; it is the project's, not input.
    const { stdout, stderr } = await exec(
      'bash',
      ['-euo', 'pipefail', '-c', `exec 2>&1\n${script}`],
      {
        cwd,
        env,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 280_000,
      },
    );
    return stdout + stderr;
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    assert.fail(`the blocks exited ${failed.code}:\n${failed.stdout ?? ''}\n--- script\n${script}`);
  }
}

/** Namespaces a page creates with kubectl: removed before it runs again, and after. */
function createdNamespaces(script: string): string[] {
  return [...script.matchAll(/kubectl create namespace (\S+)/g)].map((match) => match[1]!);
}

async function deleteNamespaces(names: string[]): Promise<void> {
  for (const name of names)
    await kubectl(['delete', 'namespace', name, '--ignore-not-found', '--wait']);
}

/** What a page's run must have printed, beyond exiting 0. */
const EXPECTED: Record<string, RegExp[]> = {
  'README.md': [
    /deployment-guestbook\.yaml/,
    /no drift: 5 objects match git/,
    /\/spec\/replicas[\s\S]*exit code 3/,
    /staging\/deployment-guestbook\.yaml/,
    /### ferry render: staging/,
    // The README's local-action block: outputs in the runner's GITHUB_OUTPUT file.
    /^objects<<ghadelimiter_[\w-]+\n5\n/m,
  ],
  'docs/apply.md': [/"inventory"/],
  // A proposed app is a set of the environment repo, and the only one its merge changed.
  'docs/environment-repo.md': [
    /^inventory: "guestbook-staging"$/m,
    /^prod-eu +guestbook-staging +apps\/guestbook\/staging *\n(?!prod-eu)/m,
  ],
  'docs/credentials.md': [
    /kind: RoleBinding/,
    /guestbook-staging\/guestbook/,
    /no drift: 5 objects match git/,
    /lacks \d+ permission\(s\) plan needs; nothing was written:\n {2}- create configmaps in namespace guestbook-staging \(server-side apply\)\n/,
    /exit code 1/,
  ],
  'docs/development.md': [/### ferry render: production/],
  'docs/propose.md': [/staging\/deployment-guestbook\.yaml/],
  'docs/promote.md': [/Gates: forced \(2 failed\)/, /production\/deployment-guestbook\.yaml/],
  'docs/render.md': [/kind: Deployment/],
  'docs/rollback.md': [
    /image: registry\.example\.com\/acme\/guestbook:1\.4\.2/,
    /refused: exit code 1/,
  ],
};

describe('the README and docs/, executed verbatim', () => {
  it('give every block that does not run a reason, and have pages to run', async () => {
    let runnable = 0;
    for (const page of pages) {
      const text = await readFile(join(root, page), 'utf8');
      for (const marker of text.matchAll(/<!-- verbatim:[^\n]*/g)) {
        assert.match(
          marker[0],
          /^<!-- verbatim: (skip \([^)]+\)|output) -->$/,
          `${page}: ${marker[0]}`,
        );
      }
      runnable += (await shellBlocks(page)).filter((block) => !block.skip).length;
    }
    assert.ok(runnable >= 15, `only ${runnable} runnable blocks`);
    for (const page of Object.keys(EXPECTED)) assert.ok(pages.includes(page), page);
  });

  for (const page of pages) {
    it(`${page}: its sh blocks run in order in one shell`, async (t) => {
      const blocks = (await shellBlocks(page)).filter((block) => !block.skip);
      if (blocks.length === 0) return t.skip('no block to run');
      const script = blocks.map((block) => block.text).join('\n');
      const needsCluster = /\bkubectl\b|ferry (apply|drift|plan)\b/.test(script);
      if (needsCluster && !testKubeconfig()) return t.skip('no cluster: use npm test');
      const namespaces = createdNamespaces(script);
      await deleteNamespaces(namespaces);
      try {
        const out = await runVerbatim(script, await scratchProject());
        for (const expected of EXPECTED[page] ?? []) assert.match(out, expected, out);
        for (const sample of await outputBlocks(page)) assertShown(out, sample, page);
      } finally {
        if (needsCluster) await deleteNamespaces(namespaces);
        await rm('/tmp/action.env', { force: true });
      }
    });
  }
});
