/**
 * Kiosk links point at the live board (`KIOSK_WALLBOARD`) or at a saved one
 * (its id). The token travels in the URL fragment, which browsers never send
 * to a server (nor in a Referer).
 */
export const KIOSK_WALLBOARD = "live";

export const kioskPath = (linkId: string, token: string): string => `/kiosk/${encodeURIComponent(linkId)}#${token}`;
