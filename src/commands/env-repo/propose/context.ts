import type { AutoMergeMethod } from '../../../adapters/forge/github.js';
import type { EnvRepoWorkspace, FetchedBranches } from '../../../adapters/git.js';
import type { Logger } from '../../../adapters/logger.js';
import type { ImageReference } from '../../../core/image.js';
import { ConfigError, OperationError } from '../../../core/errors.js';
import { quoteForMessage } from '../../../core/image.js';
import { pinIdentity, pinRefusal } from '../../../core/pin.js';
import type { ProposalText } from '../../../core/promotion-text.js';
import {
  commitMessage,
  proposalBody,
  proposalTitle,
  type ProposalFacts,
} from '../../../core/proposal-text.js';
import {
  descriptorChange,
  folderDiff,
  imagesIn,
  renderersIn,
  planProposal,
  summarizeObjects,
  type CompanionState,
  type FileMap,
  type ObjectSummary,
  type ProposalPlan,
} from '../../../core/proposal.js';
import type { SourceInfo } from '../../../core/render.js';
import { checkProposedSet } from '../../../core/proposed-set.js';
import { SET_DESCRIPTOR, type EnvSet } from '../../../core/set-descriptor.js';
import type { ToolPaths } from '../../../adapters/renderers/tools.js';
import { otherRendering } from '../../../core/rendered-by.js';
import type { RetryPolicy } from './race-retry.js';

// Shapes shared by `ferry propose` and its GitHub and plain-git halves.

/** Options every pull request ferry opens takes (propose, promote, rollback). */
export interface PullRequestOptions {
  /** Read and report what would be proposed; write nothing. */
  dryRun?: boolean;
  /**
   * Variable holding the forge token; default FERRY_GITHUB_TOKEN, then GITHUB_TOKEN (GitLab:
   * FERRY_GITLAB_TOKEN, GITLAB_TOKEN, CI_JOB_TOKEN).
   */
  tokenEnv?: string;
  /**
   * REST base URL: GitHub's (default GITHUB_API_URL or api.github.com) or GitLab's v4 (default
   * CI_API_V4_URL, the repo URL's origin + /api/v4, or gitlab.com).
   */
  apiUrl?: string;
  labels?: string[];
  reviewers?: string[];
  assignees?: string[];
  draft?: boolean;
  autoMerge?: AutoMergeMethod;
}

export interface ProposeOptions extends PullRequestOptions {
  /** Path to ferry.yaml. */
  config: string;
  env: string;
  imageTag?: string;
  imageDigest?: string;
  /** Overrides for detected source info (CI variables). */
  source?: Partial<SourceInfo>;
  /** Run under pull_request_target from a fork anyway. */
  allowFork?: boolean;
  /** Where kustomize and helm are, when not on PATH. */
  tools?: ToolPaths;
}

/** What a proposal did: the `closed` case is a proposal made moot by the base (see README). */
export type ProposeOperation = 'created' | 'updated' | 'unchanged' | 'closed';

export interface ProposeResult {
  operation: ProposeOperation;
  forge: 'github' | 'gitlab' | 'git';
  /** The environment repository as configured (a local path resolved). */
  repo: string;
  base: string;
  /** The head branch `ferry/<app>/<env>`. */
  branch: string;
  /**
   * The commit this run made, or the head branch's tip when it made none (undefined: no
   * branch). A concurrent later run may have replaced it by the time the result is read.
   */
  headSha: string | undefined;
  pullRequest: { number: number; url: string } | undefined;
  title: string;
  body: string;
  /** The rendered diff against the base branch's folder. */
  diff: string;
  image: string;
  oldImages: string[];
  objects: ObjectSummary;
  dryRun: boolean;
  /** Attempts made; more than one means races were lost and retried. */
  attempts: number;
}

/** Everything an attempt needs, fixed before the first network call. */
export interface ProposalContext {
  app: string;
  envName: string;
  repo: string;
  base: string;
  branch: string;
  path: string;
  image: ImageReference;
  /**
   * The folder's proposed files: rendered (propose, promote) or restored (rollback), with the
   * set descriptor written from ferry.yaml.
   */
  files: FileMap;
  /** The set the folder is, as ferry.yaml describes it (checked against the repo's sets). */
  set: EnvSet;
  /** Exact bytes of files in `files` whose text is a stand-in (not UTF-8; rollback only). */
  bytes?: Map<string, Buffer>;
  /**
   * The app and environment's pin file (see core/pin.ts): honoured (refused unless it pins
   * `image`) when `write` is undefined, else replaced by `write` in the proposal's commit.
   */
  pin: { path: string; write: string | undefined };
  source: SourceInfo;
  sourceCommitUrl: string;
  options: PullRequestOptions;
  /** This proposal's own words against the base folder; propose's when undefined. */
  describe?: (facts: ProposalFacts) => ProposalText;
  env: NodeJS.ProcessEnv;
  retry: RetryPolicy;
  /** Key of the GitHub write pacing this run shares (default: the whole process). */
  throttleId: string | undefined;
  beforeWrite: (attempt: number) => Promise<void>;
  log: Logger;
}

/** What a proposal proposes: the folder's files, the image and the build they come from. */
export interface Proposed {
  files: FileMap;
  image: ImageReference;
  source: SourceInfo;
  sourceCommitUrl: string;
}

/** This run's own proposal. */
export function ownProposal(context: ProposalContext): Proposed {
  return {
    files: context.files,
    image: context.image,
    source: context.source,
    sourceCommitUrl: context.sourceCommitUrl,
  };
}

/** A proposal's facts and words. */
export interface ProposalWords extends ProposalText {
  facts: ProposalFacts;
}

/**
 * The words of a proposal against the base branch's current folder: this run's (the default,
 * in the words of its command), or another run's, described from its files as a deployment.
 */
export function proposalWords(
  context: ProposalContext,
  baseFiles: FileMap,
  proposed?: Proposed,
): ProposalWords {
  const own = proposed === undefined;
  proposed ??= ownProposal(context);
  const facts: ProposalFacts = {
    app: context.app,
    env: context.envName,
    image: proposed.image,
    oldImages: imagesIn(baseFiles),
    renderers: renderersIn(proposed.files),
    oldRenderers: renderersIn(baseFiles),
    summary: summarizeObjects(baseFiles, proposed.files),
    descriptor: descriptorChange(baseFiles, proposed.files),
    diff: folderDiff(baseFiles, proposed.files, context.path),
    source: proposed.source,
    sourceCommitUrl: proposed.sourceCommitUrl,
    path: context.path,
    branch: context.branch,
  };
  if (own && context.describe) return { facts, ...context.describe(facts) };
  return {
    facts,
    title: proposalTitle(facts),
    body: proposalBody(facts),
    message: commitMessage(facts),
  };
}

/** The parts of a result every forge fills the same way. */
export function baseResult(
  context: ProposalContext,
  words: ReturnType<typeof proposalWords>,
): Omit<ProposeResult, 'operation' | 'forge' | 'headSha' | 'pullRequest' | 'attempts'> {
  return {
    repo: context.repo,
    base: context.base,
    branch: context.branch,
    title: words.title,
    body: words.body,
    diff: words.facts.diff,
    image: context.image.ref,
    oldImages: words.facts.oldImages,
    objects: words.facts.summary,
    dryRun: context.options.dryRun ?? false,
  };
}

/** The base and head branches as one fetch saw them, and what the proposal must do. */
export interface ProposalState {
  tips: FetchedBranches;
  baseFiles: FileMap;
  /** The pin file on the base, if any. */
  basePin: string | undefined;
  plan: ProposalPlan;
}

/**
 * Fetches both branches from `remote` and plans the proposal against them. A proposal that
 * honours the pin is refused here, on every attempt, if the base pins another image.
 */
export async function readProposalState(
  context: ProposalContext,
  workspace: EnvRepoWorkspace,
  remote: string,
): Promise<ProposalState> {
  const { base, branch, path, pin } = context;
  const tips = await workspace.fetch(remote, base, branch);
  const file = await workspace.fileOnPath(tips.base, path);
  if (file !== undefined) {
    throw new ConfigError(
      `${shown(file)} is a file on ${base}, so ${path} cannot be a folder (the proposal would replace the file); choose another path`,
    );
  }
  const baseFiles = await workspace.readFolder(tips.base, path);
  refuseOtherRendering(context, baseFiles);
  const descriptors = await workspace.filesNamed(tips.base, SET_DESCRIPTOR);
  checkProposedSet(context.set, descriptors, base);
  const basePin = await workspace.readFile(tips.base, pin.path);
  if (pin.write === undefined && basePin !== undefined) {
    const where = { app: context.app, env: context.envName, path: pin.path, branch: base };
    const refusal = pinRefusal(basePin, where, context.image.ref);
    if (refusal) throw new OperationError(refusal);
  }
  const companions = pin.write === undefined ? [] : [pin.path];
  const head =
    tips.head === undefined
      ? undefined
      : {
          files: await workspace.readFolder(tips.head, path),
          proposesAgainstBase: await workspace.proposesAgainst(
            tips.head,
            tips.base,
            path,
            companions,
          ),
        };
  let companion: CompanionState | undefined;
  if (pin.write !== undefined) {
    const headPin = tips.head && (await workspace.readFile(tips.head, pin.path));
    const identity = (text: string | undefined) => text && pinIdentity(text);
    companion = {
      proposed: pinIdentity(pin.write),
      base: identity(basePin),
      head: identity(headPin),
    };
  }
  const plan = planProposal(context.files, baseFiles, head, companion);
  return { tips, baseFiles, basePin, plan };
}

/**
 * Refuses a folder that holds what ferry rendered for another app or environment (their folder
 * nested in this one): the proposal replaces the whole folder and would delete it.
 */
function refuseOtherRendering(context: ProposalContext, baseFiles: FileMap): void {
  const other = otherRendering(baseFiles, { app: context.app, environment: context.envName });
  if (!other) return;
  const { path, base, app, envName } = context;
  throw new ConfigError(
    `${shown(`${path}/${other.file}`)} on ${base} holds an object of app ${shown(other.owner.app)}, environment ${shown(other.owner.environment)}: the folder ${path} of ${app}/${envName} must not hold another app's or environment's folder (proposing would delete it); give each its own folder, or remove those files first if that app or environment is gone`,
  );
}

/** A name read from the environment repo, as is when plain, else quoted (it is not trusted). */
function shown(name: string): string {
  return /^[\w.%~/-]+$/.test(name) ? name : quoteForMessage(name);
}
