"use client";

import type { ComponentProps } from "react";
import { configureLiveSocket } from "../live/use-live";
import { Rotation } from "./rotation";
import { SavedBoard } from "./saved-board";

/**
 * Must run before the first live hook creates the tab's socket: a signed-in
 * page whose socket the server refuses (session ended, user disabled) goes to
 * the login page rather than sitting on "reconnecting" forever.
 */
export function configureSignedInSocket(): void {
  if (typeof window === "undefined") return;
  configureLiveSocket({
    onRefused: () => location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search)}`),
  });
}

export function SignedInSavedBoard(props: ComponentProps<typeof SavedBoard>) {
  configureSignedInSocket();
  return <SavedBoard {...props} />;
}

export function SignedInRotation(props: ComponentProps<typeof Rotation>) {
  configureSignedInSocket();
  return <Rotation {...props} />;
}
