// JSON Schemas for the GraphQL request body and the input objects of the mutations the fake
// serves, written from GitHub's GraphQL reference because GitHub publishes no machine-readable
// description of them that Ajv could use:
// https://docs.github.com/graphql/reference/input-objects#createcommitonbranchinput
// https://docs.github.com/graphql/reference/input-objects#enablepullrequestautomergeinput
// Optional GraphQL input fields may be null as well as absent.

const optionalString = { type: ['string', 'null'] };
// GitHub's Base64String scalar: standard alphabet with padding.
const base64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';
const gitObjectId = '^[0-9a-f]{40}$';

/** The body of POST /graphql. */
export const graphqlRequest = {
  type: 'object',
  required: ['query'],
  additionalProperties: false,
  properties: {
    query: { type: 'string', minLength: 1 },
    variables: { type: ['object', 'null'] },
    operationName: optionalString,
  },
};

/** `CreateCommitOnBranchInput`. */
export const commitOnBranchInput = {
  type: 'object',
  required: ['branch', 'message', 'expectedHeadOid'],
  additionalProperties: false,
  properties: {
    clientMutationId: optionalString,
    branch: {
      type: 'object',
      required: ['branchName'],
      additionalProperties: false,
      properties: {
        branchName: { type: 'string', minLength: 1 },
        repositoryNameWithOwner: { type: 'string', pattern: '^[^/\\s]+/[^/\\s]+$' },
        repositoryId: { type: 'string', minLength: 1 },
      },
      // CommittableBranch needs one way to name the repository.
      anyOf: [{ required: ['repositoryNameWithOwner'] }, { required: ['repositoryId'] }],
    },
    message: {
      type: 'object',
      required: ['headline'],
      additionalProperties: false,
      properties: { headline: { type: 'string', minLength: 1 }, body: optionalString },
    },
    fileChanges: {
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        additions: {
          type: ['array', 'null'],
          items: {
            type: 'object',
            required: ['path', 'contents'],
            additionalProperties: false,
            properties: {
              path: { type: 'string', minLength: 1 },
              contents: { type: 'string', pattern: base64 },
            },
          },
        },
        deletions: {
          type: ['array', 'null'],
          items: {
            type: 'object',
            required: ['path'],
            additionalProperties: false,
            properties: { path: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
    expectedHeadOid: { type: 'string', pattern: gitObjectId },
  },
};

/** `EnablePullRequestAutoMergeInput`. */
export const autoMergeInput = {
  type: 'object',
  required: ['pullRequestId'],
  additionalProperties: false,
  properties: {
    clientMutationId: optionalString,
    pullRequestId: { type: 'string', minLength: 1 },
    mergeMethod: { enum: ['MERGE', 'SQUASH', 'REBASE', null] },
    commitHeadline: optionalString,
    commitBody: optionalString,
    authorEmail: optionalString,
    expectedHeadOid: { type: ['string', 'null'], pattern: gitObjectId },
  },
};
