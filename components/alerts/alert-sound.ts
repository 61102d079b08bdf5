"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ActiveAlert } from "@/lib/alerts/active";

/**
 * An optional tone when an alert fires. Browsers start audio only after a
 * user gesture, so the viewer enables it once with a button; the choice is
 * remembered (localStorage). After a reload the sound stays "blocked" until
 * the next click or key press on the page.
 */

const KEY = "vigie.alertSound";
export type SoundState = "off" | "on" | "blocked";

/** A short tone, no asset: one beep for a warning, two higher ones for a critical alert. */
export function beep(ctx: AudioContext, critical: boolean): void {
  const beeps = critical ? [0, 0.35] : [0];
  for (const offset of beeps) {
    const t = ctx.currentTime + offset;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "sine";
    osc.frequency.value = critical ? 988 : 784;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.25, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.28);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.3);
  }
}

export function useAlertSound(alerts: readonly ActiveAlert[], received: number) {
  const [state, setState] = useState<SoundState>("off");
  const ctxRef = useRef<AudioContext | null>(null);
  const active = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (localStorage.getItem(KEY) !== "on") return;
    const ctx = new AudioContext();
    ctxRef.current = ctx;
    const resume = () => void ctx.resume().then(() => setState(ctx.state === "running" ? "on" : "blocked"));
    if (ctx.state === "running") setState("on");
    else {
      setState("blocked");
      document.addEventListener("pointerdown", resume, { once: true });
      document.addEventListener("keydown", resume, { once: true });
    }
    return () => {
      document.removeEventListener("pointerdown", resume);
      document.removeEventListener("keydown", resume);
      void ctx.close();
      ctxRef.current = null;
    };
  }, []);

  // Alerts already firing when the page loaded are not announced; each new one is (a new episode of a rule too).
  useEffect(() => {
    if (received === 0) return;
    const before = active.current;
    active.current = new Set(alerts.map((a) => a.key));
    if (before === null) return;
    const fresh = alerts.filter((a) => !before.has(a.key));
    const ctx = ctxRef.current;
    if (fresh.length > 0 && ctx?.state === "running") beep(ctx, fresh.some((a) => a.severity === "critical"));
  }, [alerts, received]);

  const toggle = useCallback(() => {
    if (state === "on") {
      localStorage.removeItem(KEY);
      void ctxRef.current?.close();
      ctxRef.current = null;
      return setState("off");
    }
    const ctx = ctxRef.current ?? new AudioContext();
    ctxRef.current = ctx;
    localStorage.setItem(KEY, "on");
    void ctx.resume().then(() => {
      setState(ctx.state === "running" ? "on" : "blocked");
      if (ctx.state === "running") beep(ctx, false);
    });
  }, [state]);

  return { state, toggle };
}
