// REST handlers backed directly by the bare repository: the repository itself, branches, refs,
// commits and commit statuses.
import {
  commitExists,
  compareAndSwapRef,
  deleteRef,
  isAncestor,
  isValidRefName,
  readCommit,
  readRef,
  resolveCommitish,
  ZERO_OID,
} from './git-plumbing.js';
import { commitJson, gitRefJson, statusJson } from './github-objects.js';
import { basicError, repositoryJson } from './github-repository-json.js';
import {
  bodyOf,
  HttpError,
  notFound,
  paginate,
  unprocessable,
  type RestContext,
  type RestHandler,
} from './github-rest-support.js';
import type { StatusRecord } from './github-state.js';

/** The full ref for a `{ref}` path parameter such as `heads/main`, or a 404. */
async function fullRefOf(context: RestContext): Promise<string> {
  const ref = `refs/${context.request.params.ref ?? ''}`;
  if (!(await isValidRefName(context.state.git, ref))) throw notFound();
  return ref;
}

/** A commit SHA for a `{ref}` that may be a SHA, branch or tag, or a 422 like GitHub's. */
async function commitOf(context: RestContext, ref: string): Promise<string> {
  const sha = await resolveCommitish(context.repo, ref);
  if (!sha) throw unprocessable(`No commit found for SHA: ${ref}`);
  return sha;
}

function statusesFor(context: RestContext, sha: string): StatusRecord[] {
  // Newest first, as GitHub lists them.
  return context.repo.statuses.filter((status) => status.sha === sha).reverse();
}

/** Handlers keyed by operationId. */
export const gitHandlers: Record<string, RestHandler> = {
  'repos/get': (context) => ({
    status: 200,
    body: repositoryJson(context.links, context.repo),
  }),

  'repos/get-branch': async (context) => {
    const name = context.request.params.branch ?? '';
    const sha = (await isValidRefName(context.state.git, `refs/heads/${name}`))
      ? await readRef(context.repo, `refs/heads/${name}`)
      : undefined;
    if (!sha) throw notFound('Branch not found');
    const url = `${context.links.api}/repos/${context.repo.fullName}/branches/${encodeURIComponent(name)}`;
    return {
      status: 200,
      body: {
        name,
        commit: commitJson(context.links, context.repo, await readCommit(context.repo, sha)),
        _links: { self: url, html: `${context.links.api}/${context.repo.fullName}/tree/${name}` },
        protected: false,
        protection: {
          enabled: false,
          required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
        },
        protection_url: `${url}/protection`,
      },
    };
  },

  'git/get-ref': async (context) => {
    const ref = await fullRefOf(context);
    const sha = await readRef(context.repo, ref);
    if (!sha) throw notFound();
    return { status: 200, body: gitRefJson(context.links, context.repo, ref, sha) };
  },

  'git/create-ref': async (context) => {
    const { ref, sha } = bodyOf(context) as { ref: string; sha: string };
    // GitHub wants a fully qualified name with at least two slashes (refs/heads/x).
    if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
      throw unprocessable("Reference name must start with 'refs/' and have at least two slashes.");
    }
    if (!(await isValidRefName(context.state.git, ref)))
      throw unprocessable(`${ref} is not a valid ref name.`);
    if (!(await commitExists(context.repo, sha))) throw unprocessable('Object does not exist');
    if (!(await compareAndSwapRef(context.repo, ref, sha, ZERO_OID))) {
      throw unprocessable('Reference already exists');
    }
    const body = gitRefJson(context.links, context.repo, ref, sha);
    return { status: 201, body, headers: { location: body.url } };
  },

  'git/update-ref': async (context) => {
    const ref = await fullRefOf(context);
    const { sha, force = false } = bodyOf(context) as { sha: string; force?: boolean };
    const current = await readRef(context.repo, ref);
    if (!current) throw unprocessable('Reference does not exist');
    if (!(await commitExists(context.repo, sha))) throw unprocessable('Object does not exist');
    if (!force && !(await isAncestor(context.repo, current, sha))) {
      throw unprocessable('Update is not a fast forward');
    }
    if (!(await compareAndSwapRef(context.repo, ref, sha, current))) {
      throw new HttpError(409, basicError('Reference update failed', 409));
    }
    return { status: 200, body: gitRefJson(context.links, context.repo, ref, sha) };
  },

  'git/delete-ref': async (context) => {
    const ref = await fullRefOf(context);
    if (!(await readRef(context.repo, ref))) throw unprocessable('Reference does not exist');
    await deleteRef(context.repo, ref);
    return { status: 204 };
  },

  'repos/get-commit': async (context) => {
    const sha = await commitOf(context, context.request.params.ref ?? '');
    return {
      status: 200,
      body: commitJson(context.links, context.repo, await readCommit(context.repo, sha)),
    };
  },

  'repos/create-commit-status': async (context) => {
    const given = context.request.params.sha ?? '';
    // Statuses attach to a commit SHA; GitHub does not resolve branch names here.
    const sha = /^[0-9a-f]{4,40}$/i.test(given)
      ? await resolveCommitish(context.repo, given)
      : undefined;
    if (!sha) throw unprocessable(`No commit found for SHA: ${given}`);
    const body = bodyOf(context) as {
      state: StatusRecord['state'];
      context?: string;
      description?: string | null;
      target_url?: string | null;
    };
    const id = context.state.nextId();
    const status: StatusRecord = {
      id,
      nodeId: context.state.nodeId('SC', id),
      sha,
      state: body.state,
      context: body.context ?? 'default',
      description: body.description ?? null,
      targetUrl: body.target_url ?? null,
      createdAt: context.state.now(),
      creator: context.state.viewer.login,
    };
    context.repo.statuses.push(status);
    const json = statusJson(context.links, context.repo, status);
    return { status: 201, body: json, headers: { location: json.url } };
  },

  'repos/list-commit-statuses-for-ref': async (context) => {
    const sha = await resolveCommitish(context.repo, context.request.params.ref ?? '');
    if (!sha) throw notFound('No commit found for the ref');
    const { page, headers } = paginate(context, statusesFor(context, sha));
    return {
      status: 200,
      body: page.map((status) => statusJson(context.links, context.repo, status)),
      headers,
    };
  },

  'repos/get-combined-status-for-ref': async (context) => {
    const sha = await resolveCommitish(context.repo, context.request.params.ref ?? '');
    if (!sha) throw notFound('No commit found for the ref');
    const latest = new Map<string, StatusRecord>();
    for (const status of statusesFor(context, sha)) {
      if (!latest.has(status.context)) latest.set(status.context, status);
    }
    const statuses = [...latest.values()];
    const repository = repositoryJson(context.links, context.repo);
    return {
      status: 200,
      body: {
        state: combinedState(statuses),
        statuses: statuses.map((status) => statusJson(context.links, context.repo, status)),
        sha,
        total_count: statuses.length,
        repository,
        commit_url: `${repository.url}/commits/${sha}`,
        url: `${repository.url}/commits/${sha}/status`,
      },
    };
  },
};

/** GitHub's rule: any error or failure fails; otherwise pending unless every context succeeded. */
function combinedState(statuses: StatusRecord[]): 'failure' | 'pending' | 'success' {
  if (statuses.some((status) => status.state === 'error' || status.state === 'failure')) {
    return 'failure';
  }
  if (statuses.length === 0 || statuses.some((status) => status.state === 'pending')) {
    return 'pending';
  }
  return 'success';
}
