// Checks requests to and responses from the fake GitHub against GitHub's own OpenAPI description,
// so a fake that drifts from the real API (or a client that misuses it) fails the test instead of
// passing against an invented contract.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { OpenAPIBackend, type Document, type Operation } from 'openapi-backend';

/** An API operation matched from a method and a request path. */
export interface MatchedOperation {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
  /** The path rebuilt with every parameter encoded as one segment, as openapi-backend expects. */
  canonicalPath: string;
  operation: Operation;
}

/** What the server received, in the shape openapi-backend validates. */
export interface RequestToCheck {
  query: string;
  headers: Record<string, string | string[]>;
  body: unknown;
}

/** GitHub's REST description, compiled for validation. */
export interface GitHubOpenApi {
  /** Milliseconds spent reading and preparing the description (once per process). */
  readonly loadMs: number;
  match(method: string, path: string): MatchedOperation | undefined;
  /** Violations in the request's path, query, headers and JSON body; empty when valid. */
  checkRequest(match: MatchedOperation, request: RequestToCheck): string[];
  /** Violations in a response status and body; empty when valid. */
  checkResponse(match: MatchedOperation, status: number, body: unknown): string[];
  /** Violations of a named schema under `components.schemas`. */
  checkSchema(schemaName: string, value: unknown): string[];
}

interface Route {
  method: string;
  pathTemplate: string;
  pattern: RegExp;
  paramNames: string[];
  operationId: string;
  specificity: number;
}

const require = createRequire(import.meta.url);
const descriptionPath = require.resolve('@octokit/openapi/generated/api.github.com.json');

let loading: Promise<GitHubOpenApi> | undefined;

/**
 * Loads GitHub's OpenAPI description once per process; later calls share it. Validators are
 * compiled lazily per operation because compiling all ~1,000 operations takes minutes.
 */
export function loadGitHubOpenApi(): Promise<GitHubOpenApi> {
  loading ??= load();
  return loading;
}

async function load(): Promise<GitHubOpenApi> {
  const started = performance.now();
  const document = JSON.parse(await readFile(descriptionPath, 'utf8')) as Document;
  rewriteNullableWithoutType(document);
  const routes = buildRoutes(document);
  // quick: skip validating the 13 MB description itself and compile validators on first use.
  const api = new OpenAPIBackend({
    definition: document,
    quick: true,
    coerceTypes: true,
    ajvOpts: { logger: false },
    customizeAjv: (ajv) => addGitHubFormats(ajv),
  });
  await api.init();
  const schemaAjv = addGitHubFormats(new Ajv({ strict: false, logger: false, allErrors: true }));
  const schemaValidators = new Map<string, ValidateFunction>();
  const loadMs = performance.now() - started;

  const openApi: GitHubOpenApi = {
    loadMs,
    match(method, path) {
      const lower = method.toLowerCase();
      for (const route of routes) {
        if (route.method !== lower) continue;
        const found = route.pattern.exec(path);
        if (!found) continue;
        const params: Record<string, string> = {};
        route.paramNames.forEach((name, index) => {
          params[name] = safeDecode(found[index + 1] ?? '');
        });
        const canonicalPath = route.pathTemplate.replace(/\{([^}]+)\}/g, (_all, name: string) =>
          encodeURIComponent(params[name] ?? ''),
        );
        const operation = api.router.getOperation(route.operationId);
        if (!operation) continue;
        return { ...route, params, canonicalPath, operation };
      }
      return undefined;
    },
    checkRequest(match, request) {
      const result = api.validator.validateRequest(
        {
          method: match.method,
          path: match.canonicalPath,
          query: request.query,
          headers: request.headers,
          body: request.body,
        },
        match.operation,
      );
      return [...describeErrors(result.errors ?? []), ...unknownBodyFields(match, request.body)];
    },
    checkResponse(match, status, body) {
      const documented = documentedResponse(match.operation, status);
      if (documented === undefined) {
        // Every GitHub error may come from any endpoint (404 for a missing repository, 401, 5xx)
        // and the description documents only some per operation; all share the basic-error body.
        if (status >= 400) return openApi.checkSchema('basic-error', body);
        return [`status ${status} is not documented for ${match.operationId}`];
      }
      if (!documented.hasContent) {
        return body === undefined ? [] : [`status ${status} documents no body, but one was sent`];
      }
      const result = api.validator.validateResponse(body, match.operation, status);
      return describeErrors(result.errors ?? []);
    },
    checkSchema(schemaName, value) {
      let validate = schemaValidators.get(schemaName);
      if (!validate) {
        const schema = api.definition.components?.schemas?.[schemaName];
        if (!schema) return [`unknown schema ${schemaName}`];
        validate = schemaAjv.compile(schema);
        schemaValidators.set(schemaName, validate);
      }
      return validate(value) ? [] : describeErrors(validate.errors ?? []);
    },
  };
  return openApi;
}

/**
 * Top-level body fields the operation does not declare. GitHub's schemas rarely forbid extra
 * fields and GitHub ignores them, so a misspelt field (`lables`) would otherwise pass silently.
 */
function unknownBodyFields(match: MatchedOperation, body: unknown): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  const requestBody = match.operation.requestBody as
    | {
        content?: Record<
          string,
          { schema?: { properties?: object; additionalProperties?: unknown } }
        >;
      }
    | undefined;
  const schema = requestBody?.content?.['application/json']?.schema;
  if (!schema?.properties || schema.additionalProperties !== undefined) return [];
  const known = new Set(Object.keys(schema.properties));
  return Object.keys(body)
    .filter((field) => !known.has(field))
    .map((field) => `/requestBody has field "${field}" that ${match.operationId} does not define`);
}

/** Builds one matcher per path template, most literal text first, like GitHub's router. */
function buildRoutes(document: Document): Route[] {
  const routes: Route[] = [];
  const parameters = (document.components?.parameters ?? {}) as Record<string, ParameterLike>;
  for (const [pathTemplate, item] of Object.entries(document.paths ?? {})) {
    for (const [method, value] of Object.entries(item ?? {})) {
      const operation = value as { operationId?: string; parameters?: ParameterLike[] };
      if (!operation.operationId) continue;
      // GitHub marks parameters such as `{ref}` as `x-multi-segment`: they may contain raw
      // slashes (`heads/feature/x`), which openapi-backend's one-segment matcher rejects.
      const multiSegment = new Set(
        (operation.parameters ?? [])
          .map((parameter) => resolveParameter(parameter, parameters))
          .filter((parameter) => parameter?.['x-multi-segment'] === true)
          .map((parameter) => parameter?.name),
      );
      const paramNames: string[] = [];
      const source = pathTemplate
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          paramNames.push(name);
          return multiSegment.has(name) ? '(.+?)' : '([^/]+)';
        })
        .join('');
      routes.push({
        method,
        pathTemplate,
        pattern: new RegExp(`^${source}/?$`),
        paramNames,
        operationId: operation.operationId,
        specificity: pathTemplate.replace(/\{[^}]+\}/g, '').length,
      });
    }
  }
  return routes.sort((a, b) => b.specificity - a.specificity);
}

interface ParameterLike {
  $ref?: string;
  name?: string;
  'x-multi-segment'?: boolean;
}

function resolveParameter(
  parameter: ParameterLike,
  parameters: Record<string, ParameterLike>,
): ParameterLike | undefined {
  if (!parameter.$ref) return parameter;
  return parameters[parameter.$ref.replace('#/components/parameters/', '')];
}

function documentedResponse(
  operation: Operation,
  status: number,
): { hasContent: boolean } | undefined {
  const responses = (operation.responses ?? {}) as Record<string, { content?: object }>;
  const response = responses[String(status)] ?? responses[`${String(status)[0]}XX`];
  if (!response) return undefined;
  return { hasContent: response.content !== undefined };
}

/**
 * Makes GitHub's `nullable: true` mean "or null" everywhere, as GitHub uses it:
 * - beside `oneOf`/`allOf` without a `type`, which Ajv refuses to compile ("nullable" cannot be
 *   used without "type"), the schema becomes `anyOf: [schema, null]`;
 * - beside an `enum` (e.g. an issue's `state_reason`, null while open), null joins the enum,
 *   because Ajv otherwise rejects the null that GitHub really sends.
 */
function rewriteNullableWithoutType(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) rewriteNullableWithoutType(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const value of Object.values(record)) rewriteNullableWithoutType(value);
  if (record.nullable === true && Array.isArray(record.enum) && !record.enum.includes(null)) {
    record.enum = [...(record.enum as unknown[]), null];
  }
  if (record.nullable === true && record.type === undefined && record.$ref === undefined) {
    const schema = { ...record };
    delete schema.nullable;
    for (const key of Object.keys(record)) delete record[key];
    record.anyOf = [schema, { type: 'null' }];
  }
}

function describeErrors(errors: ErrorObject[]): string[] {
  return errors.map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`,
  );
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Formats used in GitHub's description. Hand-written because ajv-formats is not a declared
 * dependency; these are strict enough to catch a value of the wrong kind.
 */
function addGitHubFormats(ajv: Ajv): Ajv {
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
  ajv.addFormat('date-time', { type: 'string', validate: (value) => dateTime.test(value) });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', { type: 'string', validate: (value) => URL.canParse(value) });
  ajv.addFormat('uri-template', /^\S*$/);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('repo.nwo', /^[\w.-]+\/[\w.-]+$/);
  ajv.addFormat('timestamp', /^\d+$/);
  return ajv;
}
