import type { Severity } from "@/lib/alerts/rule";

/**
 * A tile whose number has an alert firing: a pulsing halo in the severity's
 * colour (`animate-alert-pulse`, app/globals.css), and a steady outline for
 * viewers who ask for reduced motion. Full class strings, for Tailwind's scanner.
 */
export const TILE_PULSE: Record<Severity, string> = {
  critical: "outline-4 outline-alert-strong [--pulse-color:var(--color-alert-strong)] motion-safe:animate-alert-pulse",
  warning: "outline-4 outline-warn [--pulse-color:var(--color-warn)] motion-safe:animate-alert-pulse",
};
