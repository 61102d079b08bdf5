import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Twilio's request signature (X-Twilio-Signature), as twilio-node's
 * `getExpectedTwilioSignature` computes it: HMAC-SHA1 keyed with the account's
 * Auth Token over the full URL, then every POST parameter as name + value in
 * name order (a repeated name: each distinct value, sorted), base64.
 * node:crypto rather than the `twilio` package: this is all we need of it.
 */

/** Decoded form parameters; a name may repeat. */
export type FormParams = ReadonlyMap<string, readonly string[]>;

export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  let data = url;
  for (const name of [...params.keys()].sort()) {
    for (const value of [...new Set(params.get(name))].sort()) data += name + value;
  }
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/**
 * Whether `header` signs this request. Like twilio-node's `validateRequest`,
 * the URL is tried with and without its port (Twilio's own signing is not
 * consistent about default ports). Constant-time comparison.
 */
export function isValidTwilioSignature(authToken: string, header: string, url: URL, params: FormParams): boolean {
  const given = Buffer.from(header, "utf8");
  return urlVariants(url).some((u) => {
    const expected = Buffer.from(twilioSignature(authToken, u, params), "utf8");
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

function urlVariants(url: URL): string[] {
  const asIs = url.toString();
  const withoutPort = new URL(asIs);
  withoutPort.port = "";
  const variants = new Set([asIs, withoutPort.toString()]);
  if (!url.port) {
    const port = url.protocol === "https:" ? "443" : "80";
    // new URL() drops a default port, so the explicit form is spliced in by hand.
    variants.add(`${url.protocol}//${url.host}:${port}${url.pathname}${url.search}`);
  }
  return [...variants];
}
