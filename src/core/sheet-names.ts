/**
 * Finding our sheets, the pure part: the sheet ids remembered in the document properties, a tab's
 * name matched against a sheet's English and French names, and a free name for a new tab.
 */
import { SHEETS, type SheetKey } from "./schema";
import { normalize } from "./text";

/**
 * The sheet ids remembered, from their JSON record; anything unreadable is left out.
 *
 * @example
 * sheetIdsFrom('{"okrs": 12, "kpis": "x", "other": 3}') //=> { okrs: 12 }
 */
export function sheetIdsFrom(recorded: string | undefined): Partial<Record<SheetKey, number>> {
  try {
    const parsed: unknown = recorded ? JSON.parse(recorded) : {};
    if (!parsed || typeof parsed !== "object") return {};
    const ids: Partial<Record<SheetKey, number>> = {};
    for (const key of Object.keys(SHEETS) as SheetKey[]) {
      const id = (parsed as Record<string, unknown>)[key];
      if (typeof id === "number") ids[key] = id;
    }
    return ids;
  } catch {
    return {};
  }
}

/**
 * True when a tab's name is one of a sheet's names, in English or French (case, accents and
 * spaces aside).
 *
 * @example
 * isSheetName("checkins", " points ") //=> true
 */
export function isSheetName(key: SheetKey, name: string): boolean {
  return [SHEETS[key].name.en, SHEETS[key].name.fr].map(normalize).includes(normalize(name));
}

/**
 * A name no tab has yet: the base, else "base (2)", "base (3)"…
 *
 * @example
 * freeSheetName("OKRs", (name) => ["okrs", "okrs (2)"].includes(name.toLowerCase())) //=> "OKRs (3)"
 */
export function freeSheetName(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base} (${n})`)) return `${base} (${n})`;
}
