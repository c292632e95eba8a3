// The action's entry as a runner starts it: in $GITHUB_WORKSPACE. @github/local-action must run
// from this repository (it finds its TypeScript loader here), so action-step.ts points it at
// this module, which moves into the workspace and then runs dist/action.js's run().
import { resolve } from 'node:path';

export async function run() {
  const entry = resolve(import.meta.dirname, '../../dist/action.js');
  process.chdir(process.env.GITHUB_WORKSPACE);
  const action = await import(entry);
  return action.run();
}
