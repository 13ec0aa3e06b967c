/**
 * The rows of the Settings sheet: each setting's label in English and French, how its value is
 * written, and the help shown beside it. Parsing (settings.ts) finds rows by these labels; set-up
 * (settings-layout.ts) writes them.
 */
import { type Lang, menuPath } from "./i18n";
import type { Bilingual } from "./schema";
import type { SettingKey } from "./settings";

export interface SettingDef {
  key: SettingKey;
  /** How its value is written into the Settings cell: a date, a number, or text. */
  type: "text" | "number" | "date";
  label: Bilingual;
  /** `{quarter}` is the current quarter. */
  help: Bilingual;
}
/** The rows of the Settings sheet, in order. */
export const SETTING_DEFS: readonly SettingDef[] = [
  {
    key: "quarter",
    type: "text",
    label: { en: "Current quarter", fr: "Trimestre en cours" },
    help: {
      en: "The quarter you plan and check in, now {quarter}. {menu} › Start next quarter moves it on; each quarter's dates are in the quarters table below.",
      fr: "Le trimestre que vous planifiez et suivez, actuellement {quarter}. {menu} › Démarrer le trimestre suivant le fait avancer ; les dates de chaque trimestre sont dans le tableau des trimestres ci-dessous.",
    },
  },
  {
    key: "asOf",
    type: "date",
    label: { en: "As of", fr: "À la date du" },
    help: {
      en: "The day statuses are judged on. The add-on sets it to today when the spreadsheet is opened and whenever you use the OKR menu.",
      fr: "Le jour auquel les statuts sont évalués. Le module le met à la date du jour à l'ouverture du classeur et à chaque utilisation du menu OKR.",
    },
  },
  {
    key: "lockDate",
    type: "date",
    label: { en: "Plan locked on", fr: "Plan verrouillé le" },
    help: {
      en: "Set by {menu} › Lock plan. Objectives and key results created later are flagged “added mid-quarter”.",
      fr: "Rempli par {menu} › Verrouiller le plan. Les objectifs et résultats clés créés ensuite sont signalés « ajouté en cours de trimestre ».",
    },
  },
  {
    key: "maxObjectivesPerTeam",
    type: "number",
    label: { en: "Max objectives per team", fr: "Objectifs max. par équipe" },
    help: { en: "Focus: three is plenty.", fr: "Focus : trois, c'est déjà beaucoup." },
  },
  {
    key: "maxKrsPerObjective",
    type: "number",
    label: { en: "Max key results per objective", fr: "Résultats clés max. par objectif" },
    help: {
      en: "Focus: one to this many measurable outcomes per objective (the wizard and Validate use it).",
      fr: "Focus : de un à ce nombre de résultats mesurables par objectif (l'assistant et Valider l'appliquent).",
    },
  },
  {
    key: "allowedLevels",
    type: "text",
    label: { en: "Allowed levels", fr: "Niveaux autorisés" },
    help: {
      en: "Comma-separated: Company, Team (two levels keep it simple).",
      fr: "Séparés par des virgules : Entreprise, Équipe (deux niveaux suffisent).",
    },
  },
  {
    key: "onTrack",
    type: "number",
    label: { en: "On track from (score ÷ pace)", fr: "En bonne voie à partir de (score ÷ rythme)" },
    help: {
      en: "0.9 means at least 90% of the progress expected by today.",
      fr: "0,9 : au moins 90 % de la progression attendue à ce jour.",
    },
  },
  {
    key: "atRisk",
    type: "number",
    label: { en: "At risk from (score ÷ pace)", fr: "À risque à partir de (score ÷ rythme)" },
    help: { en: "Below this, off track.", fr: "En dessous : en retard." },
  },
  {
    key: "staleDays",
    type: "number",
    label: { en: "Stale after (days without check-in)", fr: "Sans nouvelles après (jours sans point)" },
    help: {
      en: "Check in weekly; flagged after this many days.",
      fr: "Faites le point chaque semaine ; signalé après ce nombre de jours.",
    },
  },
  {
    key: "language",
    type: "text",
    label: { en: "Language", fr: "Langue" },
    help: {
      en: "The language written into this spreadsheet (computed headers, statuses and their colours): en or fr; auto follows the spreadsheet's locale.",
      fr: "La langue écrite dans ce classeur (en-têtes calculés, statuts et leurs couleurs) : en ou fr ; auto suit les paramètres régionaux du classeur.",
    },
  },
  {
    key: "idPrefix",
    type: "text",
    label: { en: "ID prefix", fr: "Préfixe des ID" },
    help: {
      en: "Letters and digits, such as SALES: a company spreadsheet names this spreadsheet's objectives SALES-O-3, and a team objective's Parent names a company objective as CO-O-1. Blank: the team's name in the company's Teams table.",
      fr: "Lettres et chiffres, par exemple VENTES : un classeur d'entreprise désigne les objectifs de ce classeur par VENTES-O-3, et le Parent d'un objectif d'équipe désigne un objectif d'entreprise par CO-O-1. Vide : le nom de l'équipe dans le tableau Équipes de l'entreprise.",
    },
  },
];

/**
 * Settings a new sheet gets below its quarters table rather than above it: added after the table
 * was first laid out, they leave its rows (and formulas that name them) where they were.
 */
export const SETTINGS_BELOW_QUARTERS: ReadonlySet<SettingKey> = new Set<SettingKey>(["idPrefix"]);

/**
 * A setting's row definition.
 *
 * @example
 * settingDef("staleDays").label.fr //=> "Sans nouvelles après (jours sans point)"
 */
export function settingDef(key: SettingKey): SettingDef {
  return SETTING_DEFS.find((d) => d.key === key)!;
}

/**
 * A setting's help text as Settings shows it: the current quarter and the menu's real path filled in.
 *
 * @example
 * settingHelp("quarter", "en", "2026-Q4") //=> "The quarter you plan and check in, now 2026-Q4. OKR › Start next quarter…"
 */
export function settingHelp(key: SettingKey, lang: Lang, quarter: string): string {
  return settingDef(key).help[lang].replace("{quarter}", quarter).replace("{menu}", menuPath(lang));
}
