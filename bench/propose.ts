/**
 * bench/propose: requests `ferry propose` makes per proposal on GitHub, by kind, for apps of 1,
 * 10 and 50 files, when it creates the pull request, updates it, and finds nothing to do.
 * Counted from the local GitHub test server's request log (test/forge). The peer, computed for
 * the same files, is the per-file Contents API approach many tools take (one PUT per file,
 * plus the branch and the pull request); the target is ≤ 3 writes per update.
 *
 *   npm exec -- node --import tsx bench/propose.ts
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../src/adapters/logger.js';
import { propose } from '../src/commands/env-repo/propose/propose.js';
import { startGitHubServer, type RecordedRequest } from '../test/forge/github-server.js';

const quiet: Logger = { info: () => {}, warning: () => {}, group: (_title, work) => work() };

const template = `{{#each values.items}}
---
apiVersion: v1
kind: ConfigMap
metadata: { name: {{this}}, namespace: {{../namespace}} }
data:
  image: {{../image.ref}}
{{/each}}
`;

async function app(dir: string, files: number): Promise<string> {
  await mkdir(join(dir, 'deploy'), { recursive: true });
  await writeFile(join(dir, 'deploy', 'configmaps.yaml'), template);
  const items = Array.from({ length: files }, (_, i) => `cm-${i}`);
  await writeFile(
    join(dir, 'ferry.yaml'),
    `app: bench
image: registry.example.com/acme/bench
templates: deploy
environments:
  staging:
    repo: acme/envs-${files}
    path: apps/bench/staging
    namespace: bench
    values: { items: ${JSON.stringify(items)} }
`,
  );
  return join(dir, 'ferry.yaml');
}

interface Count {
  restReads: number;
  gitReads: number;
  writes: number;
  ms: number;
}

function count(requests: RecordedRequest[], ms: number): Count {
  const git = requests.filter((r) => r.path.startsWith('/git/'));
  const api = requests.filter((r) => !r.path.startsWith('/git/'));
  return {
    restReads: api.filter((r) => r.method === 'GET').length,
    gitReads: git.length,
    writes: api.filter((r) => r.method !== 'GET').length,
    ms,
  };
}

const work = await mkdtemp(join(tmpdir(), 'ferry-bench-propose-'));
const server = await startGitHubServer({ root: join(work, 'repos') });
const rows: string[] = [];
try {
  for (const files of [1, 10, 50]) {
    await server.createRepo(`acme/envs-${files}`, { files: { 'README.md': 'envs\n' } });
    const config = await app(join(work, `app-${files}`), files);
    const run = async (tag: string) => {
      const from = server.requests.length;
      const started = performance.now();
      const result = await propose(
        { config, env: 'staging', imageTag: tag, apiUrl: server.apiUrl },
        quiet,
        { env: { FERRY_GITHUB_TOKEN: server.token } },
      );
      const measured = count(server.requests.slice(from), performance.now() - started);
      return { operation: result.operation, ...measured };
    };
    for (const [tag, peerWrites] of [
      ['1.0.0', files + 2],
      ['1.1.0', files + 1],
      ['1.1.0', 0],
    ] as const) {
      const r = await run(tag);
      const ratio = peerWrites === 0 ? '—' : (r.writes / peerWrites).toFixed(2);
      rows.push(
        `| ${files} | ${r.operation} | ${r.restReads} | ${r.gitReads} | ${r.writes} | ${peerWrites} | ${ratio} | ${r.ms.toFixed(0)} |`,
      );
    }
  }
  if (server.violations.length > 0) throw new Error(server.violations.join('\n'));
} finally {
  await server.close();
  await rm(work, { recursive: true, force: true });
}

console.log(`| files | operation | REST reads | git HTTP reads | writes (REST + GraphQL) | peer writes (Contents API) | ratio | ms |
| ----- | --------- | ---------- | -------------- | ----------------------- | -------------------------- | ----- | -- |
${rows.join('\n')}`);
