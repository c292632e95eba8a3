// The propose component, run by gitlab-ci-local on the shell executor against an environment
// repository reached by path (forge: git): a dry run in merge requests, a pushed branch on the
// default branch. ferry is the npm package packed from this checkout, installed by npx through
// the ferry-package input.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { dump } from 'js-yaml';
import {
  exampleApp,
  gitEnv,
  gitlabProject,
  includeComponent,
  ferryPackage,
  runPipeline,
} from '../helpers/gitlab-ci-local.js';

describe('GitLab CI/CD components: propose to an environment repo', () => {
  let root: string;
  let project: string;
  let envRepo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root }).toString().trim();
  const branch = 'ferry/guestbook/staging';

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-propose-'));
    project = join(root, 'project');
    // The environment repo: a bare repository with a main branch, reached by path (forge: git).
    envRepo = join(root, 'environments.git');
    git('init', '--quiet', '--bare', '--initial-branch=main', envRepo);
    const empty = git('-C', envRepo, 'hash-object', '-t', 'tree', '-w', '/dev/null');
    const base = execFileSync('git', ['commit-tree', empty, '-m', 'environments'], {
      cwd: envRepo,
      env: { ...process.env, ...gitEnv },
    })
      .toString()
      .trim();
    git('-C', envRepo, 'update-ref', 'refs/heads/main', base);
    const app = await exampleApp((ferryYaml) => {
      assert.match(ferryYaml, /repo: \.\.\/environments\n/);
      return ferryYaml.replaceAll('repo: ../environments', `repo: ${envRepo}`);
    });
    const propose = includeComponent('propose', {
      config: 'app/ferry.yaml',
      environment: 'staging',
      'image-tag': '$TEST_IMAGE_TAG',
      'ferry-package': await ferryPackage(),
    });
    await gitlabProject(project, { ...app, '.gitlab-ci.yml': dump({ include: [propose] }) });
  });
  after(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('merge request: propose --dry-run shows the proposal and pushes nothing', async () => {
    const run = await runPipeline(
      project,
      root,
      ['TEST_IMAGE_TAG=1.4.2', 'CI_PIPELINE_SOURCE=merge_request_event'],
      ['--unset-variable', 'CI_COMMIT_BRANCH'],
    );
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, new RegExp(`would be created: branch ${branch}`));
    assert.equal(git('-C', envRepo, 'branch', '--list', branch), '');
  });

  it('default branch: pushes the rendered folder as one commit on ferry/guestbook/staging', async () => {
    const run = await runPipeline(project, root, ['TEST_IMAGE_TAG=1.4.2']);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, new RegExp(`created: branch ${branch}`));
    const files = git('-C', envRepo, 'ls-tree', '-r', '--name-only', branch).split('\n');
    assert.equal(files.length, 6);
    assert.ok(files.includes('apps/guestbook/staging/deployment-guestbook.yaml'), files.join());
    // The set descriptor ferry apply --all reads, written from ferry.yaml.
    assert.match(
      git('-C', envRepo, 'show', `${branch}:apps/guestbook/staging/.ferry-set.yaml`),
      /^inventory: "guestbook-staging"\nnamespace: "guestbook-staging"\n/m,
    );
    const deployment = git(
      '-C',
      envRepo,
      'show',
      `${branch}:apps/guestbook/staging/deployment-guestbook.yaml`,
    );
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: project }).toString().trim();
    assert.match(deployment, new RegExp(`ferry.dev/source-commit: ['"]?${commit}`));
    assert.match(deployment, /registry\.example\.com\/acme\/guestbook:1\.4\.2/);
  });
});
