import type { Channel } from "../../schema";

/** What Vigie reads from a task's attributes (a JSON object sent as a string). */
export interface TaskFacts {
  channel?: Channel;
  direction: "inbound" | "outbound";
  customerId?: string;
  callSid?: string;
}

/**
 * Channel names: Flex's `channelType` attribute first (sms, whatsapp… ride on the
 * chat TaskChannel), then the TaskChannel's unique name. `default` and custom
 * channels map to nothing, so the contact takes the schema's default (voice).
 */
const CHANNELS = new Map<string, Channel>(Object.entries({
  voice: "voice",
  chat: "chat",
  web: "chat",
  sms: "sms",
  email: "email",
  video: "video",
  whatsapp: "social",
  messenger: "social",
  facebook: "social",
  gbm: "social",
  line: "social",
} satisfies Record<string, Channel>));

export function taskFacts(attributes: string | undefined, channelName: string | undefined): TaskFacts {
  const a = parseObject(attributes);
  const channel = channelOf(a.channelType) ?? channelOf(channelName);
  const direction = typeof a.direction === "string" && a.direction.toLowerCase().startsWith("outbound") ? "outbound" : "inbound";
  return { channel, direction, customerId: label(a.from), callSid: label(a.call_sid) };
}

function channelOf(name: unknown): Channel | undefined {
  return typeof name === "string" ? CHANNELS.get(name.trim().toLowerCase()) : undefined;
}

function label(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  return s.length > 0 && s.length <= 200 ? s : undefined;
}

function parseObject(json: string | undefined): Record<string, unknown> {
  if (!json) return {};
  try {
    const v: unknown = JSON.parse(json);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
