import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSubPath, checkWebhookUrl, reportFileName, resolveUnder, signBody, verifySignature } from "./destination";

describe("folder destinations", () => {
  it("stay under the reports folder", () => {
    expect(resolveUnder("/data/reports", "daily/ops")).toBe(path.resolve("/data/reports/daily/ops"));
    expect(resolveUnder("/data/reports", "")).toBe(path.resolve("/data/reports"));
    for (const bad of ["../x", "a/../../x", "/etc", "a/..", "..\\x", "C:\\x"]) {
      expect(checkSubPath(bad), bad).not.toBeNull();
      expect(() => resolveUnder("/data/reports", bad)).toThrow();
    }
  });
  it("name files safely", () => {
    expect(reportFileName("Équipe ../support", "2026-11-22", "2026-11-22")).toBe("vigie-equipe-support-2026-11-22-2026-11-22.csv");
  });
});

describe("webhooks", () => {
  it("https anywhere, http to this machine only", () => {
    expect(checkWebhookUrl("https://bi.example.com/in")).toBeNull();
    expect(checkWebhookUrl("http://127.0.0.1:8080/in")).toBeNull();
    expect(checkWebhookUrl("http://[::1]:8080/in")).toBeNull();
    expect(checkWebhookUrl("http://localhost/in")).toBeNull();
    expect(checkWebhookUrl("http://bi.example.com/in")).not.toBeNull();
    expect(checkWebhookUrl("ftp://127.0.0.1/x")).not.toBeNull();
    expect(checkWebhookUrl("https://u:p@x.example/")).not.toBeNull();
    expect(checkWebhookUrl("not a url")).not.toBeNull();
  });
  it("sign the body with HMAC-SHA256", () => {
    // echo -n 'a,b' | openssl dgst -sha256 -hmac s3cret
    const sig = signBody("a,b\r\n", "s3cret");
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature("a,b\r\n", "s3cret", sig)).toBe(true);
    expect(verifySignature("a,c\r\n", "s3cret", sig)).toBe(false);
    expect(verifySignature("a,b\r\n", "other", sig)).toBe(false);
    expect(verifySignature("a,b\r\n", "s3cret", null)).toBe(false);
  });
});
