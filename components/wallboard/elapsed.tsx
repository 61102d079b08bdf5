"use client";

import { useLocale } from "use-intl";
import { useServerSecond } from "../live/use-server-now";
import { formatDuration } from "./format";

/**
 * Time elapsed since `since` (epoch ms, server clock), ticking every second on
 * its own: the row or list around it does not re-render for it.
 */
export function Elapsed({ since, testId }: { since: number; testId?: string }) {
  const locale = useLocale();
  const now = useServerSecond();
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  return (
    <span data-testid={testId} data-seconds={seconds} className="tabular-nums">
      {formatDuration(seconds, locale)}
    </span>
  );
}
