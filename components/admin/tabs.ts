/** The admin page's sections (`/admin?tab=…`). Kept out of the client shell so server code can read the list. */
export const ADMIN_TABS = ["users", "keys", "queues", "audit"] as const;
export type AdminTab = (typeof ADMIN_TABS)[number];
