import { XMLBuilder } from 'fast-xml-parser';
import type { AwsError } from '../core/errors';

/**
 * The AWS query protocol's responses, as IAM and STS send them and the SDKs, botocore and the
 * AWS CLI parse them, written with fast-xml-parser's builder (it escapes text):
 *
 *   <CreateUserResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
 *     <CreateUserResult><User>…</User></CreateUserResult>
 *     <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata>
 *   </CreateUserResponse>
 *
 * Operations return plain data: a list becomes `<member>` elements, `true`/`false` and numbers
 * their text, an absent (undefined) member is left out. Timestamps are ISO 8601 text already.
 */
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', suppressEmptyNode: false });

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

function toXmlValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? '' : { member: value.map(toXmlValue) };
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const x = toXmlValue(v);
      if (x !== undefined) out[k] = x;
    }
    return out;
  }
  return String(value);
}

export function queryResponseXml(namespace: string, action: string, result: unknown, requestId: string): string {
  const body: Record<string, unknown> = { '@_xmlns': namespace };
  const content = toXmlValue(result ?? {});
  body[`${action}Result`] = content === '' ? '' : content;
  body.ResponseMetadata = { RequestId: requestId };
  return XML_DECLARATION + builder.build({ [`${action}Response`]: body });
}

export function queryErrorXml(namespace: string, error: AwsError, requestId: string): string {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  return (
    XML_DECLARATION +
    builder.build({
      ErrorResponse: {
        '@_xmlns': namespace,
        Error: { Type: type, Code: error.type, Message: error.message },
        RequestId: requestId,
      },
    })
  );
}
