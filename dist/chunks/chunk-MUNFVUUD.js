import { createRequire as __ferryCreateRequire } from 'node:module'; const require = __ferryCreateRequire(import.meta.url);
import {
  checkSchema,
  compileSchema,
  fieldName,
  locate,
  parseYamlSource
} from "./chunk-P25TPT5Y.js";
import {
  escapeField,
  formatPath,
  isRecord,
  jsonEqual
} from "./chunk-42HGEZZQ.js";
import {
  groupOf
} from "./chunk-XIPL23AO.js";
import {
  ConfigError
} from "./chunk-PTXPLBH2.js";

// schema/ignore.schema.json
var ignore_schema_default = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/ferry-gitops/ferry/schema/ignore.schema.json",
  title: "ferry drift --ignore rules",
  description: "Fields drift does not report, in the shape of Flux's driftDetection.ignore: a list of rules, or a driftDetection block ({mode, ignore}).",
  if: { type: "array" },
  then: { $ref: "#/definitions/rules" },
  else: {
    type: "object",
    additionalProperties: false,
    required: ["ignore"],
    properties: {
      mode: { type: "string", description: "Flux's driftDetection mode; ferry ignores it." },
      ignore: { $ref: "#/definitions/rules" }
    }
  },
  definitions: {
    rules: {
      type: "array",
      items: { $ref: "#/definitions/rule" }
    },
    rule: {
      type: "object",
      additionalProperties: false,
      required: ["paths"],
      properties: {
        paths: {
          type: "array",
          minItems: 1,
          description: "JSON pointers of the fields to ignore (`/spec/replicas`); `*` matches any one segment.",
          items: {
            type: "string",
            pattern: "^/",
            "x-error": 'expected a JSON pointer starting with "/"'
          }
        },
        target: {
          type: "object",
          additionalProperties: false,
          description: "Which objects the rule applies to; every field given must match. No target: every object.",
          properties: {
            group: { type: "string" },
            version: { type: "string" },
            kind: { type: "string" },
            name: { type: "string" },
            namespace: { type: "string" },
            labelSelector: {
              type: "string",
              description: "A label selector, as kubectl -l takes it."
            },
            annotationSelector: {
              type: "string",
              description: "A selector over annotations, in the same grammar."
            }
          }
        }
      }
    }
  }
};

// src/core/label-selector.ts
var SYMBOLS = ["!=", "==", "=", "!", "(", ")", ",", ">", "<"];
var SPECIAL = /[=!(),><]/;
var SPACE = /[ \t\r\n]/;
function tokenize(text) {
  const tokens = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (SPACE.test(ch)) {
      i++;
    } else if (SPECIAL.test(ch)) {
      const symbol = SYMBOLS.find((s) => text.startsWith(s, i));
      tokens.push({ kind: "symbol", text: symbol });
      i += symbol.length;
    } else {
      let end = i;
      while (end < text.length && !SPECIAL.test(text[end]) && !SPACE.test(text[end])) end++;
      const word = text.slice(i, end);
      tokens.push({ kind: "identifier", text: word });
      i = end;
    }
  }
  tokens.push({ kind: "end", text: "end of string" });
  return tokens;
}
var NAME = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)$/;
var SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function keyProblem(key) {
  const slash = key.lastIndexOf("/");
  const [prefix, name] = slash < 0 ? [void 0, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== void 0 && (prefix.length > 253 || !SUBDOMAIN.test(prefix)))
    return `key "${key}": its prefix must be a DNS subdomain`;
  if (name.length > 63 || !NAME.test(name))
    return `key "${key}": a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  return void 0;
}
function valueProblem(value) {
  return value === "" || value.length <= 63 && NAME.test(value) ? void 0 : `value "${value}": at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
}
function parseLabelSelector(text) {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => tokens[at++];
  const found = (token, expected) => new Error(`found '${token.text}', expected: ${expected}`);
  const requirements = [];
  if (peek().kind === "end") return requirements;
  for (; ; ) {
    let token = next();
    const negated = token.kind === "symbol" && token.text === "!";
    if (negated) token = next();
    if (token.kind !== "identifier") throw found(token, "identifier");
    const key = token.text;
    const bad = keyProblem(key);
    if (bad) throw new Error(bad);
    const after = peek();
    if (negated || after.kind === "end" || after.text === ",") {
      if (negated && after.kind !== "end" && after.text !== ",")
        throw found(after, "',' or end of string");
      requirements.push({ key, operator: negated ? "!" : "exists", values: [] });
    } else {
      requirements.push({ key, ...parseRestriction(next(), next, peek, found) });
    }
    const separator = next();
    if (separator.kind === "end") return requirements;
    if (separator.text !== ",") throw found(separator, "',' or end of string");
    if (peek().kind === "end") throw found(peek(), "identifier after ','");
  }
}
function parseRestriction(operator, next, peek, found) {
  const op = operator.text;
  if (op === "in" || op === "notin") {
    const open = next();
    if (open.text !== "(" || open.kind !== "symbol") throw found(open, "'('");
    const values = [];
    for (; ; ) {
      const value2 = peek().kind === "identifier" ? next().text : "";
      const problem2 = valueProblem(value2);
      if (problem2) throw new Error(problem2);
      values.push(value2);
      const separator = next();
      if (separator.text === ")" && separator.kind === "symbol") return { operator: op, values };
      if (separator.text !== "," || separator.kind !== "symbol")
        throw found(separator, "',' or ')'");
    }
  }
  if (operator.kind !== "symbol" || !["=", "==", "!=", ">", "<"].includes(op))
    throw found(operator, "in, notin, =, ==, !=, >, <");
  const token = peek();
  const value = token.kind === "end" || token.text === "," ? "" : next();
  if (typeof value !== "string" && value.kind !== "identifier") throw found(value, "identifier");
  const text = typeof value === "string" ? value : value.text;
  if ((op === ">" || op === "<") && !/^[+-]?\d+$/.test(text))
    throw new Error(`for '${op}' the value must be an integer, not "${text}"`);
  const problem = valueProblem(text);
  if (problem) throw new Error(problem);
  return { operator: op, values: [text] };
}
function matchesSelector(selector, labels) {
  const map = labels ?? {};
  return selector.every(({ key, operator, values }) => {
    const has = Object.hasOwn(map, key);
    const value = map[key];
    switch (operator) {
      case "exists":
        return has;
      case "!":
        return !has;
      case "=":
      case "==":
      case "in":
        return has && values.includes(value);
      case "!=":
      case "notin":
        return !has || !values.includes(value);
      case ">":
      case "<": {
        if (!has || !/^[+-]?\d+$/.test(value)) return false;
        const [live, limit] = [BigInt(value), BigInt(values[0])];
        return operator === ">" ? live > limit : live < limit;
      }
    }
  });
}

// src/core/ignore.ts
var compiled;
function parseIgnoreRules(text, file) {
  const { data, doc, lines } = parseYamlSource(text, file);
  compiled ??= compileSchema(ignore_schema_default, { allErrors: true });
  checkSchema(compiled, data, { doc, lines }, file);
  const list = Array.isArray(data) ? data : data.ignore;
  const base = Array.isArray(data) ? [] : ["ignore"];
  list.forEach((rule, index) => {
    for (const field of ["labelSelector", "annotationSelector"]) {
      const selector = rule.target?.[field];
      if (selector === void 0) continue;
      try {
        selectorOf(selector);
      } catch (error) {
        const path = [...base, index, "target", field];
        throw new ConfigError(
          `${file}:${locate(doc, lines, path)}: ${fieldName(path)}: ${JSON.stringify(selector)} is not a valid selector: ${error.message}`
        );
      }
    }
  });
  return list.map((rule) => ({
    paths: rule.paths,
    ...rule.target ? { target: rule.target } : {}
  }));
}
var selectors = /* @__PURE__ */ new Map();
function selectorOf(text) {
  let selector = selectors.get(text);
  if (!selector) selectors.set(text, selector = parseLabelSelector(text));
  return selector;
}
function targets(rule, object) {
  const t = rule.target;
  if (!t) return true;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : ["", object.apiVersion];
  return (t.kind === void 0 || t.kind === object.kind) && (t.name === void 0 || t.name === object.metadata.name) && (t.namespace === void 0 || t.namespace === object.metadata.namespace) && (t.group === void 0 || t.group === (group ?? groupOf(object.apiVersion))) && (t.version === void 0 || t.version === version) && (t.labelSelector === void 0 || matchesSelector(selectorOf(t.labelSelector), object.metadata.labels)) && (t.annotationSelector === void 0 || matchesSelector(selectorOf(t.annotationSelector), object.metadata.annotations));
}
function isItem(item, element) {
  if ("value" in element) return jsonEqual(item, element.value);
  if (!("key" in element) || !isRecord(item)) return false;
  return Object.entries(element.key).every(([k, v]) => item[k] === void 0 || item[k] === v);
}
function indexedPointer(live, path) {
  let node = live;
  let pointer = "";
  for (const element of path) {
    if ("field" in element) {
      pointer += `/${escapeField(element.field)}`;
      node = isRecord(node) ? node[element.field] : void 0;
      continue;
    }
    const list = Array.isArray(node) ? node : [];
    const index = "index" in element ? element.index : list.findIndex((item) => isItem(item, element));
    pointer += `/${index >= 0 ? index : formatPath([element])}`;
    node = list[index];
  }
  return pointer || "/";
}
function covers(rulePath, path) {
  const rule = rulePath.split("/");
  const actual = path.split("/");
  if (rule.length > actual.length) return false;
  return rule.every((part, i) => part === "*" || part === actual[i]);
}
function ignoredBy(rules, live, path) {
  const applicable = rules.filter((rule) => targets(rule, live));
  if (applicable.length === 0) return false;
  const pointer = indexedPointer(live, path);
  const shown = formatPath(path);
  return applicable.some((rule) => rule.paths.some((p) => covers(p, shown) || covers(p, pointer)));
}
function coveredAt(rules, object, pointer) {
  return rules.some((rule) => targets(rule, object) && rule.paths.some((p) => covers(p, pointer)));
}

export {
  parseIgnoreRules,
  ignoredBy,
  coveredAt
};
//# sourceMappingURL=chunk-MUNFVUUD.js.map
