import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Writes a throwaway app (ferry.yaml + templates) and returns the path of its ferry.yaml. */
export async function writeApp(
  templates: Record<string, string>,
  config?: string,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ferry-app-'));
  await writeFile(
    join(dir, 'ferry.yaml'),
    config ??
      `app: demo
image: registry.example.com/acme/demo
templates: deploy
environments:
  dev:
    repo: ../env
    path: apps/demo/dev
    values: { replicas: 1, name: demo }
`,
  );
  for (const [name, text] of Object.entries(templates)) {
    const path = join(dir, 'deploy', name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return join(dir, 'ferry.yaml');
}
