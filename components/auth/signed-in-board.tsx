"use client";

import type { ComponentProps } from "react";
import { configureLiveSocket } from "../live/use-live";
import { Wallboard } from "../wallboard/wallboard";

/**
 * The wallboard of a signed-in reader. When the server refuses the socket
 * (session ended, user disabled), the board would otherwise sit on
 * "reconnecting" forever: send the browser to /login instead.
 */
export function SignedInBoard(props: ComponentProps<typeof Wallboard>) {
  // Must precede the first live hook, which creates the tab's socket; later calls are ignored.
  if (typeof window !== "undefined") {
    configureLiveSocket({
      onRefused: () => location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`),
    });
  }
  return <Wallboard {...props} />;
}
