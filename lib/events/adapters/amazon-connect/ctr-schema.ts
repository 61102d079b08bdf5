import { z } from "zod";
import { optionalTime } from "./time";

/**
 * The contact record (CTR) fields Vigie reads, from the "Data model for Amazon
 * Connect contact records" (docs.aws.amazon.com/connect/latest/adminguide/ctr-data-model.html).
 * Records carry many more fields, often `null`: unknown ones are ignored.
 * Times Vigie computes with must parse; counts it only carries along may be
 * anything (a bad one is dropped, not the record).
 */
const name = z.string().trim().min(1).max(256).nullish().catch(null);
const count = z.number().int().min(0).nullish().catch(null);

export const ctrSchema = z.looseObject({
  ContactId: z.string().trim().min(1, "is required").max(256),
  /** VOICE | CHAT | TASK | EMAIL. */
  Channel: z.string().nullish(),
  /** INBOUND | OUTBOUND | TRANSFER | QUEUE_TRANSFER | CALLBACK | API | …; anything else reads as unknown. */
  InitiationMethod: z.string().regex(/^[A-Z_]{1,40}$/).nullish().catch(null),
  InitiationTimestamp: optionalTime,
  DisconnectTimestamp: optionalTime,
  LastUpdateTimestamp: optionalTime,
  TransferCompletedTimestamp: optionalTime,
  NextContactId: name,
  DisconnectReason: name,
  CustomerEndpoint: z.looseObject({ Address: name }).nullish().catch(null),
  SegmentAttributes: z.record(z.string(), z.unknown()).nullish().catch(null),
  Queue: z
    .looseObject({
      Name: name,
      ARN: name,
      EnqueueTimestamp: optionalTime,
      DequeueTimestamp: optionalTime,
    })
    .nullish(),
  Agent: z
    .looseObject({
      Username: name,
      ConnectedToAgentTimestamp: optionalTime,
      AfterContactWorkStartTimestamp: optionalTime,
      AfterContactWorkEndTimestamp: optionalTime,
      CustomerHoldDuration: count,
      NumberOfHolds: count,
      LongestHoldDuration: count,
    })
    .nullish(),
});

export type Ctr = z.output<typeof ctrSchema>;
