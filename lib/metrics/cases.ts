import type { VigieEvent } from "../events/schema";
import { earliest, latest, scopesOf, type Fact, type Mark } from "./facts";

/** A case (dossier): opened once, closed at its latest `case.closed` (DMTT runs opening → closing). */
export interface CaseState {
  caseId: string;
  opened?: Mark;
  closed?: Mark;
}

export function applyToCase(c: CaseState, e: VigieEvent): boolean {
  if (e.type === "case.opened") c.opened = earliest(c.opened, { at: e.at, id: e.id });
  else if (e.type === "case.closed") c.closed = latest(c.closed, { at: e.at, id: e.id });
  else return false;
  return true;
}

/** The queue and channel a case is counted in: those of its earliest linked contact, if any. */
export interface CaseHome {
  queue?: string;
  channel?: string;
}

export function caseFacts(c: CaseState, home: CaseHome | undefined): Fact[] {
  const scopes = scopesOf(home?.queue, home?.channel, undefined);
  const facts: Fact[] = [];
  const entity = `case:${c.caseId}`;
  if (c.opened) facts.push({ at: c.opened.at, scopes, entity, agg: { casesOpened: 1 } });
  if (c.closed) {
    const timed = c.opened !== undefined;
    facts.push({
      at: c.closed.at,
      scopes,
      entity,
      agg: { casesClosed: 1, casesTimed: timed ? 1 : 0, caseMs: timed ? Math.max(0, c.closed.at - c.opened!.at) : 0 },
    });
  }
  return facts;
}
