import { headerKey } from "../../../csv/parse";
import type { Channel } from "../../schema";

/** The words of exports for channels, directions and statuses. Pure. */

export const valueKey = (s: string) => headerKey(s).replace(/[_-]+/g, " ");

const CHANNEL_WORDS: Record<string, Channel> = {
  voice: "voice", phone: "voice", call: "voice", telephony: "voice", telephone: "voice", appel: "voice", voix: "voice",
  chat: "chat", webchat: "chat", "live chat": "chat", messaging: "chat", tchat: "chat",
  email: "email", "e mail": "email", mail: "email", courriel: "email",
  social: "social", "social media": "social", "reseaux sociaux": "social", facebook: "social", twitter: "social", whatsapp: "social",
  sms: "sms", text: "sms",
  video: "video", visio: "video", "video call": "video", visioconference: "video",
};

const DIRECTION_WORDS: Record<string, "inbound" | "outbound"> = {
  inbound: "inbound", in: "inbound", incoming: "inbound", entrant: "inbound", entrante: "inbound", recu: "inbound", recue: "inbound", i: "inbound",
  outbound: "outbound", out: "outbound", outgoing: "outbound", sortant: "outbound", sortante: "outbound", emis: "outbound", o: "outbound",
  manual: "outbound", preview: "outbound", predictive: "outbound", "outbound manual": "outbound",
};

export const channelOf = (raw: string): Channel | undefined => CHANNEL_WORDS[valueKey(raw)];
export const directionOf = (raw: string): "inbound" | "outbound" | undefined => DIRECTION_WORDS[valueKey(raw)];

/** A status cell against the mapping's lists (compared without case, accents, `_` or `-`). */
export function statusOf(raw: string, answered: readonly string[], abandoned: readonly string[]): "answered" | "abandoned" | undefined {
  const k = valueKey(raw);
  if (answered.some((v) => valueKey(v) === k)) return "answered";
  if (abandoned.some((v) => valueKey(v) === k)) return "abandoned";
  return undefined;
}
