/**
 * The example quarter a new user can fill in at set-up: a company objective, two team objectives
 * under it, and key results good and bad, so that scores, statuses and findings show at once.
 * Values are cell values in the user's language (list columns use the list labels).
 */
import type { RawCell } from "./cells";
import type { Day } from "./dates";
import { highestIds, type HighestIds, idsHeld } from "./draft";
import { type Lang, t } from "./i18n";
import { parseCheckins, parseKpis, parseOkrs } from "./parse";
import { CHECKINS, KINDS, LEVELS, METRIC_CHOICES, ROW_TYPES, type Choice } from "./schema";
import { parseSettings, type Settings } from "./settings";
import { nextFreeRow, type TablePlace } from "./table-write";

type Row = Record<string, string | number | Day>;

const label = <K extends string>(list: readonly Choice<K>[], key: K, lang: Lang) =>
  list.find((c) => c.key === key)!.label[lang];

interface ExampleText {
  company: string;
  o1: string;
  o2: string;
  o3: string;
  sales: string;
  product: string;
  kr: [string, string, string, string, string, string];
  units: [string, string, string, string, string, string];
  comments: [string, string, string];
}

const TEXT: Record<Lang, ExampleText> = {
  en: {
    company: "Company",
    o1: "Become the parking app drivers recommend",
    o2: "Win the Brussels market",
    o3: "Make booking effortless",
    sales: "Sales",
    product: "Product",
    kr: [
      "Grow active parking partners in Brussels from 120 to 180",
      "Launch the new partner portal",
      "Keep monthly churn below 2%",
      "Cut the time to a first booking from 10 to 4 minutes",
      "Raise the app store rating from 3.9 to 4.5",
      "Improve customer happiness",
    ],
    units: ["parkings", "", "%", "minutes", "stars", ""],
    comments: ["Two big partners signed", "Onboarding test with 20 users", "New release is out"],
  },
  fr: {
    company: "Entreprise",
    o1: "Devenir l'appli de parking que les conducteurs recommandent",
    o2: "Conquérir le marché bruxellois",
    o3: "Rendre la réservation simple comme bonjour",
    sales: "Ventes",
    product: "Produit",
    kr: [
      "Passer de 120 à 180 parkings partenaires actifs à Bruxelles",
      "Lancer le nouveau portail partenaires",
      "Maintenir le churn mensuel sous 2 %",
      "Réduire le temps jusqu'à la première réservation de 10 à 4 minutes",
      "Faire passer la note sur les stores de 3,9 à 4,5",
      "Améliorer la satisfaction client",
    ],
    units: ["parkings", "", "%", "minutes", "étoiles", ""],
    comments: [
      "Deux gros partenaires signés",
      "Test d'onboarding avec 20 utilisateurs",
      "Nouvelle version publiée",
    ],
  },
};

export interface ExampleQuarter {
  okrs: Row[];
  checkins: Row[];
}

/**
 * The example rows for a quarter. Check-ins are placed in the weeks before `today` (inside the
 * quarter); when the quarter has not started yet there are none and no current values.
 */
export function exampleQuarter(
  lang: Lang,
  quarter: string,
  start: Day,
  today: Day,
  author: string,
): ExampleQuarter {
  const x = TEXT[lang];
  const objective = label(ROW_TYPES, "objective", lang);
  const keyResult = label(ROW_TYPES, "kr", lang);
  const weeks = [21, 14, 7].map((d) => today - d).filter((d) => d >= start);
  const started = today >= start;
  const last = weeks[weeks.length - 1];
  const history: Record<string, number[]> = {
    "KR-1": [125, 135, 150],
    "KR-4": [9.5, 9, 8],
    "KR-5": [3.9, 4, 4.1],
  };
  const current = (id: string) => (started && weeks.length ? (history[id]![2] as number) : "");
  const base = { quarter, created: start };
  const kr = (i: number, fields: Row): Row => ({
    ...base,
    type: keyResult,
    title: x.kr[i]!,
    unit: x.units[i]!,
    weight: 1,
    ...fields,
  });
  const okrs: Row[] = [
    {
      ...base,
      id: "O-1",
      type: objective,
      level: label(LEVELS, "company", lang),
      team: x.company,
      title: x.o1,
      owner: "Maxime",
      kind: label(KINDS, "aspirational", lang),
    },
    {
      ...base,
      id: "O-2",
      type: objective,
      level: label(LEVELS, "team", lang),
      team: x.sales,
      parent: "O-1",
      title: x.o2,
      owner: "Julien",
      kind: label(KINDS, "committed", lang),
    },
    kr(0, {
      id: "KR-1",
      team: x.sales,
      parent: "O-2",
      metric: label(METRIC_CHOICES, "increase", lang),
      baseline: 120,
      target: 180,
      current: current("KR-1"),
    }),
    kr(1, {
      id: "KR-2",
      team: x.sales,
      parent: "O-2",
      metric: label(METRIC_CHOICES, "milestone", lang),
      baseline: 0,
      target: 1,
      current: started ? 0 : "",
    }),
    kr(2, {
      id: "KR-3",
      team: x.sales,
      parent: "O-2",
      metric: label(METRIC_CHOICES, "threshold", lang),
      baseline: 2.4,
      target: 2,
      current: started ? 1.8 : "",
    }),
    {
      ...base,
      id: "O-3",
      type: objective,
      level: label(LEVELS, "team", lang),
      team: x.product,
      parent: "O-1",
      title: x.o3,
      owner: "Sofia",
      kind: label(KINDS, "aspirational", lang),
    },
    kr(3, {
      id: "KR-4",
      team: x.product,
      parent: "O-3",
      metric: label(METRIC_CHOICES, "decrease", lang),
      baseline: 10,
      target: 4,
      current: current("KR-4"),
    }),
    kr(4, {
      id: "KR-5",
      team: x.product,
      parent: "O-3",
      metric: label(METRIC_CHOICES, "increase", lang),
      baseline: 3.9,
      target: 4.5,
      current: current("KR-5"),
    }),
    kr(5, { id: "KR-6", team: x.product, parent: "O-3", metric: label(METRIC_CHOICES, "increase", lang) }),
  ];
  const checkins: Row[] = [];
  weeks.forEach((date, w) => {
    const offset = 3 - weeks.length + w;
    for (const id of ["KR-1", "KR-4", "KR-5"]) {
      checkins.push({
        date,
        krId: id,
        value: history[id]![offset]!,
        confidence: 6 + offset,
        comment: id === "KR-1" ? x.comments[offset]! : "",
        author,
      });
    }
  });
  for (const row of okrs) {
    if (last !== undefined && history[row.id as string]) row.lastCheckIn = last;
  }
  return { okrs, checkins };
}

/** Where the example's rows go on a table sheet: the first row written, the columns. */
export interface ExampleWrite {
  at: number;
  place: TablePlace;
  rows: Row[];
}

/**
 * What filling the example writes on an empty OKRs sheet (its IDs are fixed: O-1, KR-1…), in the
 * spreadsheet's language: undefined when there is nowhere to write it or the OKRs sheet has rows
 * now; "ids-issued" when an ID was ever issued here, since an ID is never issued twice. KPIs and
 * Settings are read only once the example is still wanted.
 */
export function examplePlan(
  grids: { okrs: RawCell[][]; checkins: RawCell[][]; kpis: () => RawCell[][]; settings: () => RawCell[][] },
  at: { day: Day; timeZone: string; highWater: () => HighestIds; author: string },
  sheetLangOf: (settings: Settings) => Lang,
): { okrs: ExampleWrite; checkins: ExampleWrite } | "ids-issued" | undefined {
  const { day, timeZone } = at;
  const okrs = parseOkrs(grids.okrs, timeZone);
  const log = parseCheckins(grids.checkins, timeZone);
  if (okrs.table.headerRow === 0 || log.table.headerRow === 0 || okrs.items.length > 0) return undefined;
  const kpis = parseKpis(grids.kpis(), timeZone).items;
  const issued = highestIds(idsHeld({ okrs: [], checkins: log.items, kpis }), at.highWater());
  if (issued.objective > 0 || issued.kr > 0) return "ids-issued";
  const settings = parseSettings(grids.settings(), day, timeZone).settings;
  const lang = sheetLangOf(settings);
  const author = at.author || t(lang, "setup.exampleAuthor");
  const example = exampleQuarter(lang, settings.quarter, settings.quarterStart, day, author);
  const okrPlace = { headerRow: okrs.table.headerRow, columns: okrs.table.columns };
  const logPlace = { headerRow: log.table.headerRow, columns: log.table.columns };
  return {
    okrs: { at: okrPlace.headerRow + 1, place: okrPlace, rows: example.okrs },
    checkins: {
      at: nextFreeRow(grids.checkins, logPlace, CHECKINS.columns),
      place: logPlace,
      rows: example.checkins,
    },
  };
}
