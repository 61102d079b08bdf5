/**
 * A typed or imported number: `1234.5`, `1234,5` (decimal comma), `10 000`
 * (spaces group thousands), `-3`; null when it is not one (`1.234,5` is
 * ambiguous, `1e3` and `12 €` are refused). Pure, shared by the form and the CSV import.
 */
export function parseNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, "");
  if (!/^[+-]?\d+([.,]\d+)?$/.test(s)) return null;
  return Number(s.replace(",", "."));
}
