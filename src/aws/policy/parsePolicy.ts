import { MalformedPolicyDocumentError } from './errors';
import { parseOperator } from './operators';
import type { ConditionClause, Policy, PolicyInput, PolicyStatement, PrincipalSpec } from './types';

/**
 * Validates a policy document as IAM does before it stores one, and returns it normalized (every
 * list element as an array, conditions flattened to clauses). Identity-based policies must not name
 * a Principal and need Action/NotAction and Resource/NotResource; resource-based policies (secret
 * resource policies, key policies) need a Principal and may leave Resource out.
 */
export type PolicyKind = 'identity' | 'resource';

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_FIELDS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
const VERSIONS = ['2012-10-17', '2008-10-17'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Parsed policies, by the document's identity: every request evaluates the same stored documents
 * (a key policy, a secret's resource policy, a user's policies), and parsing them each time cost
 * more than deciding. A document is JSON text (the stored string: a policy write stores a new one,
 * so it takes effect on the very next request) or a frozen object (the built-in key policies,
 * keyPolicies.ts); any other object may change under us and is parsed on every call. A parsed
 * Policy is never changed by its readers, so one copy serves all. Bounded: cleared when full.
 */
const byText = new Map<string, Map<string, Policy>>();
const byObject = new WeakMap<object, Map<string, Policy>>();
const MAX_PARSED = 1024;

export function parsePolicy(input: PolicyInput, kind: PolicyKind = 'identity'): Policy {
  const { document } = input;
  let forDocument: Map<string, Policy> | undefined;
  if (typeof document === 'string') {
    forDocument = byText.get(document);
    if (!forDocument) {
      if (byText.size >= MAX_PARSED) byText.clear();
      forDocument = new Map();
      byText.set(document, forDocument);
    }
  } else if (Object.isFrozen(document)) {
    forDocument = byObject.get(document);
    if (!forDocument) {
      forDocument = new Map();
      byObject.set(document, forDocument);
    }
  } else {
    return parseDocument(input, kind);
  }
  // The same text may be parsed as either kind and under several names (the name is in messages).
  const as = `${kind}\u0000${input.name}`;
  let policy = forDocument.get(as);
  if (!policy) {
    policy = parseDocument(input, kind);
    forDocument.set(as, policy);
  }
  return policy;
}

function parseDocument(input: PolicyInput, kind: PolicyKind): Policy {
  const fail = (message: string): never => {
    throw new MalformedPolicyDocumentError(input.name, message);
  };
  let doc: unknown = input.document;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch {
      fail('Syntax errors in policy. The document is not valid JSON.');
    }
  }
  if (!isObject(doc)) return fail('Syntax errors in policy. A policy document is a JSON object.');
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL.has(key))
      fail(`Syntax errors in policy. Unknown element "${key}" (expected Version, Id, Statement).`);
  }
  const version = doc.Version ?? '2008-10-17';
  if (!VERSIONS.includes(version as (typeof VERSIONS)[number])) {
    fail(`The policy Version must be "2012-10-17" (or the legacy "2008-10-17"), not ${JSON.stringify(version)}.`);
  }
  const raw = doc.Statement;
  if (raw === undefined) fail('Syntax errors in policy. The policy has no Statement.');
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) fail('Syntax errors in policy. The Statement list is empty.');
  const statements = list.map((s, index) => parseStatement(s, index, kind, fail));
  const sids = statements.flatMap((s) => (s.sid ? [s.sid] : []));
  if (new Set(sids).size !== sids.length) fail('Statement IDs (SID) in a single policy must be unique.');
  return { name: input.name, version: version as Policy['version'], statements };
}

function parseStatement(
  raw: unknown,
  index: number,
  kind: PolicyKind,
  fail: (message: string) => never,
): PolicyStatement {
  const at = `Statement ${index}`;
  if (!isObject(raw)) return fail(`Syntax errors in policy. ${at} is not a JSON object.`);
  for (const key of Object.keys(raw)) {
    if (!STATEMENT_FIELDS.has(key)) fail(`Syntax errors in policy. ${at} has an unknown element "${key}".`);
  }
  const sid = raw.Sid;
  if (sid !== undefined && typeof sid !== 'string') fail(`Syntax errors in policy. ${at}: Sid must be a string.`);
  if (kind === 'identity' && typeof sid === 'string' && !/^[0-9A-Za-z]*$/.test(sid)) {
    fail(
      `Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]* (${at}: "${sid}").`,
    );
  }
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    fail(`${at}: Effect must be "Allow" or "Deny"${effect === undefined ? ' (Missing required field Effect)' : ''}.`);
  }
  const strings = (field: string) => stringList(raw[field], `${at}: ${field}`, fail);
  const actions = strings('Action');
  const notActions = strings('NotAction');
  if (actions && notActions) fail(`Syntax errors in policy. ${at} has both Action and NotAction.`);
  if (!actions && !notActions) fail(`Policy statement must contain actions. (${at})`);
  for (const a of actions ?? notActions ?? []) {
    if (a !== '*' && !/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(a)) {
      fail(`Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. (${at}: "${a}")`);
    }
  }
  const resources = strings('Resource');
  const notResources = strings('NotResource');
  if (resources && notResources) fail(`Syntax errors in policy. ${at} has both Resource and NotResource.`);
  if (kind === 'identity' && !resources && !notResources) fail(`Policy statement must contain resources. (${at})`);
  for (const r of resources ?? notResources ?? []) {
    if (r !== '*' && !/^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+/.test(r))
      fail(`Resource ${r} must be in ARN format or "*". (${at})`);
  }
  const principal = parsePrincipal(raw.Principal, `${at}: Principal`, fail);
  const notPrincipal = parsePrincipal(raw.NotPrincipal, `${at}: NotPrincipal`, fail);
  if (kind === 'identity' && (principal || notPrincipal)) fail('Policy document should not specify a principal.');
  if (kind === 'resource' && !principal && !notPrincipal)
    fail(`${at}: a resource-based policy statement needs a Principal.`);
  return {
    index,
    ...(typeof sid === 'string' && sid !== '' ? { sid } : {}),
    effect: effect as 'Allow' | 'Deny',
    ...(actions ? { actions } : {}),
    ...(notActions ? { notActions } : {}),
    ...(resources ? { resources } : {}),
    ...(notResources ? { notResources } : {}),
    ...(principal ? { principal } : {}),
    ...(notPrincipal ? { notPrincipal } : {}),
    conditions: parseConditions(raw.Condition, at, fail),
  };
}

function stringList(value: unknown, where: string, fail: (m: string) => never): string[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((v) => typeof v !== 'string' || v === '')) {
    fail(`Syntax errors in policy. ${where} must be a non-empty string or a list of them.`);
  }
  return list as string[];
}

function parsePrincipal(value: unknown, where: string, fail: (m: string) => never): PrincipalSpec | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return '*';
  if (!isObject(value))
    return fail(`Invalid principal in policy. ${where} must be "*" or an object such as {"AWS": "arn:..."}.`);
  const out: Record<string, string[]> = {};
  for (const [type, ids] of Object.entries(value)) {
    if (!['AWS', 'Service', 'Federated', 'CanonicalUser'].includes(type)) {
      fail(`Invalid principal in policy. ${where}: unknown principal type "${type}".`);
    }
    out[type] = stringList(ids, `${where}.${type}`, fail) ?? [];
  }
  return out;
}

function parseConditions(value: unknown, at: string, fail: (m: string) => never): ConditionClause[] {
  if (value === undefined) return [];
  if (!isObject(value)) return fail(`Syntax errors in policy. ${at}: Condition must be an object of operators.`);
  const clauses: ConditionClause[] = [];
  for (const [operator, block] of Object.entries(value)) {
    const parsed = parseOperator(operator);
    if (!parsed) fail(`Invalid Condition type : ${operator}. (${at})`);
    if (!isObject(block))
      fail(`Syntax errors in policy. ${at}: Condition.${operator} must map condition keys to values.`);
    for (const [key, raw] of Object.entries(block as Record<string, unknown>)) {
      if (!/^[A-Za-z0-9-]+:.+/.test(key)) {
        fail(
          `Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc. (${at}: condition key "${key}")`,
        );
      }
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0 || list.some((v) => !['string', 'number', 'boolean'].includes(typeof v))) {
        fail(`Syntax errors in policy. ${at}: the values of ${operator} ${key} must be strings, numbers or booleans.`);
      }
      clauses.push({ operator, ...(parsed as NonNullable<typeof parsed>), key, values: list.map(String) });
    }
  }
  return clauses;
}
