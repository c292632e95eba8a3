/**
 * `pull_request_target` runs with the base repository's secrets while the pull request's code
 * may come from a fork. A proposal built from that code and pushed with those secrets is the
 * classic "pwn request"; ferry refuses it unless told otherwise.
 * https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/
 */

interface PullRequestEvent {
  pull_request?: {
    head?: { repo?: { full_name?: string } | null };
    base?: { repo?: { full_name?: string } | null };
  };
  repository?: { full_name?: string };
}

/**
 * Why running here is unsafe, or undefined when it is not. `event` is the parsed
 * GITHUB_EVENT_PATH file, or undefined when it could not be read (which is refused: the check
 * fails closed).
 */
export function forkEventRisk(eventName: string | undefined, event: unknown): string | undefined {
  if (eventName !== 'pull_request_target') return undefined;
  const payload = (typeof event === 'object' && event !== null ? event : {}) as PullRequestEvent;
  const head = payload.pull_request?.head?.repo?.full_name;
  const base = payload.pull_request?.base?.repo?.full_name ?? payload.repository?.full_name;
  if (event === undefined) {
    return 'pull_request_target event without a readable GITHUB_EVENT_PATH';
  }
  if (!head || !base || head.toLowerCase() !== base.toLowerCase()) {
    return `pull_request_target from ${head ?? 'a deleted fork'} into ${base ?? 'this repository'}`;
  }
  return undefined;
}
