// The app and environment repository the propose tests share: three templates, one staging
// environment, and helpers to read what a proposal left in a bare repository.
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TestContext } from 'node:test';
import { bare } from './env-repo.js';
import { writeApp } from './render.js';

export { bare, capture } from './env-repo.js';

export const TEMPLATES: Record<string, string> = {
  'deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{app}}
  namespace: {{namespace}}
spec:
  replicas: {{values.replicas}}
  template:
    spec:
      containers:
        - name: app
          image: {{image.ref}}
`,
  'service.yaml': `apiVersion: v1
kind: Service
metadata: { name: {{app}}, namespace: {{namespace}} }
spec:
  ports: [{ port: 80 }]
`,
  'configmap.yaml': `apiVersion: v1
kind: ConfigMap
metadata: { name: {{app}}-config, namespace: {{namespace}} }
data:
  note: {{values.note}}
`,
};

export const BRANCH = 'ferry/demo/staging';
export const PATH = 'apps/demo/staging';

/** The app's ferry.yaml, its staging environment in `repo`, plus `extra` lines. */
export function appConfig(repo: string, extra = ''): string {
  return `app: demo
image: registry.example.com/acme/demo
templates: deploy
environments:
  staging:
    repo: ${JSON.stringify(repo)}
    branch: main
    path: ${PATH}
    namespace: demo
    values: { replicas: 2, note: "hello" }
${extra}`;
}

/** Writes the app (removed after the test); returns its ferry.yaml's path. */
export async function app(t: TestContext, repo: string, extra = ''): Promise<string> {
  const config = await writeApp(TEMPLATES, appConfig(repo, extra));
  t.after(() => rm(dirname(config), { recursive: true, force: true }));
  return config;
}

/** How many times a run said it lost a race and retried. */
export const retries = (lines: string[]) =>
  lines.filter((line) => line.includes('lost a race')).length;

/** A file of the staging folder at `ref`. */
export const show = (gitDir: string, ref: string, file: string) =>
  bare(gitDir, 'show', `${ref}:${PATH}/${file}`);
