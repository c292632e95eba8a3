import * as core from '@actions/core';
import { rememberSecret } from '../adapters/secrets.js';

/**
 * Masks a secret in every later log line of the job, and returns it. The one place the action
 * registers tokens and webhook URLs with the runner (kubeconfigs go value by value, see
 * kubeconfig.ts). GitHub masks exact strings, so the URL-encoded form is masked too: a token
 * in a URL's user-info is printed encoded. ferry's own redaction (adapters/secrets.ts) learns
 * it too, for text the runner does not see through its masks (the job summary).
 */
export function maskSecret<T extends string | undefined>(value: T): T {
  if (value) {
    rememberSecret(value);
    core.setSecret(value);
    const encoded = encodeURIComponent(value);
    if (encoded !== value) core.setSecret(encoded);
  }
  return value;
}
