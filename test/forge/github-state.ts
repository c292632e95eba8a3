// The fake GitHub's memory: everything GitHub keeps outside git (issues, pull requests, labels,
// statuses). Branches and commits are never copied here; they are read from the bare repository.
import { join } from 'node:path';
import type { BareRepository } from './git-plumbing.js';
import type { GitRunner } from './git-runner.js';

/** A GitHub account as the fake knows it. */
export interface ForgeUser {
  login: string;
  id: number;
  type: 'User' | 'Organization' | 'Bot';
}

/** A repository label; GitHub matches names case-insensitively. */
export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
}

/** A comment on an issue or pull request. */
export interface CommentRecord {
  id: number;
  nodeId: string;
  body: string;
  author: string;
  createdAt: string;
  /** Set when the comment was edited. */
  updatedAt?: string;
}

/** Auto-merge as enabled through GraphQL `enablePullRequestAutoMerge`. */
export interface AutoMergeRecord {
  method: 'merge' | 'squash' | 'rebase';
  commitTitle: string;
  commitMessage: string;
  enabledBy: string;
  enabledAt: string;
}

/** The pull-request half of an issue number. */
export interface PullRecord {
  id: number;
  nodeId: string;
  headRef: string;
  /** Last known head tip; refreshed from git while open, frozen once closed (as on GitHub). */
  headSha: string;
  baseRef: string;
  baseSha: string;
  draft: boolean;
  merged: boolean;
  mergedAt: string | null;
  mergeCommitSha: string | null;
  mergedBy: string | null;
  autoMerge: AutoMergeRecord | null;
  requestedReviewers: string[];
  requestedTeams: string[];
  maintainerCanModify: boolean;
}

/** An issue; pull requests are issues with `pull` set, sharing one number sequence. */
export interface IssueRecord {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  author: string;
  /** Label names as created; look them up in the repository by lower-cased name. */
  labels: string[];
  assignees: string[];
  comments: CommentRecord[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  pull?: PullRecord;
}

/** A commit status as posted to `/statuses/{sha}`. */
export interface StatusRecord {
  id: number;
  nodeId: string;
  sha: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  targetUrl: string | null;
  createdAt: string;
  creator: string;
}

/** One repository: its bare git directory plus GitHub-side records. */
export interface RepoRecord extends BareRepository {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
  createdAt: string;
  labels: Map<string, LabelRecord>;
  issues: Map<number, IssueRecord>;
  statuses: StatusRecord[];
  /** Commits the server wrote itself (API commits, merges); GitHub signs these. */
  verifiedCommits: Set<string>;
  nextNumber: number;
}

/** All state of one fake GitHub server. */
export class ForgeState {
  readonly repos = new Map<string, RepoRecord>();
  /** The account the server token belongs to. */
  readonly viewer: ForgeUser = { login: 'ferry-bot', id: 4100, type: 'User' };
  private lastId = 1000;

  constructor(
    readonly root: string,
    readonly git: GitRunner,
  ) {}

  /** A fresh numeric id, unique across all kinds of records. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** A GitHub-style global node id such as `PR_kwDOAAABAQ`. */
  nodeId(prefix: string, id: number): string {
    return `${prefix}_kwDO${Buffer.from(`${prefix}:${id}`).toString('base64url')}`;
  }

  /** Current time as GitHub prints it (ISO 8601, whole seconds, UTC). */
  now(): string {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  /** Registers a repository whose bare directory is `<root>/<owner>/<name>.git`. */
  addRepo(owner: string, name: string, defaultBranch: string): RepoRecord {
    const id = this.nextId();
    const record: RepoRecord = {
      git: this.git,
      gitDir: join(this.root, owner, `${name}.git`),
      id,
      nodeId: this.nodeId('R', id),
      owner,
      name,
      fullName: `${owner}/${name}`,
      defaultBranch,
      createdAt: this.now(),
      labels: new Map(),
      issues: new Map(),
      statuses: [],
      verifiedCommits: new Set(),
      nextNumber: 1,
    };
    this.repos.set(record.fullName.toLowerCase(), record);
    return record;
  }

  /** Looks a repository up by `owner/name`, case-insensitively like GitHub. */
  repo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  /** Finds a pull request by its GraphQL node id. */
  pullByNodeId(nodeId: string): { repo: RepoRecord; issue: IssueRecord } | undefined {
    for (const repo of this.repos.values()) {
      for (const issue of repo.issues.values()) {
        if (issue.pull?.nodeId === nodeId) return { repo, issue };
      }
    }
    return undefined;
  }

  /** Returns the label named `name`, creating it like GitHub does when a new name is applied. */
  ensureLabel(repo: RepoRecord, name: string): LabelRecord {
    const key = name.toLowerCase();
    let label = repo.labels.get(key);
    if (!label) {
      const id = this.nextId();
      label = { id, nodeId: this.nodeId('LA', id), name, color: 'ededed', description: null };
      repo.labels.set(key, label);
    }
    return label;
  }
}
