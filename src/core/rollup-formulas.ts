/**
 * OKRROLLUP and OKRTEAMS, the custom formulas of the Company roll-up sheet: their arguments read,
 * the roll-up computed, and the tables they return. Pure: the spreadsheet's locale and time zone
 * come through a FormulaHost (src/server/main.ts passes the one of SpreadsheetApp).
 *
 * A custom function may not read the clock (it reruns only when an argument changes): the shared
 * "as of" day comes from Settings, an argument.
 */
import type { RawCell } from "./cells";
import { dateOfDay, type Day, isoOf } from "./dates";
import type { FormulaHost } from "./formula-call";
import type { FormulaArg } from "./grid";
import { type Lang, type MessageKey, sheetLanguage, t, tKey } from "./i18n";
import { type Rollup, rollUp, rollupInput } from "./rollup";
import { readTeamImport, type TeamImport } from "./rollup-import";
import { connectCell } from "./rollup-sheet";
import { parseSettings, type Settings } from "./settings";

export type RollupOut = string | number | Date;

const grid = (value: FormulaArg): RawCell[][] => (Array.isArray(value) ? value : [[value]]);

/** The spreadsheet's time zone and locale; UTC and no locale when they cannot be read. */
function spreadsheetFacts(host: FormulaHost): { timeZone: string; locale?: string | null } {
  try {
    return { timeZone: host.timeZone() ?? "UTC", locale: host.locale() };
  } catch {
    return { timeZone: "UTC" };
  }
}

/** What a roll-up formula draws its table from: the roll-up, in the language it answers in. */
export interface RollupView {
  lang: Lang;
  rollup: Rollup;
  timeZone: string;
}

/** Reads the arguments and rolls up; a bad argument is a localized Error, shown on #ERROR!. */
function compute(
  host: FormulaHost,
  companyOkrs: FormulaArg,
  settingsGrid: FormulaArg,
  imports: FormulaArg[],
): RollupView {
  const { timeZone, locale } = spreadsheetFacts(host);
  const parsed = parseSettings(grid(settingsGrid), 0, timeZone).settings;
  const lang = sheetLanguage(parsed.language, locale);
  if (parsed.asOf === undefined) throw new Error(t(lang, "rollup.asOfMissing"));
  const settings = parsed as Settings & { asOf: Day };
  const teams = imports
    .map((value) => readTeamImport(grid(value), timeZone))
    .filter((team): team is TeamImport => team !== undefined);
  const rollup = rollUp(
    rollupInput(settings, grid(companyOkrs), teams, settings.asOf, timeZone),
    settings.maxObjectivesPerTeam,
  );
  return { lang, rollup, timeZone };
}

type RollupFormula = (
  host: FormulaHost,
  companyOkrs: FormulaArg,
  settings: FormulaArg,
  ...imports: FormulaArg[]
) => RollupOut[][];

/** A roll-up formula drawing `table`: an error shows on #ERROR! by its message only, no stack of ours. */
function rollupFormula(table: (view: RollupView) => RollupOut[][]): RollupFormula {
  return (host, companyOkrs, settings, ...imports) => {
    try {
      return table(compute(host, companyOkrs, settings, imports));
    } catch (error) {
      // eslint-disable-next-line preserve-caught-error
      throw new Error(String((error as { message?: unknown } | null)?.message ?? error));
    }
  };
}

/** OKRROLLUP's table: a header, then one row per company objective with notes said in words. */
export function rollupObjectivesTable({ lang, rollup, timeZone }: RollupView): RollupOut[][] {
  const header = (
    ["id", "objective", "teams", "score", "band", "status", "lastCheckIn", "notes"] as const
  ).map((key) => t(lang, `rollup.col.${key}`));
  const rows = rollup.objectives.map((o): RollupOut[] => {
    const notes = [
      o.teams.length === 0 ? t(lang, "rollup.note.unserved") : "",
      o.unscored > 0 ? t(lang, "rollup.note.unscored", { count: o.unscored }) : "",
    ].filter(Boolean);
    return [
      o.id,
      o.title,
      o.teams.length === 0 ? 0 : `${o.teams.length}: ${o.teams.join(", ")}`,
      o.score ?? "",
      o.band ? tKey(lang, `band.${o.band}` as MessageKey) : "",
      o.status ? tKey(lang, `status.${o.status}` as MessageKey) : "",
      o.lastCheckIn === undefined ? "" : dateOfDay(o.lastCheckIn, timeZone),
      notes.join(" "),
    ];
  });
  return [header, ...rows];
}

/** OKRTEAMS's table: a header, then one row per team; a team not connected counts for nothing. */
export function rollupTeamsTable({ lang, rollup }: RollupView): RollupOut[][] {
  const header = (["team", "connection", "objectives", "aligned"] as const).map((key) =>
    t(lang, `rollup.col.${key}`),
  );
  const rows = rollup.teams.map(({ team, objectives, aligned }, index): RollupOut[] => {
    const counted = team.connection.state === "connected";
    return [team.name, connectionText(lang, team, index), counted ? objectives : "", counted ? aligned : ""];
  });
  return [header, ...rows];
}

/** OKRROLLUP(company_okrs, settings, imports…): one row per company objective of the quarter. */
export const okrRollup = rollupFormula(rollupObjectivesTable);

/** OKRTEAMS(company_okrs, settings, imports…): one row per team, its connection said plainly. */
export const okrTeams = rollupFormula(rollupTeamsTable);

/** A team's connection, said with what to do about it; `index` is its row under OKRTEAMS' header. */
export function connectionText(lang: Lang, team: TeamImport, index: number): string {
  const c = team.connection;
  switch (c.state) {
    case "connected":
      return t(lang, "rollup.state.connected");
    case "empty":
      return t(lang, "rollup.state.empty");
    case "loading":
      return t(lang, "rollup.state.loading");
    case "not-connected":
      return t(lang, "rollup.state.not-connected", { cell: connectCell(index) });
    case "unreachable":
      return t(lang, "rollup.state.unreachable", { since: isoOf(c.since) });
    case "error":
      return t(lang, "rollup.state.error", {
        code: c.code,
        sheet: t(lang, "rollup.importSheet", { team: team.name }),
      });
    case "old-template":
      return t(lang, "rollup.state.old-template", { columns: c.missing.join(", ") });
  }
}
