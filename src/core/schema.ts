/**
 * The single source of truth for the template's sheets and columns: keys, headers in English and
 * French, types, allowed values and whether a value is required. Template set-up, parsing, native
 * dropdowns, validation and the review all derive from here.
 */
import type { Lang } from "./i18n";

export type Bilingual = Record<Lang, string>;

/** An allowed value of a list column: its key, its labels, and other spellings read as the same. */
export interface Choice<K extends string = string> {
  key: K;
  label: Bilingual;
  aliases?: readonly string[];
}

function choices<const K extends string>(list: readonly Choice<K>[]): readonly Choice<K>[] {
  return list;
}

export const ROW_TYPES = choices([
  { key: "objective", label: { en: "Objective", fr: "Objectif" }, aliases: ["O", "Obj"] },
  {
    key: "kr",
    label: { en: "Key result", fr: "Résultat clé" },
    aliases: ["KR", "RC", "Key results", "Résultats clés"],
  },
]);
export type RowType = (typeof ROW_TYPES)[number]["key"];

/** Every level a team might use; which ones are allowed is a setting (Company and Team by default). */
export const LEVELS = choices([
  {
    key: "company",
    label: { en: "Company", fr: "Entreprise" },
    aliases: ["Société", "Organisation", "Organization"],
  },
  { key: "department", label: { en: "Department", fr: "Département" }, aliases: ["Service", "Division"] },
  { key: "team", label: { en: "Team", fr: "Équipe" } },
  { key: "individual", label: { en: "Individual", fr: "Individuel" }, aliases: ["Personal", "Personnel"] },
]);
export type Level = (typeof LEVELS)[number]["key"];

export const KINDS = choices([
  {
    key: "aspirational",
    label: { en: "Aspirational", fr: "Ambitieux" },
    aliases: ["Aspirationnel", "Stretch"],
  },
  { key: "committed", label: { en: "Committed", fr: "Engagé" }, aliases: ["Engagement", "Commit"] },
]);
export type Kind = (typeof KINDS)[number]["key"];

export const METRIC_CHOICES = choices([
  { key: "increase", label: { en: "Increase", fr: "Augmenter" }, aliases: ["Hausse", "Up"] },
  { key: "decrease", label: { en: "Decrease", fr: "Diminuer" }, aliases: ["Baisse", "Down", "Réduire"] },
  { key: "milestone", label: { en: "Milestone", fr: "Jalon" }, aliases: ["Binary", "Binaire"] },
  { key: "threshold", label: { en: "Threshold", fr: "Seuil" }, aliases: ["Stay above", "Stay below"] },
]);

export const LISTS = { type: ROW_TYPES, level: LEVELS, kind: KINDS, metric: METRIC_CHOICES } as const;
export type ListName = keyof typeof LISTS;

export const DEFAULT_WIDTH = 100;

export type ColumnType = "text" | "id" | "list" | "number" | "date" | "computed";

export interface ColumnDef {
  key: string;
  header: Bilingual;
  /** Other headers read as this column (older templates, abbreviations). */
  aliases?: readonly string[];
  type: ColumnType;
  list?: ListName;
  /** Required on every row, or only on objectives or key results. */
  required?: "always" | "objective" | "kr";
  /** Bounds for number columns, also used by the native data validation. */
  min?: number;
  max?: number;
  /** Pixels; Sheets' default is DEFAULT_WIDTH, and set-up leaves such columns alone. */
  width: number;
  numberFormat?: string;
}

export interface SheetDef {
  key: string;
  name: Bilingual;
  columns: readonly ColumnDef[];
}

function sheet<const C extends readonly ColumnDef[]>(key: string, name: Bilingual, columns: C) {
  return { key, name, columns } as const;
}

export const OKRS = sheet("okrs", { en: "OKRs", fr: "OKR" }, [
  {
    key: "quarter",
    header: { en: "Quarter", fr: "Trimestre" },
    type: "text",
    required: "always",
    width: 100,
  },
  {
    key: "id",
    header: { en: "ID", fr: "ID" },
    aliases: ["Identifiant"],
    type: "id",
    required: "always",
    width: 100,
  },
  {
    key: "type",
    header: { en: "Type", fr: "Type" },
    type: "list",
    list: "type",
    required: "always",
    width: 100,
  },
  {
    key: "level",
    header: { en: "Level", fr: "Niveau" },
    type: "list",
    list: "level",
    required: "objective",
    width: 100,
  },
  { key: "team", header: { en: "Team", fr: "Équipe" }, type: "text", required: "always", width: 100 },
  {
    key: "parent",
    header: { en: "Parent", fr: "Parent" },
    aliases: ["Objective", "Objectif parent"],
    type: "id",
    required: "kr",
    width: 100,
  },
  {
    key: "title",
    header: { en: "Title", fr: "Intitulé" },
    aliases: ["Titre", "Name", "Nom"],
    type: "text",
    required: "always",
    width: 320,
  },
  {
    key: "owner",
    header: { en: "Owner", fr: "Responsable" },
    aliases: ["Porteur"],
    type: "text",
    required: "objective",
    width: 100,
  },
  {
    key: "kind",
    header: { en: "Kind", fr: "Nature" },
    aliases: ["Genre"],
    type: "list",
    list: "kind",
    width: 100,
  },
  {
    key: "metric",
    header: { en: "Metric", fr: "Métrique" },
    aliases: ["Direction"],
    type: "list",
    list: "metric",
    required: "kr",
    width: 100,
  },
  { key: "unit", header: { en: "Unit", fr: "Unité" }, type: "text", width: 70 },
  {
    key: "baseline",
    header: { en: "Baseline", fr: "Départ" },
    aliases: ["Valeur de départ", "Start"],
    type: "number",
    required: "kr",
    width: 70,
  },
  {
    key: "target",
    header: { en: "Target", fr: "Cible" },
    aliases: ["Objectif chiffré"],
    type: "number",
    required: "kr",
    width: 70,
  },
  {
    key: "current",
    header: { en: "Current", fr: "Actuel" },
    aliases: ["Valeur actuelle"],
    type: "number",
    width: 70,
  },
  { key: "weight", header: { en: "Weight", fr: "Poids" }, type: "number", width: 70 },
  {
    key: "confidence",
    header: { en: "Confidence", fr: "Confiance" },
    type: "number",
    min: 0,
    max: 10,
    width: 100,
  },
  { key: "score", header: { en: "Score", fr: "Score" }, type: "computed", width: 70, numberFormat: "0.00" },
  { key: "status", header: { en: "Status", fr: "Statut" }, type: "computed", width: 100 },
  {
    key: "lastCheckIn",
    header: { en: "Last check-in", fr: "Dernier point" },
    type: "date",
    width: 100,
    numberFormat: "yyyy-mm-dd",
  },
  {
    key: "created",
    header: { en: "Created", fr: "Créé le" },
    type: "date",
    width: 100,
    numberFormat: "yyyy-mm-dd",
  },
  { key: "notes", header: { en: "Notes", fr: "Notes" }, aliases: ["Commentaires"], type: "text", width: 240 },
]);

export const CHECKINS = sheet("checkins", { en: "Check-ins", fr: "Points" }, [
  {
    key: "date",
    header: { en: "Date", fr: "Date" },
    type: "date",
    required: "always",
    width: 100,
    numberFormat: "yyyy-mm-dd",
  },
  {
    key: "krId",
    header: { en: "KR ID", fr: "ID RC" },
    aliases: ["ID KR", "Key result"],
    type: "id",
    required: "always",
    width: 100,
  },
  { key: "value", header: { en: "Value", fr: "Valeur" }, type: "number", required: "always", width: 100 },
  {
    key: "confidence",
    header: { en: "Confidence", fr: "Confiance" },
    type: "number",
    min: 0,
    max: 10,
    width: 100,
  },
  { key: "comment", header: { en: "Comment", fr: "Commentaire" }, type: "text", width: 320 },
  { key: "author", header: { en: "Author", fr: "Auteur" }, type: "text", width: 180 },
]);

export const KPIS = sheet("kpis", { en: "KPIs", fr: "KPI" }, [
  { key: "team", header: { en: "Team", fr: "Équipe" }, type: "text", required: "always", width: 100 },
  {
    key: "name",
    header: { en: "KPI", fr: "KPI" },
    aliases: ["Indicateur", "Name", "Nom"],
    type: "text",
    required: "always",
    width: 320,
  },
  { key: "owner", header: { en: "Owner", fr: "Responsable" }, type: "text", width: 100 },
  { key: "unit", header: { en: "Unit", fr: "Unité" }, type: "text", width: 100 },
  {
    key: "target",
    header: { en: "Healthy level", fr: "Niveau sain" },
    aliases: ["Target", "Cible"],
    type: "number",
    width: 100,
  },
  { key: "current", header: { en: "Current", fr: "Actuel" }, type: "number", width: 100 },
  { key: "origin", header: { en: "Moved from", fr: "Déplacé depuis" }, type: "text", width: 100 },
  { key: "notes", header: { en: "Notes", fr: "Notes" }, type: "text", width: 240 },
]);

export const SETTINGS_SHEET = sheet("settings", { en: "Settings", fr: "Paramètres" }, [
  { key: "setting", header: { en: "Setting", fr: "Paramètre" }, type: "text", width: 260 },
  { key: "value", header: { en: "Value", fr: "Valeur" }, type: "text", width: 160 },
  { key: "help", header: { en: "About", fr: "À propos" }, type: "text", width: 420 },
]);

export const GUIDE = sheet("guide", { en: "Guide", fr: "Guide" }, []);

export const SHEETS = {
  okrs: OKRS,
  checkins: CHECKINS,
  kpis: KPIS,
  settings: SETTINGS_SHEET,
  guide: GUIDE,
} as const;
export type SheetKey = keyof typeof SHEETS;
export type OkrColumn = (typeof OKRS.columns)[number]["key"];
export type CheckinColumn = (typeof CHECKINS.columns)[number]["key"];
export type KpiColumn = (typeof KPIS.columns)[number]["key"];

/** The header a column shows in a language. */
export function headerOf(column: ColumnDef, lang: Lang): string {
  return column.header[lang];
}

/** The labels of a list in a language, in order, for dropdowns. */
export function listLabels(list: ListName, lang: Lang): string[] {
  return LISTS[list].map((choice) => choice.label[lang]);
}

/** The column keys of each sheet, checked by the compiler: a misspelled key does not compile. */
export type ColumnKey<S extends SheetKey> = (typeof SHEETS)[S]["columns"][number]["key"];

/** A sheet's column by its typed key. */
export function columnOf<S extends SheetKey>(sheet: S, key: ColumnKey<S>): ColumnDef {
  return (SHEETS[sheet].columns as readonly ColumnDef[]).find((c) => c.key === key)!;
}

/**
 * The header of a sheet's column in a language.
 *
 * @example
 * columnHeader("okrs", "lastCheckIn", "fr") //=> "Dernier point"
 * columnHeader("checkins", "krId", "en") //=> "KR ID"
 */
export function columnHeader<S extends SheetKey>(sheet: S, key: ColumnKey<S>, lang: Lang): string {
  return columnOf(sheet, key).header[lang];
}

/**
 * The label of a list's choice in a language; the key itself when the list has no such choice.
 *
 * @example
 * choiceLabel("metric", "threshold", "fr") //=> "Seuil"
 * choiceLabel("level", "team", "en") //=> "Team"
 */
export function choiceLabel(list: ListName, key: string, lang: Lang): string {
  return (LISTS[list] as readonly Choice[]).find((c) => c.key === key)?.label[lang] ?? key;
}

/** A row's cells by typed column key, for writing: a misspelled or foreign column does not compile. */
export type RowCells<S extends SheetKey, V = string | number | boolean | undefined> = Partial<
  Record<ColumnKey<S>, V>
>;
