import type { AdapterEndpoint } from "./adapter-http";

/** Every adapter endpoint served by server.ts (see ./adapter-http.ts). One line per adapter. */
export const ADAPTER_ENDPOINTS: readonly AdapterEndpoint[] = [];
