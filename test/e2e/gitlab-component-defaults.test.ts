// A GitLab project includes a ferry component as users do, by version from the component's own
// project (`include: component: <host>/ferry-gitops/ferry/render@0`), and sets no ferry-package:
// the job runs the ferry committed at the component's commit (`$[[ component.sha ]]`), fetched
// with git from that project. The component project is a real repository with a `0.1.0` tag,
// served by `git http-backend`; git's `insteadOf` sends gitlab-ci-local and the job, which both
// ask for `https://gitlab.example.invalid/…`, to it.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { access, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { dump } from 'js-yaml';
import { serveGitHttp } from '../forge/git-http.js';
import { GitRunner } from '../forge/git-runner.js';
import {
  exampleApp,
  gitEnv,
  gitlabProject,
  jobArtifact,
  repoRoot,
  runGitlabCiLocal,
} from '../helpers/gitlab-ci-local.js';

const exec = promisify(execFile);
const HOST = 'gitlab.example.invalid';

/** What a release commit of ferry holds that a job needs: the bundle, schemas and templates. */
const RELEASE_FILES = ['package.json', 'LICENSE', 'README.md', 'dist', 'schema', 'templates'];

/**
 * git configuration, as variables, that sends every form of the fake host's URLs
 * gitlab-ci-local and jobs build (http or https, with or without :443) to `gitUrl`.
 */
function insteadOf(gitUrl: string): Record<string, string> {
  const forms = ['https', 'http'].flatMap((scheme) => [
    `${scheme}://${HOST}/`,
    `${scheme}://${HOST}:443/`,
  ]);
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(forms.length) };
  forms.forEach((form, i) => {
    env[`GIT_CONFIG_KEY_${i}`] = `url.${gitUrl}.insteadOf`;
    env[`GIT_CONFIG_VALUE_${i}`] = form;
  });
  return env;
}

describe('GitLab CI/CD components included by version, with their defaults', () => {
  let root: string;
  let server: Server;
  let releaseSha: string;
  let gitUrl: string;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'ferry-gitlab-defaults-'));
    // The component project: this checkout's release files as one commit tagged 0.1.0.
    const work = join(root, 'component');
    await mkdir(work);
    for (const file of RELEASE_FILES) {
      await cp(join(repoRoot, file), join(work, file), { recursive: true });
    }
    const git = (...args: string[]) =>
      exec('git', args, { cwd: work, env: { ...process.env, ...gitEnv } });
    await git('init', '--quiet', '--initial-branch=main');
    await git('add', '--all');
    await git('commit', '--quiet', '--message', 'ferry 0.1.0');
    await git('tag', '0.1.0');
    releaseSha = (await git('rev-parse', 'HEAD')).stdout.trim();
    const served = join(root, 'served');
    await git('clone', '--quiet', '--bare', work, join(served, 'ferry-gitops', 'ferry.git'));

    const runner = new GitRunner();
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      serveGitHttp(request, response, decodeURIComponent(url.pathname), url.search.slice(1), {
        root: served,
        git: runner,
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    gitUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    server?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('render@0 runs the ferry of the tagged commit, with no ferry-package and no registry', async () => {
    const project = join(root, 'project');
    const include = {
      component: `${HOST}/ferry-gitops/ferry/render@0`,
      inputs: { config: 'app/ferry.yaml', environment: 'staging', 'image-tag': '1.4.2' },
    };
    await gitlabProject(project, {
      ...(await exampleApp((ferryYaml) => ferryYaml)),
      '.gitlab-ci.yml': dump({ include: [include] }),
    });
    const jobTmp = join(root, 'job-tmp');
    await mkdir(jobTmp);
    const run = await runGitlabCiLocal(project, [], {
      home: join(root, 'home'),
      timeoutMs: 180_000,
      env: {
        TMPDIR: jobTmp,
        // An npm that cannot reach a registry: the default install must not need one.
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_cache: join(root, 'npm-cache'),
        ...insteadOf(gitUrl),
      },
    });
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /^ferry-render finished in /m, run.output);
    const deployment = await jobArtifact(
      project,
      'ferry-render',
      'rendered/deployment-guestbook.yaml',
    );
    assert.match(deployment, /image: registry\.example\.com\/acme\/guestbook:1\.4\.2/);
    // The job fetched the component's own commit, and ran its bundle.
    await access(join(jobTmp, `ferry-${releaseSha}`, 'dist', 'cli.js'));
  });
});
