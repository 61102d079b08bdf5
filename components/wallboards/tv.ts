"use client";

import { useEffect, useState, useSyncExternalStore, type CSSProperties } from "react";

/**
 * TV mode (`?tv=1`): chrome-less, high contrast, full screen when the browser
 * allows it. The choice outlives a board (a rotation remounts boards), so it
 * is a tiny store kept in the URL rather than component state.
 */

/** High-contrast palette: the theme's colour variables, overridden under the board. */
export const TV_PALETTE = {
  "--color-canvas": "#000000",
  "--color-panel": "#000000",
  "--color-panel-edge": "#7c8699",
  "--color-ink": "#ffffff",
  "--color-ink-dim": "#e8ecf3",
  "--color-ink-faint": "#c6cedb",
  "--color-ok": "#4ade80",
  "--color-warn": "#fde047",
  "--color-alert": "#ff6b6b",
  "--color-alert-strong": "#ff2424",
} as CSSProperties;

let chosen: boolean | null = null;
const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  return () => void listeners.delete(onChange);
}

function setTv(on: boolean) {
  chosen = on;
  const url = new URL(location.href);
  if (on) url.searchParams.set("tv", "1");
  else url.searchParams.delete("tv");
  history.replaceState(history.state, "", url);
  for (const l of [...listeners]) l();
}

/** Whether the board is in TV mode; `initial` is what the server read from the URL. */
export function useTvMode(initial: boolean): boolean {
  return useSyncExternalStore(subscribe, () => chosen ?? initial, () => initial);
}

/** From a click: full screen if the browser allows it (it may refuse), TV layout in any case. */
export function enterTv(): void {
  const root = document.documentElement;
  if (!document.fullscreenElement && root.requestFullscreen) {
    root.requestFullscreen({ navigationUI: "hide" }).catch(() => {});
  }
  setTv(true);
}

export function exitTv(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  setTv(false);
}

/**
 * In TV mode the root font size follows the screen's width (16 px at 1920 px,
 * 32 px at 3840 px): texts sized in rem (the queue table, section titles) grow
 * with the screen as those in vw do, so a 4K TV looks like a 1080p one.
 */
export function useTvRootFont(tv: boolean): void {
  useEffect(() => {
    if (!tv) return;
    const root = document.documentElement;
    const before = root.style.fontSize;
    root.style.fontSize = "max(16px, calc(100vw / 120))";
    return () => void (root.style.fontSize = before);
  }, [tv]);
}

/**
 * True after `ms` without pointer or key activity (TV mode hides the cursor and
 * its few controls), and from the start: a screen nobody touches, or a board
 * mounted by a rotation, shows no controls until someone moves.
 */
export function useIdle(ms: number, enabled: boolean): boolean {
  const [idle, setIdle] = useState(true);
  useEffect(() => {
    if (!enabled) return;
    let timer = setTimeout(() => setIdle(true), ms);
    const wake = () => {
      clearTimeout(timer);
      setIdle(false);
      timer = setTimeout(() => setIdle(true), ms);
    };
    const events = ["pointermove", "pointerdown", "keydown", "wheel"] as const;
    for (const e of events) window.addEventListener(e, wake, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, wake);
    };
  }, [ms, enabled]);
  return enabled && idle;
}
