// Request schemas for the GitLab REST v4 endpoints ferry uses, written by hand from GitLab's API
// docs (no official OpenAPI description of these endpoints is installed). Unknown fields are
// refused, so a typo or an attribute GitLab does not take is a violation.
// https://docs.gitlab.com/api/commits/#create-a-commit-with-multiple-files-and-actions
// https://docs.gitlab.com/api/merge_requests/  https://docs.gitlab.com/api/issues/
// https://docs.gitlab.com/api/commits/#commit-status  https://docs.gitlab.com/api/notes/
import { Ajv, type ValidateFunction } from 'ajv';

const sha = { type: 'string', pattern: '^[0-9a-f]{40}$' };
const idList = { type: 'array', items: { type: 'integer', minimum: 0 } };
// https://docs.gitlab.com/api/rest/#offset-based-pagination: per_page at most 100.
const page = {
  per_page: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|100)$' },
  page: { type: 'string', pattern: '^[1-9][0-9]*$' },
};

/** JSON bodies, by `METHOD route`. */
const bodies: Record<string, object> = {
  'POST /projects/:id/merge_requests': {
    type: 'object',
    required: ['source_branch', 'target_branch', 'title'],
    additionalProperties: false,
    properties: {
      source_branch: { type: 'string', minLength: 1 },
      target_branch: { type: 'string', minLength: 1 },
      title: { type: 'string', minLength: 1 },
      description: { type: 'string', maxLength: 1048576 },
      labels: { type: 'string' },
      assignee_id: { type: 'integer' },
      assignee_ids: idList,
      reviewer_ids: idList,
      milestone_id: { type: 'integer' },
      remove_source_branch: { type: 'boolean' },
      squash: { type: 'boolean' },
      allow_collaboration: { type: 'boolean' },
      target_project_id: { type: 'integer' },
    },
  },
  'PUT /projects/:id/merge_requests/:iid': {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: {
      title: { type: 'string', minLength: 1 },
      description: { type: 'string', maxLength: 1048576 },
      state_event: { enum: ['close', 'reopen'] },
      labels: { type: 'string' },
      add_labels: { type: 'string' },
      remove_labels: { type: 'string' },
      assignee_id: { type: 'integer' },
      assignee_ids: idList,
      reviewer_ids: idList,
      target_branch: { type: 'string' },
      squash: { type: 'boolean' },
      remove_source_branch: { type: 'boolean' },
      discussion_locked: { type: 'boolean' },
      milestone_id: { type: 'integer' },
    },
  },
  'PUT /projects/:id/merge_requests/:iid/merge': {
    type: 'object',
    additionalProperties: false,
    properties: {
      merge_when_pipeline_succeeds: { type: 'boolean' },
      auto_merge: { type: 'boolean' },
      squash: { type: 'boolean' },
      sha,
      should_remove_source_branch: { type: 'boolean' },
      merge_commit_message: { type: 'string' },
      squash_commit_message: { type: 'string' },
    },
  },
  'POST /projects/:id/statuses/:sha': {
    type: 'object',
    required: ['state'],
    additionalProperties: false,
    properties: {
      state: { enum: ['pending', 'running', 'success', 'failed', 'canceled', 'skipped'] },
      ref: { type: 'string' },
      name: { type: 'string', maxLength: 255 },
      context: { type: 'string' },
      target_url: { type: 'string', format: 'uri', maxLength: 255 },
      description: { type: 'string', maxLength: 255 },
      coverage: { type: 'number' },
      pipeline_id: { type: 'integer' },
    },
  },
  'POST /projects/:id/issues': {
    type: 'object',
    required: ['title'],
    additionalProperties: false,
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 255 },
      description: { type: 'string', maxLength: 1048576 },
      labels: { type: 'string' },
      assignee_ids: idList,
      confidential: { type: 'boolean' },
    },
  },
  // https://docs.gitlab.com/api/notes/#create-new-merge-request-note: at most 1,000,000 characters.
  'POST /projects/:id/merge_requests/:iid/notes': {
    type: 'object',
    required: ['body'],
    additionalProperties: false,
    properties: {
      body: { type: 'string', minLength: 1, maxLength: 1000000 },
      internal: { type: 'boolean' },
      created_at: { type: 'string' },
      merge_request_diff_head_sha: sha,
    },
  },
  'PUT /projects/:id/merge_requests/:iid/notes/:note_id': {
    type: 'object',
    required: ['body'],
    additionalProperties: false,
    properties: { body: { type: 'string', minLength: 1, maxLength: 1000000 } },
  },
  'PUT /projects/:id/issues/:iid': {
    type: 'object',
    minProperties: 1,
    additionalProperties: false,
    properties: {
      title: { type: 'string', minLength: 1, maxLength: 255 },
      description: { type: 'string', maxLength: 1048576 },
      labels: { type: 'string' },
      add_labels: { type: 'string' },
      remove_labels: { type: 'string' },
      state_event: { enum: ['close', 'reopen'] },
      assignee_ids: idList,
    },
  },
};

/** Query strings (all values strings), by `METHOD route`. */
const queries: Record<string, object> = {
  'GET /projects/:id': { properties: { statistics: { enum: ['true', 'false'] } } },
  'GET /projects/:id/merge_requests': {
    properties: {
      state: { enum: ['opened', 'closed', 'locked', 'merged', 'all'] },
      source_branch: { type: 'string' },
      target_branch: { type: 'string' },
      labels: { type: 'string' },
      ...page,
    },
  },
  // https://docs.gitlab.com/api/commits/#commit-status (list the statuses of a commit)
  'GET /projects/:id/repository/commits/:sha/statuses': {
    properties: {
      ref: { type: 'string', minLength: 1 },
      stage: { type: 'string', minLength: 1 },
      name: { type: 'string', minLength: 1 },
      pipeline_id: { type: 'string', pattern: '^[0-9]+$' },
      all: { enum: ['true', 'false'] },
      order_by: { enum: ['id', 'pipeline_id'] },
      sort: { enum: ['asc', 'desc'] },
      ...page,
    },
  },
  'GET /projects/:id/merge_requests/:iid/notes': {
    properties: {
      sort: { enum: ['asc', 'desc'] },
      order_by: { enum: ['created_at', 'updated_at'] },
      ...page,
    },
  },
  'GET /projects/:id/issues': {
    properties: {
      state: { enum: ['opened', 'closed', 'all'] },
      labels: { type: 'string' },
      search: { type: 'string' },
      ...page,
    },
  },
};

const ajv = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  formats: { uri: /^https?:\/\/\S+$/ },
});
const compiled = new Map<string, { body?: ValidateFunction; query?: ValidateFunction }>();
for (const [route, schema] of Object.entries(bodies))
  compiled.set(route, { ...compiled.get(route), body: ajv.compile(schema) });
for (const [route, schema] of Object.entries(queries)) {
  const query = { type: 'object', additionalProperties: false, ...schema };
  compiled.set(route, { ...compiled.get(route), query: ajv.compile(query) });
}

/** Problems with a request to `route` (`METHOD /projects/:id/...`); empty when it is valid. */
export function checkRequest(
  route: string,
  query: Record<string, string>,
  body: unknown,
): string[] {
  const found = compiled.get(route);
  if (!found) return [`${route}: not an endpoint of the test server`];
  const problems: string[] = [];
  const check = (validate: ValidateFunction | undefined, value: unknown, what: string) => {
    if (!validate) {
      if (what === 'body' && value !== undefined) problems.push(`${route}: takes no body`);
      return;
    }
    if (!validate(value))
      for (const error of validate.errors ?? [])
        problems.push(`${route}: ${what}${error.instancePath} ${error.message ?? ''}`);
  };
  check(found.query, query, 'query');
  check(found.body, body, 'body');
  return problems;
}
