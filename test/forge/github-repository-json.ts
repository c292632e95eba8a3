// JSON for accounts and repositories, and GitHub's error bodies. Every required field of
// GitHub's schemas is filled by hand (its own examples do not all validate); the response
// validator proves each body against the schema on every call.
import type { ForgeUser, RepoRecord } from './github-state.js';

/** Base URLs that objects link to. */
export interface Links {
  /** REST root, e.g. `http://127.0.0.1:1234`. */
  api: string;
}

const docs = 'https://docs.github.com/rest';

/** GitHub's `basic-error` body. */
export function basicError(message: string, status: number) {
  return { message, documentation_url: docs, status: String(status) };
}

/** GitHub's 422 `validation-error` body. */
export function validationFailed(
  errors: { resource?: string; field?: string; code: string; message?: string }[],
  message = 'Validation Failed',
) {
  return { message, errors, documentation_url: docs };
}

/** A `simple-user`. */
export function userJson(links: Links, user: ForgeUser) {
  const url = `${links.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: `U_kgDO${user.id}`,
    avatar_url: `${links.api}/avatars/${user.login}`,
    gravatar_id: '',
    url,
    html_url: `${links.api}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

/** A user object for a login the fake has no record of; ids are stable per login. */
export function loginJson(links: Links, login: string) {
  const id = [...login].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) % 1_000_000, 7);
  return userJson(links, {
    login,
    id: 10_000 + id,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
  });
}

/** A repository satisfying `full-repository`, `repository` and `minimal-repository` at once. */
export function repositoryJson(links: Links, repo: RepoRecord) {
  const url = `${links.api}/repos/${repo.fullName}`;
  const html = `${links.api}/${repo.fullName}`;
  const openIssues = [...repo.issues.values()].filter((issue) => issue.state === 'open').length;
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: repo.fullName,
    owner: loginJson(links, repo.owner),
    private: true,
    visibility: 'private',
    html_url: html,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `${links.api}/git/${repo.fullName}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    ssh_url: `git@127.0.0.1:${repo.fullName}.git`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    // Where `git clone` works on this server (credentials are not embedded, as on GitHub).
    clone_url: `${links.api}/git/${repo.fullName}.git`,
    mirror_url: null,
    hooks_url: `${url}/hooks`,
    svn_url: html,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: openIssues,
    open_issues: openIssues,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    permissions: { admin: true, maintain: true, push: true, triage: true, pull: true },
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: true,
    delete_branch_on_merge: false,
    subscribers_count: 0,
    network_count: 0,
    license: null,
  };
}
