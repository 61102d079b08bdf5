import type { AdapterEndpoint } from "./http";

/** Every adapter endpoint served by server.ts (see ./http.ts). One line per adapter. */
export const ADAPTER_ENDPOINTS: readonly AdapterEndpoint[] = [];
