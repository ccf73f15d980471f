// TLSSigAPIv2 does not use RFC 4648 base64url: it swaps `+/=` for `*-_` in standard base64.
const ESCAPES: Record<string, string> = { '+': '*', '/': '-', '=': '_' };
const UNESCAPES: Record<string, string> = { '*': '+', '-': '/', _: '=' };

// Padding is optional when reading: some clients trim it, and the official decoders tolerate that.
const ESCAPED_BASE64 = /^[A-Za-z0-9*-]+_{0,2}$/;

export function escapeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes)
    .toString('base64')
    .replace(/[+/=]/g, (c) => ESCAPES[c]!);
}

/** Bytes of an escaped string, or undefined when it is not the TLSSigAPIv2 alphabet. */
export function unescapeBase64(text: string): Buffer | undefined {
  if (!ESCAPED_BASE64.test(text)) return undefined;
  const unpadded = text.replace(/_+$/, '');
  // Node's decoder silently drops a trailing lone character; such input is malformed.
  if (unpadded.length % 4 === 1) return undefined;
  if (text.length !== unpadded.length && text.length % 4 !== 0) return undefined;
  return Buffer.from(
    unpadded.replace(/[*-]/g, (c) => UNESCAPES[c]!),
    'base64',
  );
}
