import type { Query } from "../../db/client";

/**
 * Reads many narrow numeric rows fast: PostgreSQL groups them by `groupBy`
 * columns and packs each group's rows as text ("bucket,v1,v2…;bucket,…"), so
 * the client parses one string per group instead of one value per cell —
 * several times faster with postgres.js and PGlite alike. `values` are SQL
 * expressions (integers); `visit` receives each row's bucket (epoch ms) and
 * values, reusing one array.
 */
export async function readPacked<G extends string>(
  q: Query,
  opts: { table: string; groupBy: readonly G[]; values: readonly string[]; where: string; params: unknown[] },
  visit: (group: Record<G, string>, bucket: number, values: Float64Array) => void,
): Promise<void> {
  const { table, groupBy, values, where, params } = opts;
  const rows = await q<Record<string, string>>(
    `select ${groupBy.join(", ")}${groupBy.length ? ", " : ""}string_agg(concat_ws(',', (extract(epoch from bucket) * 1000)::bigint, ${values.join(", ")}), ';') as packed
     from ${table} where ${where}${groupBy.length ? ` group by ${groupBy.join(", ")}` : ""}`,
    params,
  );
  const v = new Float64Array(values.length);
  for (const row of rows) {
    const packed = row.packed;
    if (!packed) continue;
    for (const part of packed.split(";")) {
      const cells = part.split(",");
      for (let i = 0; i < v.length; i++) v[i] = +cells[i + 1]!;
      visit(row as Record<G, string>, +cells[0]!, v);
    }
  }
}
