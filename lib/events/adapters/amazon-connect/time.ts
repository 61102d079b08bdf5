import { z } from "zod";

/**
 * Amazon Connect's timestamps: ISO-8601 in UTC, whole seconds in contact
 * records (2019-08-13T19:10:01Z), milliseconds in agent events
 * (2019-08-13T20:58:44.031Z). Read as epoch milliseconds.
 */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

export const connectTime = z.string().transform((s, ctx) => {
  const ms = ISO.test(s) ? Date.parse(s) : NaN;
  if (Number.isNaN(ms) || ms < 0) {
    ctx.addIssue({ code: "custom", message: "must be an ISO-8601 time such as 2019-08-13T19:10:01Z" });
    return z.NEVER;
  }
  return ms;
});

/** Connect fields are often present with `null`. */
export const optionalTime = connectTime.nullish();
