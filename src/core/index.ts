/**
 * The public face of the core, for tests and tools: every module re-exported. The add-on's own
 * modules import the module they need (analyze.ts for the pipeline).
 */
export * from "./analyze";
export * from "./cells";
export * from "./checkins";
export * from "./dates";
export * from "./describe";
export * from "./findings";
export * from "./health";
export * from "./health-settings";
export * from "./health-formula";
export * from "./health-sheet";
export * from "./health-write";
export * from "./identity";
export * from "./lock-history";
export * from "./i18n";
export * from "./marks";
export * from "./next-quarter";
export * from "./next-quarter-start";
export * from "./pace";
export * from "./parse";
export * from "./parse-table";
export { shorten } from "./cell-reader";
export * from "./quarters";
export * from "./review";
export * from "./review-quarters";
export * from "./review-sheet";
export * from "./rules";
export * from "./schema";
export * from "./user-error";
export * from "./quarter-scores";
export * from "./scoring";
export * from "./settings";
export * from "./setting-rows";
export * from "./settings-layout";
export * from "./table-layout";
export * from "./table-format";
export * from "./settings-update";
export * from "./sheet-paint";
export * from "./kr-reading";
export { objectiveNumbers } from "./kr-sentence";
export * from "./limits";
export { matchChoice } from "./choices";
