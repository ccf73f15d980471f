import { createHmac } from 'node:crypto';

export interface SignedFields {
  identifier: string;
  sdkAppId: number;
  time: number;
  expire: number;
  /** The userbuf exactly as it travels in the JSON: standard base64. */
  userBufBase64?: string;
}

/** The text TLSSigAPIv2 signs: one `TLS.key:value` line per field, each ending in "\n". */
export function contentToSign(fields: SignedFields): string {
  let content =
    `TLS.identifier:${fields.identifier}\n` +
    `TLS.sdkappid:${fields.sdkAppId}\n` +
    `TLS.time:${fields.time}\n` +
    `TLS.expire:${fields.expire}\n`;
  if (fields.userBufBase64 !== undefined) content += `TLS.userbuf:${fields.userBufBase64}\n`;
  return content;
}

/** base64(HMAC-SHA256(secretKey as UTF-8, content)), the value of "TLS.sig". */
export function computeSig(fields: SignedFields, secretKey: string): string {
  return createHmac('sha256', Buffer.from(secretKey, 'utf8'))
    .update(contentToSign(fields), 'utf8')
    .digest('base64');
}
