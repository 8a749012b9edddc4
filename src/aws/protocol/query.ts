import { dict } from '../core/dict';
import { AwsError } from '../core/errors';
import type { Caller, RequestHost } from '../core/service';
import { resolveQueryService } from '../services';
import { parseQueryForm, QueryFormError } from './queryForm';
import { queryErrorXml, queryResponseXml } from './queryXml';
import type { WireResponse } from './wire';

/** A query-protocol request (IAM, STS): a form in the body (POST) or the URL (GET). */
export interface QueryWireRequest {
  method: string;
  form: string;
  region: string;
  accountId?: string;
  caller?: Caller;
  /** The service the request's signature was scoped to, when it was signed. */
  signingName?: string;
  requestId: string;
  source?: 'request' | 'check' | 'event';
}

const XML = { 'content-type': 'text/xml' };

/** Members never written to the call log: policy documents are long, and the rest are secrets. */
const UNLOGGED = new Set(['PolicyDocument', 'AssumeRolePolicyDocument', 'Policy', 'SecretAccessKey']);

/** The JSON services' error names where the query protocol has its own. */
const QUERY_CODES: Record<string, { code: string; status: number }> = {
  AccessDeniedException: { code: 'AccessDenied', status: 403 },
  ValidationException: { code: 'ValidationError', status: 400 },
};

function xmlError(namespace: string, error: AwsError, requestId: string): WireResponse {
  return {
    status: error.status,
    headers: { ...XML, 'x-amzn-errortype': error.type },
    body: queryErrorXml(namespace, error, requestId),
  };
}

/**
 * Answers one query-protocol request: the form's `Action` and `Version` name the service and
 * operation, the operation runs, its result is written as `<ActionResponse><ActionResult>…` XML, an
 * error as `<ErrorResponse><Error><Code>…`. Never throws; records the call like handleAwsJson.
 */
export async function handleAwsQuery(host: RequestHost, request: QueryWireRequest): Promise<WireResponse> {
  const fallbackNamespace = 'https://iam.amazonaws.com/doc/2010-05-08/';
  let form: ReturnType<typeof parseQueryForm>;
  try {
    form = parseQueryForm(request.form);
  } catch (e) {
    const message = e instanceof QueryFormError ? e.message : 'The query string is malformed';
    return xmlError(fallbackNamespace, new AwsError('MalformedQueryString', message, 400), request.requestId);
  }
  const service = resolveQueryService(form.version, request.signingName);
  const namespace = service?.namespace ?? fallbackNamespace;
  if (!service || !form.action || !Object.hasOwn(service.operations, form.action)) {
    const message = form.action
      ? `Could not find operation ${form.action} for version ${form.version ?? '(none)'}`
      : 'Missing Action';
    return xmlError(namespace, new AwsError('InvalidAction', message, 400), request.requestId);
  }
  const action = form.action;
  const ctx = host.context(request.region, request.accountId, request.caller);
  const params = dict<unknown>();
  for (const [k, v] of Object.entries(form.input)) if (!UNLOGGED.has(k)) params[k] = v;
  const entry = {
    time: host.clock.now(),
    service: service.name,
    operation: action,
    params,
    region: ctx.region,
    source: request.source ?? 'request',
    ...(ctx.caller.principal ? { caller: ctx.caller.arn } : {}),
  } as const;
  const decisions = () => (ctx.decisions.length > 0 ? { authorization: [...ctx.decisions] } : {});
  try {
    const result = await service.operations[action]?.(ctx, form.input);
    host.log.record({ ...entry, outcome: 'ok', ...decisions() });
    return {
      status: 200,
      headers: { ...XML },
      body: queryResponseXml(namespace, action, result, request.requestId),
    };
  } catch (e) {
    let error: AwsError;
    if (e instanceof AwsError) {
      const mapped = Object.hasOwn(QUERY_CODES, e.type) ? QUERY_CODES[e.type] : undefined;
      error = mapped ? new AwsError(mapped.code, e.message, mapped.status) : e;
    } else {
      host.reportInternalError(`${service.name}.${action}`, e);
      error = new AwsError('InternalFailure', 'The request processing has failed because of an unknown error.', 500);
    }
    host.log.record({ ...entry, outcome: error.type, message: error.message, ...decisions() });
    return xmlError(namespace, error, request.requestId);
  }
}
