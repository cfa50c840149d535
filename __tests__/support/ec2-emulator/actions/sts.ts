import { ACCOUNT_ID } from '../store.js';
import { escapeXml } from '../xml.js';

/* STS on the same endpoint: GetCallerIdentity, in STS's own XML namespace and error shape. */

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function getCallerIdentityResponse(requestId: string): string {
  return (
    `<GetCallerIdentityResponse xmlns="${STS_NAMESPACE}"><GetCallerIdentityResult>` +
    `<Arn>arn:aws:iam::${ACCOUNT_ID}:user/kiln</Arn><UserId>AIDAKILNEMULATOR00000</UserId><Account>${ACCOUNT_ID}</Account>` +
    `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`
  );
}

export function stsErrorResponse(code: string, message: string, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_NAMESPACE}"><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
