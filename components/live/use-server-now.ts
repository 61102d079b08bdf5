"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import { serverOffsetMs } from "./use-live";

/**
 * One ticking clock for every duration on screen (time in state, waits):
 * whole seconds of the server's clock, shared by all its readers, so a
 * hundred durations tick together from one interval.
 */

type Listener = () => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setInterval> | undefined;
let second = 0;

export const serverNow = (): number => Date.now() + serverOffsetMs();
const read = () => Math.floor(serverNow() / 1000) * 1000;

function subscribe(onChange: Listener) {
  listeners.add(onChange);
  if (!timer) {
    second = read();
    timer = setInterval(() => {
      const next = read();
      if (next === second) return;
      second = next;
      for (const l of [...listeners]) l();
    }, 250);
  }
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getSecond = () => (timer ? second : read());
const getServerSecond = () => 0;

/** The server's clock in whole seconds (ms), re-rendering the caller every second. */
export function useServerSecond(): number {
  return useSyncExternalStore(subscribe, getSecond, getServerSecond);
}

/** True once the server's clock has reached `at` (re-renders once, then), false while `at` is null. */
export function useReached(at: number | null): boolean {
  const [reached, setReached] = useState<{ at: number | null; value: boolean }>({ at: null, value: false });
  useEffect(() => {
    if (at === null) return;
    const left = at - serverNow();
    if (left <= 0) {
      setReached({ at, value: true });
      return;
    }
    setReached({ at, value: false });
    const t = setTimeout(() => setReached({ at, value: true }), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(t);
  }, [at]);
  return at !== null && reached.at === at && reached.value;
}
