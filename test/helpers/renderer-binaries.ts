import { access } from 'node:fs/promises';

/**
 * Until test/helpers/tools.ts (the tools helper) lands: kustomize and helm for the tests, from
 * FERRY_TEST_KUSTOMIZE / FERRY_TEST_HELM or /tmp/kh-bin (built with `go install`).
 */
export async function toolBinary(name: 'helm' | 'kustomize'): Promise<string> {
  const path = process.env[`FERRY_TEST_${name.toUpperCase()}`] || `/tmp/kh-bin/${name}`;
  await access(path);
  return path;
}
