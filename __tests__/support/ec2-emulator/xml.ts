/*
 * EC2 query-protocol XML: an object becomes elements in key order, an array becomes
 * <item> children, undefined is left out. Values arrive already in EC2's element names.
 */

export type XmlValue = string | number | boolean | undefined | XmlValue[] | { [element: string]: XmlValue };

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function toXml(value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => `<item>${toXml(item)}</item>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .map(([name, child]) => `<${name}>${toXml(child)}</${name}>`)
      .join('');
  }
  return escapeXml(String(value));
}

/** A whole EC2 answer: <{Action}Response xmlns=...><requestId/>...body</...>. */
export function ec2Response(action: string, requestId: string, body: Record<string, XmlValue>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<${action}Response xmlns="${EC2_NAMESPACE}"><requestId>${requestId}</requestId>${toXml(body)}</${action}Response>`
  );
}

/** EC2's error document (HTTP 4xx/5xx). */
export function ec2ErrorResponse(code: string, message: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Response><Errors><Error><Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message></Error></Errors>` +
    `<RequestID>${requestId}</RequestID></Response>`
  );
}
