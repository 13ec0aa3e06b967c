/**
 * The Teams table of Settings: one team per row, its name and its spreadsheet's URL, which
 * OKR › Roll up teams turns into import sheets. Found by its headers, like the quarters table.
 */
import type { RawCell } from "./cells";
import { type Lang, t } from "./i18n";
import { cellText, normalize } from "./text";

/** The headers of the Teams table in Settings, found by them like the quarters table. */
export const TEAMS_TABLE_HEADERS = {
  team: { en: "Team", fr: "Équipe" },
  url: { en: "Spreadsheet URL", fr: "URL du classeur" },
} as const;

export interface TeamEntry {
  /** 1-based Settings row. */
  row: number;
  name: string;
  url: string;
}

/**
 * The Teams table of Settings: the row whose first two cells are its headers (either language),
 * then one team per row until the first row with neither a name nor a URL.
 *
 * @example
 * teamsTable([["Team", "Spreadsheet URL"], ["Sales", "https://docs.google.com/spreadsheets/d/abc/edit"]])
 * //=> { headerRow: 1, teams: [{ row: 2, name: "Sales", url: "https://docs.google.com/spreadsheets/d/abc/edit" }] }
 */
export function teamsTable(grid: readonly (readonly RawCell[])[]): {
  headerRow: number | undefined;
  teams: TeamEntry[];
} {
  const names = [TEAMS_TABLE_HEADERS.team.en, TEAMS_TABLE_HEADERS.team.fr].map(normalize);
  const urls = [TEAMS_TABLE_HEADERS.url.en, TEAMS_TABLE_HEADERS.url.fr].map(normalize);
  const at = grid.findIndex(
    (line) => names.includes(normalize(line[0])) && urls.includes(normalize(line[1])),
  );
  if (at < 0) return { headerRow: undefined, teams: [] };
  const teams: TeamEntry[] = [];
  for (let i = at + 1; i < grid.length; i++) {
    const name = cellText(grid[i]![0]).trim();
    const url = cellText(grid[i]![1]).trim();
    if (name === "" && url === "") break;
    teams.push({ row: i + 1, name, url });
  }
  return { headerRow: at + 1, teams };
}

/**
 * Whether a URL has the shape of a Google Sheets spreadsheet's: checked for shape only, since the
 * add-on cannot fetch it (its scope reaches the current spreadsheet only).
 *
 * @example
 * isSpreadsheetUrl("https://docs.google.com/spreadsheets/d/1AbC_def-123456789/edit#gid=0") //=> true
 * isSpreadsheetUrl("https://example.com/d/x") //=> false
 */
export function isSpreadsheetUrl(url: string): boolean {
  return /^https:\/\/docs\.google\.com\/spreadsheets\/(u\/\d+\/)?d\/[A-Za-z0-9_-]{10,}(\/[^\s]*)?$/.test(
    url.trim(),
  );
}

/** The two rows OKR › Roll up teams appends to Settings when it finds no Teams table: a blank, the headers. */
export function teamsTableStart(lang: Lang): string[][] {
  return [
    ["", ""],
    [TEAMS_TABLE_HEADERS.team[lang], TEAMS_TABLE_HEADERS.url[lang]],
  ];
}

/**
 * The teams to roll up: those with a name and a spreadsheet's URL, each name once (in any case).
 * Every row left out is said in a note, in the user's language.
 */
export function teamsToRollUp(
  entries: readonly TeamEntry[],
  lang: Lang,
): { teams: TeamEntry[]; notes: string[] } {
  const notes: string[] = [];
  const seen = new Set<string>();
  const teams = entries.filter((team) => {
    if (!isSpreadsheetUrl(team.url) || team.name === "") {
      notes.push(t(lang, "rollup.badUrl", { row: team.row, url: team.url }));
      return false;
    }
    const key = team.name.toLowerCase();
    if (seen.has(key)) {
      notes.push(t(lang, "rollup.twice", { row: team.row, team: team.name }));
      return false;
    }
    seen.add(key);
    return true;
  });
  return { teams, notes };
}
