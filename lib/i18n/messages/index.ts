import enBase from "./en.json";
import enCatalogue from "./catalogue.en.json";
import enFigures from "./figures.en.json";
import enReports from "./reports.en.json";
import frBase from "./fr.json";
import frCatalogue from "./catalogue.fr.json";
import frFigures from "./figures.fr.json";
import frReports from "./reports.fr.json";

/**
 * Messages per locale: one base file plus one file per feature, so features
 * can grow their texts without touching each other's. French is the reference
 * shape (`Messages`); English must have the same keys (tested).
 */
export const fr = { ...frBase, ...frCatalogue, ...frFigures, ...frReports };
export const en: typeof fr = { ...enBase, ...enCatalogue, ...enFigures, ...enReports };
export type Messages = typeof fr;
