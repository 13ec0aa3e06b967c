/**
 * The measurements of `npm run bench` (scripts/bench.mjs bundles this file with esbuild and runs
 * it in Node). The user operations and the custom formulas go through the built dist/Code.js in a
 * fresh vm context, as the e2e tests run them, with the in-memory Apps Script services counting
 * every call; the naive baseline uses the same services, and the core is timed on its own too.
 * This file only measures; scripts/bench.mjs checks the targets, prints and writes the results.
 */
import vm from "node:vm";
import { checkinGridOf, generateCheckins, generateOkrs, okrGridOf } from "../../dev/fixtures";
import { createRuntime } from "../../dev/gas";
import { createGlobalContext, type LoadedAddon, loadAddon } from "../../dev/loader";

/** The app's project file, by name (scripts/esbuild-options.mjs APP_FILE). */
const APP_FILE = "server-app";
import { analyze, dayOf, SHEETS, type SheetKey } from "../../src/core";
import type { buildReview, reviewLayout } from "../../src/core";
import { coachCodes, corpusSummary, evaluate, type Figures, figuresTable, readCorpus } from "./coach-eval";
import { resetServiceTime, serviceTime } from "./timed-calls";

export { HEALTH_SIZES, measureHealth } from "./health";

/** Mid-quarter (2026-Q4): six weeks of check-ins behind, the plan not yet locked. */
export const NOW = "2026-11-20T09:00:00Z";
const TIME_ZONE = "Europe/Brussels";
/** Weeks of check-ins in the log: 6 rows per key result, as by mid-quarter. */
export const WEEKS = 6;

export interface Sample {
  /** Wall time of the call in the offline runtime, in ms. */
  wall: number;
  /** Of which inside the in-memory services (the fake spreadsheet), in ms. */
  service: number;
  /** The add-on's own work: wall − service, in ms. What runs in Apps Script's V8. */
  compute: number;
}

export interface OperationResult {
  krs: number;
  /** Rows of the OKRs sheet (objectives and key results) and of the Check-ins log. */
  okrRows: number;
  checkinRows: number;
  calls: number;
  byMethod: Record<string, number>;
  /** Medians of the runs, in ms. */
  compute: number;
  wall: number;
  service: number;
  /** Lowest and highest of the runs, in ms. */
  spread: { compute: Spread; wall: Spread; service: Spread };
  runs: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The spread of a figure over the runs: its lowest and highest value, in ms. */
export interface Spread {
  min: number;
  max: number;
}
const spread = (values: number[]): Spread => ({ min: Math.min(...values), max: Math.max(...values) });

/** Collects garbage between runs when Node allows it (scripts/bench.mjs exposes gc), to cut noise. */
const collect: () => void = (() => {
  const gc = (globalThis as { gc?: () => void }).gc;
  return gc ? () => gc() : () => undefined;
})();

// ------------------------------------------------------------------------------------ fixtures

interface Grids {
  okrs: unknown[][];
  checkins: unknown[][];
}
const gridCache = new Map<number, Grids>();

function gridsFor(krs: number): Grids {
  let grids = gridCache.get(krs);
  if (!grids) {
    grids = {
      okrs: okrGridOf(generateOkrs(krs)),
      checkins: checkinGridOf(generateCheckins(krs, WEEKS)),
    };
    gridCache.set(krs, grids);
  }
  return grids;
}

/**
 * A spreadsheet set up by the add-on, then filled with `krs` key results and their check-ins;
 * answered with the bundle loaded afresh on it, so that the operation runs as a new execution
 * (a new global scope: no cache or memo left by the set-up, cold JIT), as in Apps Script.
 */
function prepared(code: string, files: Record<string, string>, krs: number): LoadedAddon {
  // Without the formula evaluator: in Sheets, reading a sheet returns values already computed, so
  // the custom functions' time is not an operation's (they are measured on their own below).
  const setUp = loadAddon({ locale: "en", now: NOW, code, files, timeZone: TIME_ZONE, formulas: false });
  setUp.ui.answers.push({ button: "NO" });
  setUp.run("setUpTemplate");
  const grids = gridsFor(krs);
  setUp.spreadsheet.sheet("OKRs")!.fill(grids.okrs);
  setUp.spreadsheet.sheet("Check-ins")!.fill(grids.checkins);
  return loadAddon({
    world: setUp.world,
    locale: "en",
    now: NOW,
    code,
    files,
    timeZone: TIME_ZONE,
    formulas: false,
  });
}

// ---------------------------------------------------------------------------------- operations

export interface Operation {
  key: string;
  label: string;
  /** Runs the user operation as the menu, the sidebar or a dialog would. */
  run(addon: LoadedAddon): unknown;
}

export const OPERATIONS: Operation[] = [
  {
    key: "setUp",
    label: "set up (again, on the filled sheets)",
    run: (a) => {
      a.ui.answers.push({ button: "NO" });
      return a.run("setUpTemplate");
    },
  },
  { key: "validate", label: "validate (menu: mark + sidebar)", run: (a) => a.run("validate") },
  {
    key: "checkinView",
    label: "open the check-in view",
    run: (a) => a.run("getCheckins", { team: "Sales" }),
  },
  {
    key: "saveCheckin",
    label: "save a check-in (2 key results), answering the fresh view",
    // As the sidebar sends it: with the filter it shows, for the view the save answers.
    run: (a) =>
      a.run("saveCheckins", {
        entries: [
          { krId: "KR-1", value: 30, confidence: 7, comment: "Three more partners" },
          { krId: "KR-6", value: 40, confidence: 6 },
        ],
        filter: { team: "Sales" },
      }),
  },
  { key: "review", label: "generate the review", run: (a) => a.run("generateReview", { team: "" }) },
  {
    key: "nextQuarter",
    label: "start the next quarter (carry 2)",
    run: (a) =>
      a.run("startNextQuarter", {
        from: "2026-Q4",
        early: true,
        carry: [
          { id: "O-1", owner: "Ada" },
          { id: "O-2", owner: "Bob" },
        ],
      }),
  },
  {
    key: "lockPlan",
    label: "lock the plan",
    run: (a) => {
      a.ui.answers.push({ button: "YES" });
      return a.run("lockPlan");
    },
  },
];

function timed(run: () => unknown): Sample {
  resetServiceTime();
  const start = performance.now();
  run();
  const wall = performance.now() - start;
  const service = serviceTime.ms;
  return { wall, service, compute: Math.max(0, wall - service) };
}

/**
 * One operation at one size: each run on a freshly prepared spreadsheet and a fresh vm context (as
 * each Apps Script execution starts cold), the calls of the first run, the median times.
 */
export function measureOperation(
  code: string,
  files: Record<string, string>,
  operation: Operation,
  krs: number,
  runs: number,
): OperationResult {
  const samples: Sample[] = [];
  let byMethod: Record<string, number> = {};
  let calls = 0;
  for (let i = 0; i < runs; i++) {
    const addon = prepared(code, files, krs);
    collect();
    addon.calls.reset();
    samples.push(timed(() => operation.run(addon)));
    const snapshot = addon.calls.snapshot();
    if (i === 0) {
      byMethod = snapshot;
      calls = addon.calls.total();
    } else if (JSON.stringify(snapshot) !== JSON.stringify(byMethod)) {
      throw new Error(`${operation.key} at ${krs}: the calls differ between two identical runs`);
    }
  }
  const grids = gridsFor(krs);
  return {
    krs,
    okrRows: grids.okrs.length - 1,
    checkinRows: grids.checkins.length - 1,
    calls,
    byMethod,
    compute: median(samples.map((s) => s.compute)),
    wall: median(samples.map((s) => s.wall)),
    service: median(samples.map((s) => s.service)),
    spread: {
      compute: spread(samples.map((s) => s.compute)),
      wall: spread(samples.map((s) => s.wall)),
      service: spread(samples.map((s) => s.service)),
    },
    runs,
  };
}

// ------------------------------------------------------------------------------ naive baseline

type Services = { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };

const VALIDATED: SheetKey[] = ["okrs", "checkins", "kpis", "settings"];

/**
 * What a naive add-on would do for the same validation: read every cell of each sheet with its own
 * getValue (getLastRow/getLastColumn once per sheet), run the same core validation, then write
 * each finding's note and background cell by cell. The same services, counted the same way.
 */
function naiveValidate(services: Services): { findings: number } {
  const ss = services.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const grids: Partial<Record<SheetKey, unknown[][]>> = {};
  const sheets: Partial<Record<SheetKey, GoogleAppsScript.Spreadsheet.Sheet>> = {};
  for (const key of VALIDATED) {
    const sheet = ss.getSheetByName(SHEETS[key].name.en);
    if (!sheet) continue;
    sheets[key] = sheet;
    const rows = sheet.getLastRow();
    const columns = sheet.getLastColumn();
    const grid: unknown[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: unknown[] = [];
      for (let c = 1; c <= columns; c++) line.push(sheet.getRange(r, c).getValue());
      grid.push(line);
    }
    grids[key] = grid;
  }
  const analysis = analyze(
    {
      okrs: grids.okrs as never,
      checkins: grids.checkins as never,
      kpis: grids.kpis as never,
      settings: grids.settings as never,
    },
    dayOf(new Date(NOW), timeZone),
    timeZone,
  );
  const okrColumns = analysis.okrTable?.columns ?? {};
  for (const finding of analysis.findings) {
    const sheet = sheets[finding.sheet];
    if (!sheet || finding.row === undefined) continue;
    const column = finding.sheet === "okrs" ? (okrColumns[finding.column ?? "title"] ?? 0) : 0;
    const cell = sheet.getRange(finding.row, column + 1);
    cell.setNote(`⚑ ${finding.code}`);
    cell.setBackground("#fef6df");
  }
  return { findings: analysis.findings.length };
}

export interface NaiveResult {
  krs: number;
  calls: number;
  byMethod: Record<string, number>;
  compute: number;
  wall: number;
  service: number;
  spread: { compute: Spread; wall: Spread; service: Spread };
  runs: number;
}

export function measureNaive(
  code: string,
  files: Record<string, string>,
  krs: number,
  runs: number,
): NaiveResult {
  const samples: Sample[] = [];
  let byMethod: Record<string, number> = {};
  let calls = 0;
  for (let i = 0; i < runs; i++) {
    const addon = prepared(code, files, krs);
    collect();
    addon.calls.reset();
    samples.push(timed(() => naiveValidate(addon.globals as unknown as Services)));
    if (i === 0) {
      byMethod = addon.calls.snapshot();
      calls = addon.calls.total();
    }
  }
  return {
    krs,
    calls,
    byMethod,
    compute: median(samples.map((s) => s.compute)),
    wall: median(samples.map((s) => s.wall)),
    service: median(samples.map((s) => s.service)),
    spread: {
      compute: spread(samples.map((s) => s.compute)),
      wall: spread(samples.map((s) => s.wall)),
      service: spread(samples.map((s) => s.service)),
    },
    runs,
  };
}

// ------------------------------------------------------------------------ the core, on its own

export interface CoreTimes {
  /** Parse, validate and score (analyze); build the review; lay out its sheet; all three. In ms. */
  analyze: number;
  review: number;
  layout: number;
  total: number;
}

export interface CoreResult {
  krs: number;
  /** Medians of runs each in a fresh vm context (cold JIT, as each Apps Script execution). */
  cold: CoreTimes;
  /** Medians of repeated runs in one context, the first left out (warm JIT). */
  warm: CoreTimes;
  /** Lowest and highest totals of the runs, cold and warm. */
  spread: { cold: Spread; warm: Spread };
  findings: number;
  runs: number;
}

interface CoreApi {
  analyze: typeof analyze;
  buildReview: typeof buildReview;
  reviewLayout: typeof reviewLayout;
}

/**
 * Validate, score and build the review, no services: the core's pure compute, on the values
 * getValues returns for the prepared sheets (dates as Date objects, numbers as numbers).
 * `coreScript` is src/core bundled as a script (scripts/bench/load-harness.mjs).
 */
export function measureCore(
  coreScript: string,
  code: string,
  files: Record<string, string>,
  krs: number,
  runs: number,
): CoreResult {
  const addon = prepared(code, files, krs);
  const values = (name: string) => addon.spreadsheet.sheet(name)?.values() as never;
  const grids = {
    okrs: values("OKRs"),
    checkins: values("Check-ins"),
    kpis: values("KPIs"),
    settings: values("Settings"),
  };
  const day = dayOf(new Date(NOW), TIME_ZONE);
  const fresh = (): CoreApi => {
    const context = createGlobalContext({});
    vm.runInContext(coreScript, context);
    return (context as { okrCore: CoreApi }).okrCore;
  };
  let findings = 0;
  const once = (core: CoreApi): CoreTimes => {
    collect();
    const t0 = performance.now();
    const analysis = core.analyze(grids, day, TIME_ZONE);
    const t1 = performance.now();
    const review = core.buildReview({
      okrs: analysis.okrs,
      checkins: analysis.checkins,
      scores: analysis.scores,
      settings: analysis.settings,
      today: day,
      team: "",
    });
    const t2 = performance.now();
    core.reviewLayout(review, "en");
    const t3 = performance.now();
    findings = analysis.findings.length;
    return { analyze: t1 - t0, review: t2 - t1, layout: t3 - t2, total: t3 - t0 };
  };
  const medians = (samples: CoreTimes[]): CoreTimes => ({
    analyze: median(samples.map((s) => s.analyze)),
    review: median(samples.map((s) => s.review)),
    layout: median(samples.map((s) => s.layout)),
    total: median(samples.map((s) => s.total)),
  });
  const cold = Array.from({ length: runs }, () => once(fresh()));
  const core = fresh();
  const warm = Array.from({ length: runs + 1 }, () => once(core)).slice(1);
  return {
    krs,
    cold: medians(cold),
    warm: medians(warm),
    spread: { cold: spread(cold.map((c) => c.total)), warm: spread(warm.map((w) => w.total)) },
    findings,
    runs,
  };
}

// ------------------------------------------------------------------------------------ formulas

export interface FormulaResult {
  key: string;
  formula: string;
  rows: number;
  /**
   * Median of the runs, each the first call in a freshly loaded bundle (a new vm context: cold JIT,
   * empty caches), as Sheets runs a custom formula; the load of Code.js is not included, that of the
   * app is for a formula whose code is the app's (KRCHECK). In ms.
   */
  cold: number;
  /** Median of repeated calls in one context (warm JIT, caches kept), in ms. */
  warm: number;
  spread: { cold: Spread; warm: Spread };
  runs: number;
}

const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);

/** A custom formula over `rows` rows of the generated OKRs sheet, through the built bundle. */
export function measureFormulas(
  code: string,
  files: Record<string, string>,
  rows: number,
  runs: number,
  only?: string,
): FormulaResult[] {
  // 7,500 key results give 10,001 OKRs rows (objectives included): take the first `rows`.
  const grid = okrGridOf(generateOkrs(Math.ceil((rows * 3) / 4))).slice(1, rows + 1);
  const header = okrGridOf([])[0] as string[];
  const col = (name: string) => column(grid.map((line) => line[header.indexOf(name)]));
  const [ids, types, parents, titles, metrics, baselines, targets, currents, weights] = [
    "ID",
    "Type",
    "Parent",
    "Title",
    "Metric",
    "Baseline",
    "Target",
    "Current",
    "Weight",
  ].map(col) as unknown[][][];
  const last = rows + 1;
  const cases: { key: string; formula: string; args: unknown[] }[] = [
    {
      key: "KRSCORE",
      formula: `=KRSCORE(L2:L${last}, M2:M${last}, N2:N${last}, J2:J${last})`,
      args: [baselines, targets, currents, metrics],
    },
    {
      key: "OKRSCORE",
      formula: `=OKRSCORE(B2:B${last}, C2:C${last}, F2:F${last}, L2:L${last}, M2:M${last}, N2:N${last}, J2:J${last}, O2:O${last})`,
      args: [ids, types, parents, baselines, targets, currents, metrics, weights],
    },
    {
      key: "KRCHECK",
      formula: `=KRCHECK(G2:G${last}, L2:L${last}, M2:M${last})`,
      args: [titles, baselines, targets],
    },
  ];
  const call = (addon: LoadedAddon, key: string, args: unknown[]) => {
    collect();
    const start = performance.now();
    const result = addon.run(key, ...args);
    const time = performance.now() - start;
    if (!Array.isArray(result) || result.length !== rows) throw new Error(`${key}: not ${rows} rows`);
    return time;
  };
  // A formula whose code is the app's (KRCHECK) reads and compiles the app file in its call: each
  // load gets the app as new source (a unique comment), so that V8's in-process compilation cache
  // does not hide that cost, as measureLoad does for Code.js.
  let loads = 0;
  const appCode = files[APP_FILE] === undefined ? undefined : (JSON.parse(files[APP_FILE]) as string);
  const fresh = () =>
    appCode === undefined
      ? files
      : { ...files, [APP_FILE]: JSON.stringify(`${appCode}\n// load ${++loads}`) };
  const load = () =>
    loadAddon({ locale: "en", now: NOW, code, files: fresh(), timeZone: TIME_ZONE, formulas: false });
  return cases
    .filter((c) => !only || c.key === only)
    .map(({ key, formula, args }) => {
      const cold: number[] = [];
      for (let i = 0; i < runs; i++) cold.push(call(load(), key, args));
      const addon = load();
      const warm: number[] = [];
      for (let i = 0; i < runs + 1; i++) warm.push(call(addon, key, args));
      const warmRuns = warm.slice(1);
      return {
        key,
        formula,
        rows,
        cold: median(cold),
        warm: median(warmRuns),
        spread: { cold: spread(cold), warm: spread(warmRuns) },
        runs,
      };
    });
}

// ------------------------------------------------------------------------------ loading the bundle

export interface LoadResult {
  /** Medians in ms of loading the script as new source (no code cache): compiling it, running its top level, both. */
  compile: number;
  run: number;
  total: number;
  /** Lowest and highest total of the runs, in ms. */
  spread: Spread;
  runs: number;
}

/**
 * Loading dist/Code.js in a fresh context, as Sheets does for every custom-formula execution.
 * Each run compiles the script anew (a unique comment defeats V8's in-process compilation cache)
 * and runs its top level in a new context; the context and the fake services are made before the
 * clock starts.
 */
export function measureLoad(code: string, runs: number): LoadResult {
  const samples: { compile: number; run: number; total: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const context = createGlobalContext({ ...createRuntime({ locale: "en" }).globals, console });
    const source = `${code}\n// load ${i} ${Math.random()}`;
    collect();
    const t0 = performance.now();
    const script = new vm.Script(source, { filename: "Code.js" });
    const t1 = performance.now();
    script.runInContext(context);
    const t2 = performance.now();
    samples.push({ compile: t1 - t0, run: t2 - t1, total: t2 - t0 });
  }
  return {
    compile: median(samples.map((s) => s.compile)),
    run: median(samples.map((s) => s.run)),
    total: median(samples.map((s) => s.total)),
    spread: spread(samples.map((s) => s.total)),
    runs,
  };
}

export interface AppLoadResult {
  /** Medians in ms: loading Code.js (compile + top level), reading and running the app, both. */
  code: number;
  app: number;
  total: number;
  /** Lowest and highest total of the runs, in ms. */
  spread: Spread;
  runs: number;
}

/**
 * What a menu command or a sidebar call loads before it starts: dist/Code.js, as in measureLoad,
 * then the app, as its stub does (OKR_.loadApp(): HtmlService reads server-app.html, JSON.parse
 * and the Function constructor compile it, and its top level runs). Each run makes both sources
 * new (unique comments), so V8 compiles them afresh.
 */
export function measureAppLoad(code: string, appFile: string, runs: number): AppLoadResult {
  const appCode = JSON.parse(appFile) as string;
  const samples: { code: number; app: number; total: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const unique = `\n// load ${i} ${Math.random()}`;
    const file = JSON.stringify(appCode + unique).replace(
      /[<&]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
    const runtime = createRuntime({ locale: "en", files: { [APP_FILE]: file } });
    const context = createGlobalContext({ ...runtime.globals, console });
    const source = `${code}${unique}`;
    collect();
    const t0 = performance.now();
    new vm.Script(source, { filename: "Code.js" }).runInContext(context);
    const t1 = performance.now();
    vm.runInContext("OKR_.loadApp()", context);
    const t2 = performance.now();
    samples.push({ code: t1 - t0, app: t2 - t1, total: t2 - t0 });
  }
  const totals = samples.map((s) => s.total);
  return {
    code: median(samples.map((s) => s.code)),
    app: median(samples.map((s) => s.app)),
    total: median(totals),
    spread: spread(totals),
    runs,
  };
}

// ------------------------------------------------------------------------------------ the KR coach

export interface CoachResult {
  corpus: string;
  figures: Figures[];
  table: string;
}

/** The KR coach's precision and recall on the labelled corpus, through KRCHECK of the bundle (as test/core/coach-eval.test.ts). */
export function measureCoach(code: string, files: Record<string, string>, corpusPath: string): CoachResult {
  const rows = readCorpus(corpusPath);
  const addon = {
    en: loadAddon({ locale: "en_US", now: NOW, code, files, timeZone: TIME_ZONE }),
    fr: loadAddon({ locale: "fr_FR", now: NOW, code, files, timeZone: TIME_ZONE }),
  };
  const figures = evaluate(
    rows,
    coachCodes(rows, (lang, column) => addon[lang].run<unknown[][]>("KRCHECK", column)),
  );
  return { corpus: corpusSummary(rows), figures, table: figuresTable(figures) };
}
