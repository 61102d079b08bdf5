/**
 * Erlang C (M/M/N queue): the probability a contact waits, the service level
 * and the average speed of answer for N agents facing A erlangs of traffic,
 * and the fewest agents that reach a service-level target. Pure, no I/O.
 *
 * The probability of waiting is computed through the Erlang B recursion
 * (B(0) = 1, B(n) = A·B(n−1) / (n + A·B(n−1)), C = N·B / (N − A·(1 − B))),
 * which stays exact where factorials would overflow (N beyond ~170).
 */

/** Traffic intensity in erlangs: arrivals per hour × handle time (s) / 3600. */
export const trafficErlangs = (arrivalsPerHour: number, ahtSeconds: number): number => (arrivalsPerHour * ahtSeconds) / 3600;

/** Probability that a contact has to wait, for `agents` agents and `traffic` erlangs (1 when overloaded). */
export function probabilityOfWaiting(traffic: number, agents: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return 1;
  let b = 1;
  for (let n = 1; n <= agents; n++) b = (traffic * b) / (n + traffic * b);
  return (agents * b) / (agents - traffic * (1 - b));
}

/** Share answered within `targetSeconds`: 1 − C·e^(−(N − A)·T/AHT); 0 when overloaded. */
export function serviceLevel(traffic: number, agents: number, ahtSeconds: number, targetSeconds: number): number {
  if (traffic <= 0) return 1;
  if (agents <= traffic) return 0;
  const c = probabilityOfWaiting(traffic, agents);
  return Math.max(0, 1 - c * Math.exp((-(agents - traffic) * targetSeconds) / ahtSeconds));
}

/** Average speed of answer, seconds: C·AHT / (N − A); Infinity when overloaded. */
export function averageSpeedOfAnswer(traffic: number, agents: number, ahtSeconds: number): number {
  if (traffic <= 0) return 0;
  if (agents <= traffic) return Infinity;
  return (probabilityOfWaiting(traffic, agents) * ahtSeconds) / (agents - traffic);
}

/** The fewest agents whose service level reaches `target` (0..1); 0 with no traffic. */
export function agentsNeeded(traffic: number, ahtSeconds: number, targetSeconds: number, target: number): number {
  if (traffic <= 0) return 0;
  let n = Math.max(1, Math.floor(traffic) + 1);
  // The service level grows with N and tends to 1: the loop ends (bounded for safety).
  while (serviceLevel(traffic, n, ahtSeconds, targetSeconds) < target && n < traffic + 10_000) n++;
  return n;
}

export interface Forecast {
  traffic: number;
  serviceLevel: number;
  asa: number;
  agentsNeeded: number;
}

/** The forecast for the next interval from the current arrival rate, handle time and staffing. */
export function forecast(input: {
  arrivalsPerHour: number;
  ahtSeconds: number;
  agents: number;
  targetSeconds: number;
  target: number;
}): Forecast | null {
  const { arrivalsPerHour, ahtSeconds, agents, targetSeconds, target } = input;
  if (!(ahtSeconds > 0) || !(arrivalsPerHour >= 0)) return null;
  const traffic = trafficErlangs(arrivalsPerHour, ahtSeconds);
  return {
    traffic,
    serviceLevel: serviceLevel(traffic, agents, ahtSeconds, targetSeconds),
    asa: averageSpeedOfAnswer(traffic, agents, ahtSeconds),
    agentsNeeded: agentsNeeded(traffic, ahtSeconds, targetSeconds, target),
  };
}
