import { describe, expect, it } from "vitest";
import { isAllowedHandshake, isSameOriginRequest, isTrustedOrigin, safeNextPath } from "./origin";

const trusted = ["https://vigie.example.test", "http://localhost:3000"];

describe("isTrustedOrigin", () => {
  it("matches scheme, host and port exactly", () => {
    expect(isTrustedOrigin("https://vigie.example.test", trusted)).toBe(true);
    expect(isTrustedOrigin("https://vigie.example.test:443", trusted)).toBe(true);
    expect(isTrustedOrigin("http://localhost:3000", trusted)).toBe(true);
    for (const o of [
      "http://vigie.example.test",
      "https://vigie.example.test:8443",
      "https://evil.vigie.example.test",
      "https://vigie.example.test.evil.example",
      "http://localhost:3001",
      "null",
      "",
      "not a url",
      null,
      undefined,
    ]) {
      expect(isTrustedOrigin(o, trusted), String(o)).toBe(false);
    }
  });
});

describe("isSameOriginRequest", () => {
  const req = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers(headers) });

  it("lets safe methods through", () => {
    for (const m of ["GET", "HEAD", "OPTIONS", "get"]) expect(isSameOriginRequest(req(m, { origin: "https://evil.example" }), trusted)).toBe(true);
  });

  it("requires a trusted Origin, or a trusted Referer without one, on other methods", () => {
    for (const m of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isSameOriginRequest(req(m, { origin: "https://vigie.example.test" }), trusted)).toBe(true);
      expect(isSameOriginRequest(req(m, { origin: "https://evil.example" }), trusted)).toBe(false);
      expect(isSameOriginRequest(req(m, { origin: "null" }), trusted)).toBe(false);
      expect(isSameOriginRequest(req(m, {}), trusted)).toBe(false);
      expect(isSameOriginRequest(req(m, { referer: "https://vigie.example.test/admin/users" }), trusted)).toBe(true);
      expect(isSameOriginRequest(req(m, { referer: "https://evil.example/x" }), trusted)).toBe(false);
      // A trusted Origin wins over a Referer, not the reverse.
      expect(isSameOriginRequest(req(m, { origin: "https://evil.example", referer: "https://vigie.example.test/" }), trusted)).toBe(false);
    }
  });

  it("refuses what the browser itself calls cross-site", () => {
    expect(isSameOriginRequest(req("POST", { origin: "https://vigie.example.test", "sec-fetch-site": "cross-site" }), trusted)).toBe(false);
    expect(isSameOriginRequest(req("POST", { origin: "https://vigie.example.test", "sec-fetch-site": "same-origin" }), trusted)).toBe(true);
  });

  it("reads Node's header objects too", () => {
    expect(isSameOriginRequest({ method: "POST", headers: { origin: "http://localhost:3000" } }, trusted)).toBe(true);
    expect(isSameOriginRequest({ method: "POST", headers: { origin: ["https://evil.example"] } }, trusted)).toBe(false);
  });
});

describe("isAllowedHandshake", () => {
  it("needs a trusted Origin", () => {
    expect(isAllowedHandshake({ origin: "https://vigie.example.test" }, trusted)).toBe(true);
    expect(isAllowedHandshake({ origin: "https://evil.example" }, trusted)).toBe(false);
    expect(isAllowedHandshake({}, trusted)).toBe(false);
    expect(isAllowedHandshake({ origin: "http://localhost:3000", "sec-fetch-site": "cross-site" }, trusted)).toBe(false);
  });
});

describe("safeNextPath", () => {
  it("keeps paths of this site", () => {
    expect(safeNextPath("/wallboard")).toBe("/wallboard");
    expect(safeNextPath("/reports?from=2026-01-01&to=2026-01-31#top")).toBe("/reports?from=2026-01-01&to=2026-01-31#top");
    expect(safeNextPath("/admin/../me")).toBe("/me");
  });

  it("falls back for anything that could leave the site", () => {
    for (const bad of [
      null,
      undefined,
      "",
      "wallboard",
      "https://evil.example/",
      "//evil.example/x",
      "/\\evil.example",
      "\\\\evil.example",
      "/\tevil",
      "javascript:alert(1)",
      " /wallboard",
      `/${"a".repeat(3000)}`,
    ]) {
      expect(safeNextPath(bad), String(bad)).toBe("/");
    }
    expect(safeNextPath("//evil", "/me")).toBe("/me");
  });
});
