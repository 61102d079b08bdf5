import { describe, expect, it } from "vitest";
import { parseForm } from "./callback";
import { isValidTwilioSignature, twilioSignature } from "./signature";

// The worked example of Twilio's webhook-security docs and of twilio-node's own tests.
const TOKEN = "12345";
const URL_ = "https://mycompany.com/myapp.php?foo=1&bar=2";
const params = (caller: string) =>
  parseForm(new URLSearchParams({ CallSid: "CA1234567890ABCDE", Caller: caller, Digits: "1234", From: caller, To: "+18005551212" }).toString());

describe("Twilio request signature", () => {
  it("reproduces the published signatures", () => {
    expect(twilioSignature(TOKEN, URL_, params("+14158675310"))).toBe("GvWf1cFY/Q7PnoempGyD5oXAezc=");
    expect(twilioSignature(TOKEN, URL_, params("+14158675309"))).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("accepts the right signature whatever the order the parameters came in", () => {
    const reordered = parseForm("To=%2B18005551212&From=%2B14158675310&Digits=1234&Caller=%2B14158675310&CallSid=CA1234567890ABCDE");
    expect(isValidTwilioSignature(TOKEN, "GvWf1cFY/Q7PnoempGyD5oXAezc=", new URL(URL_), reordered)).toBe(true);
  });

  it("refuses a tampered parameter, another token, another URL, a truncated or empty header", () => {
    const good = "GvWf1cFY/Q7PnoempGyD5oXAezc=";
    const p = params("+14158675310");
    expect(isValidTwilioSignature(TOKEN, good, new URL(URL_), params("+14158675311"))).toBe(false);
    expect(isValidTwilioSignature("54321", good, new URL(URL_), p)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, good, new URL("https://mycompany.com/myapp.php?foo=1&bar=3"), p)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, good, new URL("http://mycompany.com/myapp.php?foo=1&bar=2"), p)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, good.slice(0, -1), new URL(URL_), p)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, "", new URL(URL_), p)).toBe(false);
  });

  it("accepts a URL signed with or without its default or explicit port, like twilio-node", () => {
    const p = params("+14158675310");
    const withPort = twilioSignature(TOKEN, "https://mycompany.com:443/myapp.php?foo=1&bar=2", p);
    expect(isValidTwilioSignature(TOKEN, withPort, new URL(URL_), p)).toBe(true);
    const noPort = twilioSignature(TOKEN, "http://vigie.example:8080/api/ingest/twilio".replace(":8080", ""), p);
    expect(isValidTwilioSignature(TOKEN, noPort, new URL("http://vigie.example:8080/api/ingest/twilio"), p)).toBe(true);
  });

  it("signs every value of a repeated parameter, distinct and sorted", () => {
    const form = parseForm("b=2&a=x&b=1&b=2");
    const expected = twilioSignature(TOKEN, "https://x.test/", new Map([["a", ["x"]], ["b", ["1", "2"]]]));
    expect(twilioSignature(TOKEN, "https://x.test/", form)).toBe(expected);
  });
});
