import enAlerts from "./alerts.en.json";
import enBase from "./en.json";
import enCatalogue from "./catalogue.en.json";
import enDrill from "./drill.en.json";
import enFigures from "./figures.en.json";
import enImports from "./imports.en.json";
import enLive from "./live.en.json";
import enMe from "./me.en.json";
import enReports from "./reports.en.json";
import enSchedules from "./schedules.en.json";
import enWallboards from "./wallboards.en.json";
import frAlerts from "./alerts.fr.json";
import frBase from "./fr.json";
import frCatalogue from "./catalogue.fr.json";
import frDrill from "./drill.fr.json";
import frFigures from "./figures.fr.json";
import frImports from "./imports.fr.json";
import frLive from "./live.fr.json";
import frMe from "./me.fr.json";
import frReports from "./reports.fr.json";
import frSchedules from "./schedules.fr.json";
import frWallboards from "./wallboards.fr.json";

/**
 * Messages per locale: one base file plus one file per feature, so features
 * can grow their texts without touching each other's. French is the reference
 * shape (`Messages`); English must have the same keys (tested).
 */
export const fr = { ...frBase, ...frCatalogue, ...frFigures, ...frReports, ...frAlerts, ...frWallboards, ...frLive, ...frSchedules, ...frMe, ...frDrill, ...frImports };
export const en: typeof fr = { ...enBase, ...enCatalogue, ...enFigures, ...enReports, ...enAlerts, ...enWallboards, ...enLive, ...enSchedules, ...enMe, ...enDrill, ...enImports };
export type Messages = typeof fr;
