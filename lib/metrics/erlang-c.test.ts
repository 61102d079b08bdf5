import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agentsNeeded, averageSpeedOfAnswer, forecast, probabilityOfWaiting, serviceLevel, trafficErlangs } from "./erlang-c";

describe("Erlang C against a published worked example", () => {
  // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example": 100 calls per half hour,
  // AHT 180 s, 80 % in 20 s. Published: A = 10 erlangs; with 11 agents P(wait) = 68.21 % and service level 39.0 %;
  // 14 agents give 88.8 %, the first count to reach 80 %.
  const A = trafficErlangs(200, 180);
  it("computes the traffic intensity", () => expect(A).toBe(10));
  it("gives the published probability of waiting and service level for 11 agents", () => {
    expect(probabilityOfWaiting(A, 11)).toBeCloseTo(0.6821, 4);
    expect(serviceLevel(A, 11, 180, 20)).toBeCloseTo(0.39, 2);
  });
  it("finds 14 agents for 80 % in 20 s (13 give 79.6 %)", () => {
    expect(serviceLevel(A, 13, 180, 20)).toBeCloseTo(0.7956, 4);
    expect(serviceLevel(A, 14, 180, 20)).toBeCloseTo(0.888, 3);
    expect(agentsNeeded(A, 180, 20, 0.8)).toBe(14);
  });
  it("gives the average speed of answer C·AHT/(N − A)", () => {
    expect(averageSpeedOfAnswer(A, 11, 180)).toBeCloseTo(0.6821 * 180, 0);
  });
});

describe("Erlang C properties", () => {
  const factorialForm = (a: number, n: number) => {
    let sum = 0;
    let term = 1;
    for (let k = 0; k < n; k++) {
      if (k > 0) term *= a / k;
      sum += term;
    }
    const top = term * (a / n) * (n / (n - a));
    return top / (sum + top);
  };

  it("matches the factorial formula where factorials are safe", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (n, rho) => {
        expect(probabilityOfWaiting(rho * n, n)).toBeCloseTo(factorialForm(rho * n, n), 9);
      }),
    );
  });

  it("is M/M/1 with one agent: P(wait) = ρ", () => {
    expect(probabilityOfWaiting(0.75, 1)).toBeCloseTo(0.75, 12);
  });

  it("stays finite for large centers (no factorial overflow)", () => {
    const p = probabilityOfWaiting(480, 500);
    expect(Number.isFinite(p)).toBe(true);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
  });

  it("improves with every agent added and never leaves 0..1", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 200, noNaN: true }), fc.integer({ min: 1, max: 300 }), (a, n) => {
        const sl = serviceLevel(a, n, 240, 20);
        expect(sl).toBeGreaterThanOrEqual(0);
        expect(sl).toBeLessThanOrEqual(1);
        expect(serviceLevel(a, n + 1, 240, 20)).toBeGreaterThanOrEqual(sl - 1e-12);
      }),
    );
  });

  it("is overloaded at or above one erlang per agent", () => {
    expect(probabilityOfWaiting(10, 10)).toBe(1);
    expect(serviceLevel(10, 9, 180, 20)).toBe(0);
    expect(averageSpeedOfAnswer(10, 10, 180)).toBe(Infinity);
  });

  it("needs nobody without traffic, and no forecast without a handle time", () => {
    expect(agentsNeeded(0, 180, 20, 0.8)).toBe(0);
    expect(forecast({ arrivalsPerHour: 100, ahtSeconds: 0, agents: 5, targetSeconds: 20, target: 0.8 })).toBeNull();
    expect(forecast({ arrivalsPerHour: 200, ahtSeconds: 180, agents: 14, targetSeconds: 20, target: 0.8 })).toMatchObject({ traffic: 10, agentsNeeded: 14 });
  });
});
