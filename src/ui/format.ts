/**
 * Numbers as the sidebar shows them, in the user's language: "1.5" or "1,5", scores with two
 * decimals ("0.50"), never a thousands separator (a shown "1,200" typed back would read as 1.2).
 */
import type { Lang } from "./i18n";

const locale = (lang: Lang) => (lang === "fr" ? "fr-FR" : "en-US");

/** A value as typed in the sheet: up to 4 decimals, no grouping. */
export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 4, useGrouping: false }).format(value);
}

/** A score in the sheet's 0.00 format. */
export function formatScore(lang: Lang, value: number): string {
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(value);
}

/** A value with its unit: "150 parkings", "1.8%". */
export function withUnit(lang: Lang, value: number, unit: string): string {
  const number = formatNumber(lang, value);
  const u = unit.trim();
  if (!u) return number;
  return u === "%" && lang === "en" ? `${number}%` : `${number} ${u}`;
}
