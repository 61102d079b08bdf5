import { describe, expect, it } from "vitest";
import { DEFAULT_SCALES } from "../events/schema";
import type { WireEvent } from "./engine";
import { DEMO_PROFILE } from "./profile";
import { at, HOUR, MONDAY, simulate, threeWeekdays } from "./test-days";

const { events, contacts } = threeWeekdays();
const surveys = events.filter((e) => e.type === "survey.response");
const handled = events.filter((e) => e.type === "contact.wrapped").length;
const mean = (xs: readonly WireEvent[]) => xs.reduce((sum, s) => sum + s.score!, 0) / xs.length;

describe("survey answers", () => {
  it("asks csat, nps, ces and a csat about the wait after some handled contacts, within each scale", () => {
    const byKind = (kind: string, topic?: string) => surveys.filter((s) => s.kind === kind && s.topic === topic && s.agentId && s.contactId);
    for (const [kind, topic, low, high] of [
      ["csat", undefined, 0.12, 0.3],
      ["nps", undefined, 0.05, 0.15],
      ["ces", undefined, 0.07, 0.2],
      ["csat", "wait", 0.08, 0.25],
    ] as const) {
      const answers = byKind(kind, topic);
      expect(answers.length / handled, `${kind} ${topic ?? ""}`).toBeGreaterThan(low);
      expect(answers.length / handled, `${kind} ${topic ?? ""}`).toBeLessThan(high);
    }
    for (const s of surveys) {
      const { min, max } = DEFAULT_SCALES[s.kind!];
      expect(Number.isInteger(s.score) && s.score! >= min && s.score! <= max, s.id).toBe(true);
    }
    // Effort is mostly low (CES 5–7), with a tail of difficult contacts.
    const ces = byKind("ces");
    expect(ces.filter((s) => s.score! >= 5).length / ces.length).toBeGreaterThan(0.6);
    expect(ces.some((s) => s.score! <= 3)).toBe(true);
  });

  it("makes the wait question depend on the wait, and the effort on the resolution", () => {
    // Twice the demo traffic: an overloaded center, so that long waits are common.
    const busy = simulate(11, MONDAY + 8 * HOUR, MONDAY + 80 * HOUR, 2);
    const story = new Map<string, WireEvent[]>();
    for (const e of busy) if (e.contactId) story.set(e.contactId, [...(story.get(e.contactId) ?? []), e]);
    const wait = (s: WireEvent) => {
      const list = story.get(s.contactId!)!;
      return at(list.find((e) => e.type === "contact.answered")!) - at(list[0]!);
    };
    const voice = new Set(DEMO_PROFILE.queues.filter((q) => q.channel === "voice").map((q) => q.name));
    const aboutWait = busy.filter((e) => e.type === "survey.response" && e.topic === "wait" && voice.has(e.queue!));
    const quick = aboutWait.filter((s) => wait(s) < 15_000);
    const slow = aboutWait.filter((s) => wait(s) > 45_000);
    expect(quick.length).toBeGreaterThan(30);
    expect(slow.length).toBeGreaterThan(30);
    expect(mean(quick)).toBeGreaterThan(mean(slow) + 0.7);

    const ces = busy.filter((e) => e.type === "survey.response" && e.kind === "ces");
    const resolved = (s: WireEvent) => story.get(s.contactId!)!.some((e) => e.type === "contact.resolved");
    expect(mean(ces.filter(resolved))).toBeGreaterThan(mean(ces.filter((s) => !resolved(s))) + 0.5);
  });

  it("asks some self-served customers about the bot, with no agent", () => {
    const bot = surveys.filter((s) => s.contactId && contacts.get(s.contactId)!.some((e) => e.type === "contact.selfserved"));
    expect(bot.length).toBeGreaterThan(10);
    for (const s of bot) {
      expect(s).toMatchObject({ kind: "csat" });
      expect(s).not.toHaveProperty("agentId");
      expect(["billing", "chat-support"]).toContain(s.queue);
    }
  });

  it("collects a few eNPS answers from the agents during their shifts, with no contact", () => {
    const enps = surveys.filter((s) => s.kind === "enps");
    const perDay = enps.length / 3;
    expect(perDay).toBeGreaterThan(0.3 * DEMO_PROFILE.agents.length);
    expect(perDay).toBeLessThan(0.7 * DEMO_PROFILE.agents.length);
    const working = new Map<string, string>();
    const answersPerShift = new Map<string, number>();
    let shift = 0;
    for (const e of events) {
      if (e.type === "agent.state") {
        if (e.state === "offline") working.delete(e.agentId!);
        else if (!working.has(e.agentId!)) working.set(e.agentId!, `${e.agentId}#${++shift}`);
      }
      if (e.type !== "survey.response" || e.kind !== "enps") continue;
      expect(Object.keys(e).sort()).toEqual(["agentId", "at", "id", "kind", "score", "type"]);
      const key = working.get(e.agentId!);
      expect(key, `${e.agentId} answered off shift`).toBeDefined();
      answersPerShift.set(key!, (answersPerShift.get(key!) ?? 0) + 1);
    }
    expect(Math.max(...answersPerShift.values())).toBe(1);
    expect(new Set(enps.map((s) => s.agentId)).size).toBeGreaterThan(DEMO_PROFILE.agents.length / 2);
    // Agents keep their own mood: answers spread over the whole scale, promoters and detractors alike.
    expect(enps.some((s) => s.score! >= 9)).toBe(true);
    expect(enps.some((s) => s.score! <= 6)).toBe(true);
  });
});
