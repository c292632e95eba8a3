// The fake's GraphQL endpoint: the two mutations ferry uses, with GitHub's error shapes.
// `createCommitOnBranch` writes a real commit with git plumbing and moves the branch with a
// compare-and-swap, so a stale `expectedHeadOid` fails exactly as it does on GitHub.
import { Ajv } from 'ajv';
import { compareAndSwapRef, InvalidPathError, readRef, writeCommit } from './git-plumbing.js';
import type { Links } from './github-repository-json.js';
import { refreshPull, viewerIdentity, webFlowIdentity } from './github-rest-support.js';
import type { ForgeState, RepoRecord } from './github-state.js';
import { commitOnBranchInput, graphqlRequest, autoMergeInput } from './graphql-schemas.js';
import { readGraphqlDocument } from './graphql-document.js';

/** What the GraphQL handler may use. */
export interface GraphqlContext {
  state: ForgeState;
  links: Links;
  /** Records a request the fake (and GitHub) would reject as malformed. */
  note(violation: string): void;
}

/** A GraphQL error as GitHub returns it. */
export interface GraphqlError {
  type?: string;
  path?: string[];
  message: string;
}

class MutationError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const ajv = new Ajv({ strict: false, allErrors: true });
const validateRequest = ajv.compile(graphqlRequest);
const inputValidators = {
  createCommitOnBranch: {
    type: 'CreateCommitOnBranchInput!',
    validate: ajv.compile(commitOnBranchInput),
  },
  enablePullRequestAutoMerge: {
    type: 'EnablePullRequestAutoMergeInput!',
    validate: ajv.compile(autoMergeInput),
  },
};
type MutationName = keyof typeof inputValidators;

/** Answers one POST /graphql body with `{ data, errors }`. */
export async function handleGraphql(context: GraphqlContext, body: unknown): Promise<unknown> {
  const reject = (message: string) => {
    context.note(`graphql: ${message}`);
    return { errors: [{ message }] };
  };
  if (!validateRequest(body)) {
    return reject(`request body ${ajv.errorsText(validateRequest.errors)}`);
  }
  const request = body as { query: string; variables?: Record<string, unknown> | null };
  let document;
  try {
    document = readGraphqlDocument(request.query);
  } catch (error) {
    return reject((error as Error).message);
  }
  const variables = request.variables ?? {};
  // Check every field before running any, so a bad second field cannot leave the first applied.
  const calls: { key: string; name: MutationName; input: unknown }[] = [];
  for (const field of document.fields) {
    const name = field.name as MutationName;
    if (document.operation !== 'mutation' || !Object.hasOwn(inputValidators, name)) {
      const type = document.operation === 'mutation' ? 'Mutation' : 'Query';
      return reject(`Field '${field.name}' doesn't exist on type '${type}' in the test server`);
    }
    const known = inputValidators[name];
    const variable = field.arguments.get('input');
    if (variable === undefined || field.arguments.size !== 1) {
      return reject(
        `${field.name}: pass exactly one argument, input: $variable (inline literals are not supported)`,
      );
    }
    const declared = document.variableTypes.get(variable);
    if (declared !== known.type) {
      return reject(
        `Type mismatch on variable $${variable} and argument input (${declared ?? 'undeclared'} / ${known.type})`,
      );
    }
    const input = variables[variable];
    if (!known.validate(input)) {
      return reject(
        `Variable $${variable} of type ${known.type} was provided invalid value: ${ajv.errorsText(known.validate.errors)}`,
      );
    }
    calls.push({ key: field.key, name, input });
  }
  const data: Record<string, unknown> = {};
  const errors: GraphqlError[] = [];
  for (const call of calls) {
    try {
      data[call.key] = await (call.name === 'createCommitOnBranch'
        ? createCommitOnBranch(context, call.input as CommitOnBranchInput)
        : enableAutoMerge(context, call.input as AutoMergeInput));
    } catch (error) {
      if (!(error instanceof MutationError)) throw error;
      data[call.key] = null;
      errors.push({ type: error.type, path: [call.key], message: error.message });
    }
  }
  return errors.length > 0 ? { data, errors } : { data };
}

interface CommitOnBranchInput {
  clientMutationId?: string | null;
  branch: {
    repositoryNameWithOwner?: string | null;
    repositoryId?: string | null;
    branchName: string;
  };
  message: { headline: string; body?: string | null };
  fileChanges?: {
    additions?: { path: string; contents: string }[] | null;
    deletions?: { path: string }[] | null;
  } | null;
  expectedHeadOid: string;
}

function repositoryOf(context: GraphqlContext, input: CommitOnBranchInput['branch']): RepoRecord {
  const { state } = context;
  const byName = input.repositoryNameWithOwner?.split('/');
  const repo = byName
    ? state.repo(byName[0] ?? '', byName[1] ?? '')
    : [...state.repos.values()].find((candidate) => candidate.nodeId === input.repositoryId);
  if (!repo) {
    const name = input.repositoryNameWithOwner ?? input.repositoryId ?? '';
    throw new MutationError(
      'NOT_FOUND',
      `Could not resolve to a Repository with the name '${name}'.`,
    );
  }
  return repo;
}

async function createCommitOnBranch(context: GraphqlContext, input: CommitOnBranchInput) {
  const repo = repositoryOf(context, input.branch);
  const branch = input.branch.branchName.replace(/^refs\/heads\//, '');
  const ref = `refs/heads/${branch}`;
  const head = await readRef(repo, ref);
  if (!head) throw new MutationError('NOT_FOUND', `Could not resolve to a Ref named '${ref}'.`);
  const stale = new MutationError(
    'STALE_DATA',
    `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.`,
  );
  if (head !== input.expectedHeadOid) throw stale;
  const message = input.message.body
    ? `${input.message.headline}\n\n${input.message.body}\n`
    : `${input.message.headline}\n`;
  let oid: string;
  try {
    oid = await writeCommit(repo, {
      parent: head,
      changes: {
        additions: (input.fileChanges?.additions ?? []).map((addition) => ({
          path: addition.path,
          contents: Buffer.from(addition.contents, 'base64'),
        })),
        deletions: (input.fileChanges?.deletions ?? []).map((deletion) => deletion.path),
      },
      message,
      author: viewerIdentity(context.state),
      committer: webFlowIdentity,
    });
  } catch (error) {
    // Paths such as `../x` or `.git/config` are the caller's mistake; anything else is a bug.
    if (error instanceof InvalidPathError) throw new MutationError('UNPROCESSABLE', error.message);
    throw error;
  }
  // The compare-and-swap closes the race between the check above and this update.
  if (!(await compareAndSwapRef(repo, ref, oid, head))) throw stale;
  repo.verifiedCommits.add(oid);
  return {
    ...(input.clientMutationId ? { clientMutationId: input.clientMutationId } : {}),
    commit: { oid, url: `${context.links.api}/${repo.fullName}/commit/${oid}` },
  };
}

interface AutoMergeInput {
  clientMutationId?: string | null;
  pullRequestId: string;
  mergeMethod?: 'MERGE' | 'SQUASH' | 'REBASE' | null;
  commitHeadline?: string | null;
  commitBody?: string | null;
  expectedHeadOid?: string | null;
}

async function enableAutoMerge(context: GraphqlContext, input: AutoMergeInput) {
  const found = context.state.pullByNodeId(input.pullRequestId);
  if (!found?.issue.pull) {
    throw new MutationError(
      'NOT_FOUND',
      `Could not resolve to a node with the global id of '${input.pullRequestId}'`,
    );
  }
  const { repo, issue } = found;
  const pull = found.issue.pull;
  await refreshPull(context.state, repo, issue);
  if (issue.state !== 'open') {
    throw new MutationError(
      'UNPROCESSABLE',
      `Pull request is in ${pull.merged ? 'merged' : 'closed'} state`,
    );
  }
  if (input.expectedHeadOid && input.expectedHeadOid !== pull.headSha) {
    throw new MutationError('UNPROCESSABLE', 'Head sha did not match expected head oid');
  }
  const method = (input.mergeMethod ?? 'MERGE').toLowerCase() as 'merge' | 'squash' | 'rebase';
  const enabledAt = context.state.now();
  pull.autoMerge = {
    method,
    commitTitle: input.commitHeadline ?? `${issue.title} (#${issue.number})`,
    commitMessage: input.commitBody ?? '',
    enabledBy: context.state.viewer.login,
    enabledAt,
  };
  issue.updatedAt = enabledAt;
  return {
    ...(input.clientMutationId ? { clientMutationId: input.clientMutationId } : {}),
    pullRequest: {
      id: pull.nodeId,
      number: issue.number,
      autoMergeRequest: { mergeMethod: method.toUpperCase(), enabledAt },
    },
  };
}
