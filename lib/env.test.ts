import { describe, expect, it } from "vitest";
import { EnvError, loadEnv } from "./env";

describe("loadEnv (CONTRACT §1)", () => {
  it("applies the documented defaults", () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({
      VIGIE_DATA_DIR: "./.vigie",
      PORT: 3000,
      HOST: "0.0.0.0",
      VIGIE_TIMEZONE: "Europe/Paris",
      VIGIE_SL_SECONDS: 18,
      VIGIE_FCR_DAYS: 7,
      VIGIE_SIGNIN_PER_MINUTE: 20,
      VIGIE_INGEST_MAX_BYTES: 10 * 1024 * 1024,
      VIGIE_CURRENCY: "EUR",
    });
  });

  it("reads and types every variable", () => {
    const env = loadEnv({
      DATABASE_URL: "postgres://u:p@db:5432/vigie",
      PORT: "8080",
      VIGIE_TIMEZONE: "America/Montreal",
      VIGIE_SL_SECONDS: "20",
      VIGIE_INGEST_KEY: "k".repeat(16),
      VIGIE_ADMIN_EMAIL: "admin@example.com",
      VIGIE_ADMIN_PASSWORD: "correct horse battery",
    });
    expect(env).toMatchObject({ PORT: 8080, VIGIE_TIMEZONE: "America/Montreal", VIGIE_SL_SECONDS: 20 });
  });

  it("reads the public URL as an origin and the trusted proxies as a list", () => {
    const env = loadEnv({ VIGIE_PUBLIC_URL: "https://vigie.example.com/wallboard", VIGIE_TRUSTED_PROXIES: "10.0.0.1, ::1" });
    expect(env.VIGIE_PUBLIC_URL).toBe("https://vigie.example.com");
    expect(env.VIGIE_TRUSTED_PROXIES).toEqual(["10.0.0.1", "::1"]);
    expect(loadEnv({}).VIGIE_TRUSTED_PROXIES).toEqual([]);
    expect(loadEnv({}).VIGIE_PUBLIC_URL).toBeUndefined();
  });

  it.each([
    [{ VIGIE_TIMEZONE: "Mars/Olympus" }, /^Invalid configuration: VIGIE_TIMEZONE must be an IANA time zone.*Mars\/Olympus/],
    [{ PORT: "70000" }, /^Invalid configuration: PORT /],
    [{ DATABASE_URL: "mysql://x" }, /^Invalid configuration: DATABASE_URL must be a postgres:\/\//],
    [{ VIGIE_SL_SECONDS: "-3" }, /^Invalid configuration: VIGIE_SL_SECONDS must be a positive number/],
    [{ VIGIE_INGEST_KEY: "short" }, /^Invalid configuration: VIGIE_INGEST_KEY must be at least 16 characters$/],
    [{ VIGIE_ADMIN_EMAIL: "a@b.co" }, /^Invalid configuration: VIGIE_ADMIN_PASSWORD .*go together/],
    [{ VIGIE_PUBLIC_URL: "vigie.example.com" }, /^Invalid configuration: VIGIE_PUBLIC_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ VIGIE_PUBLIC_URL: "ftp://vigie.example.com" }, /^Invalid configuration: VIGIE_PUBLIC_URL must be an http/],
    [{ VIGIE_SIGNIN_PER_MINUTE: "0" }, /^Invalid configuration: VIGIE_SIGNIN_PER_MINUTE must be between 1 and 10000/],
    [{ VIGIE_FCR_DAYS: "0" }, /^Invalid configuration: VIGIE_FCR_DAYS must be between 1 and 90/],
    [{ VIGIE_FCR_DAYS: "2.5" }, /^Invalid configuration: VIGIE_FCR_DAYS must be a whole number of days/],
    [{ VIGIE_CURRENCY: "EURO" }, /^Invalid configuration: VIGIE_CURRENCY must be an ISO 4217 currency code.*EURO/],
    [{ VIGIE_CURRENCY: "XYZ" }, /^Invalid configuration: VIGIE_CURRENCY must be an ISO 4217/],
    [{ VIGIE_TRUSTED_PROXIES: "10.0.0.1, proxy.local" }, /^Invalid configuration: VIGIE_TRUSTED_PROXIES must be a comma-separated list of IP addresses/],
  ])("refuses %o with one line naming the variable", (vars, message) => {
    expect(() => loadEnv(vars)).toThrow(EnvError);
    expect(() => loadEnv(vars)).toThrow(message);
    try {
      loadEnv(vars);
    } catch (e) {
      expect((e as Error).message).not.toContain("\n");
    }
  });

  it("never echoes a secret in its message", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://user:hunter2@x" })).toThrow(/^(?!.*hunter2)/);
  });

  it("reads the currency as an upper-case ISO 4217 code", () => {
    expect(loadEnv({ VIGIE_CURRENCY: "chf" }).VIGIE_CURRENCY).toBe("CHF");
    expect(loadEnv({ VIGIE_CURRENCY: "USD" }).VIGIE_CURRENCY).toBe("USD");
  });

  it("puts scheduled reports under the data folder unless VIGIE_REPORTS_DIR says otherwise", () => {
    expect(loadEnv({}).VIGIE_REPORTS_DIR).toBe(".vigie/reports");
    expect(loadEnv({ VIGIE_DATA_DIR: "/var/lib/vigie" }).VIGIE_REPORTS_DIR).toBe("/var/lib/vigie/reports");
    expect(loadEnv({ VIGIE_REPORTS_DIR: "/srv/reports" }).VIGIE_REPORTS_DIR).toBe("/srv/reports");
  });

  it("treats an empty variable as unset", () => {
    const env = loadEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });
});
