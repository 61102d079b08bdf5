import { z } from "zod";

/** Shared field schemas for auth inputs (STYLE §5: validate at every boundary). */

const NAME = /^[^\u0000-\u001f\u007f]+$/;

/** A queue name as it appears in events; trimmed, no control characters. */
export const queueName = z.string().trim().min(1).max(200).regex(NAME, "must not contain control characters");

/** A queue list: duplicates dropped, order kept; empty means all queues. */
export const queueArray = z
  .array(queueName)
  .max(500)
  .transform((qs) => [...new Set(qs)]);

/** `queueArray`, empty when absent. */
export const queueList = queueArray.default([]);

export const label = z.string().trim().min(1).max(100).regex(NAME, "must not contain control characters");

export const agentIdField = z.string().trim().min(1).max(200).regex(NAME, "must not contain control characters");
