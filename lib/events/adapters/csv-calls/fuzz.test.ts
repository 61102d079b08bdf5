import { TZDate } from "@date-fns/tz";
import { format as formatDate } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvLine, parseCsv } from "../../../csv/parse";
import { parseEvent } from "../../schema";
import { guessMapping } from "./guess";
import { CALL_FIELDS, callMappingSchema, DATE_FORMATS, DURATION_FIELDS, TIME_FIELDS, type CallField, type DateFormat } from "./mapping";
import { compileMapping, REJECT_CODES, rowToEvents, type RowResult } from "./row-to-events";

/**
 * Whatever the rows and the mapping, the adapter never throws, and every event
 * it produces passes `parseEvent`: it either gives a coherent call or rejects
 * the row with a known code and the row's line.
 */

const NOW = Date.parse("2026-11-23T18:00:00Z");
const ORDER = ["offered", "answered", "held", "resumed", "ended", "wrapped"];

/** Cells that look like what exports hold, and anything at all. */
const cell = fc.oneof(
  fc.constantFrom("", " ", "0", "12", "-3", "4,5", "00:01:30", "1:75", "99999999", "answered", "ABANDONED", "NO ANSWER", "Répondu", "BUSY", "voice", "Chat", "SIP/1-2", "inbound", "Sortant", "a1", "\u0000", "\ud800", "x".repeat(250)),
  fc.date({ min: new Date("1960-01-01"), max: new Date("2300-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.integer({ min: Date.parse("2026-11-23T00:00:00Z"), max: NOW + 3_600_000 }).chain((t) =>
    fc.constantFrom(new Date(t).toISOString(), String(Math.floor(t / 1000)), String(t), new Date(t).toISOString().slice(0, 19).replace("T", " "), `${new Date(t).toISOString().slice(8, 10)}/${new Date(t).toISOString().slice(5, 7)}/2026 ${new Date(t).toISOString().slice(11, 19)}`),
  ),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

const setup = fc
  .record({
    width: fc.integer({ min: 1, max: 10 }),
    fields: fc.uniqueArray(fc.constantFrom(...CALL_FIELDS), { maxLength: CALL_FIELDS.length }),
    dateFormat: fc.constantFrom(...DATE_FORMATS),
    timeZone: fc.constantFrom("Europe/Paris", "UTC", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"),
    answeredValues: fc.array(fc.oneof(fc.constantFrom("answered", "Répondu", "0"), fc.string({ minLength: 1, maxLength: 10 })), { maxLength: 3 }),
    abandonedValues: fc.array(fc.oneof(fc.constantFrom("abandoned", "NO ANSWER", "1"), fc.string({ minLength: 1, maxLength: 10 })), { maxLength: 3 }),
    unknownAgent: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      // Each mapped field reads one of the `width` columns (several fields may share one).
      columns: fc.tuple(...[...CALL_FIELDS].map(() => fc.integer({ min: 0, max: s.width - 1 }))),
      rows: fc.array(fc.array(cell, { minLength: 0, maxLength: s.width + 1 }), { minLength: 1, maxLength: 8 }),
    }),
  );

/** What every result must satisfy; true when the row was accepted. */
function check(r: RowResult, line: number): boolean {
  if (!r.ok) {
    expect(r.error.line).toBe(line);
    expect(REJECT_CODES).toContain(r.error.code);
    expect(r.error.reason.length).toBeGreaterThan(0);
    return false;
  }
  const ids = new Set<string>();
  for (const e of r.events) {
    const p = parseEvent(e, NOW);
    expect(p.ok, p.ok ? "" : p.error).toBe(true);
    expect(e.contactId).toBe(r.events[0]!.contactId);
    ids.add(e.id);
  }
  expect(ids.size).toBe(r.events.length);
  expect(r.events[0]!.type).toBe("contact.offered");
  // In time order along the call's life, abandon excepted.
  const life = r.events.filter((e) => e.type !== "contact.abandoned");
  for (let k = 1; k < life.length; k++) {
    expect(life[k]!.at).toBeGreaterThanOrEqual(life[k - 1]!.at);
    expect(ORDER.indexOf(life[k]!.type.slice(8))).toBeGreaterThan(ORDER.indexOf(life[k - 1]!.type.slice(8)));
  }
  return true;
}

/** A call as an export would describe it, before being written in cells. */
const callArb = fc.record({
  t0: fc.integer({ min: NOW - 86_400_000, max: NOW - 3_600_000 }),
  wait: fc.integer({ min: 0, max: 600 }),
  talk: fc.integer({ min: 0, max: 1800 }),
  hold: fc.integer({ min: 0, max: 120 }),
  acw: fc.integer({ min: 0, max: 300 }),
  answered: fc.boolean(),
  id: fc.stringMatching(/^[A-Za-z0-9-]{1,12}$/),
  queue: fc.constantFrom("support", "sales", "File d'attente 1"),
  agent: fc.constantFrom("a1", "Amélie", ""),
  channel: fc.constantFrom("voice", "Chat", "e-mail", "", "Téléphone"),
  direction: fc.constantFrom("inbound", "Sortant", "", "OUT"),
  clock: fc.boolean(),
});
type Call = typeof callArb extends fc.Arbitrary<infer T> ? T : never;

/** The cell of `field` for `call`, as an export in `format` would hold it. */
function cellOf(field: CallField, call: Call, format: DateFormat, timeZone: string): string {
  const instant = (t: number) => {
    const local = new TZDate(t, timeZone);
    switch (format) {
      case "iso": return new Date(t).toISOString();
      case "epoch-s": return String(Math.floor(t / 1000));
      case "epoch-ms": return String(t);
      case "ymd": return formatDate(local, "yyyy-MM-dd HH:mm:ss");
      case "dmy": return formatDate(local, "dd/MM/yyyy HH:mm:ss");
      case "mdy": return formatDate(local, "MM/dd/yyyy H:mm:ss");
    }
  };
  const seconds = (n: number) => (call.clock ? `${Math.floor(n / 3600)}:${String(Math.floor(n / 60) % 60).padStart(2, "0")}:${String(n % 60).padStart(2, "0")}` : String(n));
  const answeredAt = call.t0 + call.wait * 1000;
  const endedAt = answeredAt + (call.talk + call.hold) * 1000;
  switch (field) {
    case "contactId": return call.id;
    case "queue": return call.queue;
    case "offeredAt": return instant(call.t0);
    case "offeredTime": return "";
    case "answeredAt": return call.answered ? instant(answeredAt) : "";
    case "abandonedAt": return call.answered ? "" : instant(answeredAt);
    case "endedAt": return call.answered ? instant(endedAt) : "";
    case "wrappedAt": return call.answered ? instant(endedAt + call.acw * 1000) : "";
    case "agentId": return call.answered ? call.agent : "";
    case "outcome": return call.answered ? "answered" : "NO_ANSWER";
    case "waitSeconds": return seconds(call.wait);
    case "talkSeconds": return call.answered ? seconds(call.talk) : "0";
    case "holdSeconds": return call.answered ? seconds(call.hold) : "";
    case "acwSeconds": return call.answered ? seconds(call.acw) : "";
    case "channel": return call.channel;
    case "direction": return call.direction;
    case "customerId": return call.agent;
  }
}

describe("csv-calls adapter under fuzzing", () => {
  it("never throws and never produces an invalid event", () => {
    fc.assert(
      fc.property(setup, ({ s, columns, rows }) => {
        const header = Array.from({ length: s.width }, (_, i) => `col${i}`);
        const mapped = new Set<CallField>([...s.fields, "contactId", "queue", "offeredAt"]);
        const parsed = callMappingSchema.safeParse({
          columns: Object.fromEntries([...mapped].map((f) => [f, header[columns[CALL_FIELDS.indexOf(f)]!]])),
          dateFormat: s.dateFormat,
          timeZone: s.timeZone,
          answeredValues: s.answeredValues.filter((v) => v.trim() !== ""),
          abandonedValues: s.abandonedValues.filter((v) => v.trim() !== ""),
          unknownAgent: s.unknownAgent,
        });
        expect(parsed.success).toBe(true);
        const c = compileMapping(parsed.data!, header);
        expect(c.ok).toBe(true);
        if (!c.ok) return;
        rows.forEach((cells, i) => check(rowToEvents({ line: i + 2, cells }, c.compiled, NOW), i + 2));
      }),
      { numRuns: 400 },
    );
  });

  it("rows written from real calls, some with a garbled cell: still valid events, and most rows accepted", () => {
    let rows = 0;
    let accepted = 0;
    const arb = fc
      .record({
        fields: fc.uniqueArray(fc.constantFrom(...CALL_FIELDS.filter((f) => f !== "offeredTime")), { maxLength: 10 }),
        dateFormat: fc.constantFrom(...DATE_FORMATS),
        timeZone: fc.constantFrom("Europe/Paris", "UTC", "America/New_York", "Australia/Lord_Howe"),
      })
      .chain((s) => {
        const fields = [...new Set<CallField>(["contactId", "queue", "offeredAt", "waitSeconds", ...s.fields])];
        const row = fc
          .tuple(callArb, fc.array(fc.tuple(fc.nat(fields.length - 1), cell), { maxLength: 1 }))
          .map(([call, garbles]) => {
            const cells = fields.map((f) => cellOf(f, call, s.dateFormat, s.timeZone));
            for (const [i, v] of garbles) cells[i] = v;
            return cells;
          });
        return fc.record({ s: fc.constant(s), fields: fc.constant(fields), rows: fc.array(row, { minLength: 1, maxLength: 6 }) });
      });
    fc.assert(
      fc.property(arb, ({ s, fields, rows: table }) => {
        const mapping = callMappingSchema.parse({ columns: Object.fromEntries(fields.map((f) => [f, f])), dateFormat: s.dateFormat, timeZone: s.timeZone, unknownAgent: "?" });
        const c = compileMapping(mapping, fields);
        if (!c.ok) throw new Error(c.reason);
        table.forEach((cells, i) => {
          rows++;
          if (check(rowToEvents({ line: i + 2, cells }, c.compiled, NOW), i + 2)) accepted++;
        });
      }),
      { numRuns: 400 },
    );
    expect(accepted / rows).toBeGreaterThan(0.4);
  });

  it("reading a written file gives its cells back, and a guessed mapping is a valid mapping", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(",", ";"),
        fc.array(fc.array(fc.string({ maxLength: 12 }), { minLength: 2, maxLength: 5 }), { minLength: 2, maxLength: 6 }),
        (sep, table) => {
          const width = table[0]!.length;
          const rows = table.map((r, k) => Array.from({ length: width }, (_, i) => (k === 0 ? `h${i}` : (r[i] ?? ""))));
          const text = rows.map((r) => csvLine(r, sep)).join("\r\n");
          const back = parseCsv(text);
          const kept = rows.slice(1).filter((r) => !r.every((c) => c.trim() === ""));
          expect(back.header?.cells).toEqual(rows[0]);
          expect(back.rows.map((r) => r.cells)).toEqual(kept);
          const g = guessMapping({ header: back.header!.cells, sample: back.rows.map((r) => r.cells), timeZone: "Europe/Paris" });
          expect(callMappingSchema.safeParse({ ...g, columns: { contactId: "a", queue: "b", offeredAt: "c", ...g.columns } }).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
