import type { AdapterEndpoint } from "./adapter-http";
import { amazonConnectAgentEventsEndpoint, amazonConnectCtrEndpoint } from "./adapters/amazon-connect-endpoints";
import { asteriskEndpoint } from "./adapters/asterisk-endpoint";
import { twilioEndpoint } from "./adapters/twilio-endpoint";

/** Every adapter endpoint served by server.ts (see ./adapter-http.ts). One line per adapter. */
export const ADAPTER_ENDPOINTS: readonly AdapterEndpoint[] = [
  asteriskEndpoint,
  twilioEndpoint,
  amazonConnectCtrEndpoint,
  amazonConnectAgentEventsEndpoint,
];
