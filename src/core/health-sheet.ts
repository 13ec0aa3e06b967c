/**
 * The "Practice health" sheet's layout: every cell, its format, colour and weight, the findings'
 * links and the chart's data block, computed from a Health. The server writes it in a fixed number
 * of calls whatever the number of quarters, teams and rows.
 */
import { isoOf, type Day } from "./dates";
import {
  type Health,
  type HealthFinding,
  LOWER_IS_BETTER,
  type QuarterHealth,
  type SignalValue,
} from "./health";
import { type Signal, SIGNALS, signalName, type ThresholdsResult } from "./health-settings";
import { type Lang, type MessageKey, t, tKey } from "./i18n";
import { BAND_COLORS } from "./scoring";
import { OKRS } from "./schema";
import { columnLetters } from "./template";

export type HealthCellKind = "text" | "percent" | "score";

/** Where a finding points: cells of this sheet, or a row of the OKRs sheet. */
export interface HealthLink {
  sheet: "health" | "okrs";
  a1: string;
}

export interface HealthCell {
  value: string | number;
  kind: HealthCellKind;
  background?: string;
  bold?: boolean;
  link?: HealthLink;
}

export interface HealthLayout {
  cells: HealthCell[][];
  width: number;
  /** 1-based rows of the chart's data block (quarter, one column per signal), header included. */
  chart: { firstRow: number; rows: number; columns: number };
  /** Where the chart sits: right beside the all-teams table. */
  chartAnchor: { row: number; column: number };
  /** 1-based rows of the all-teams table's signals, by signal, and the column of each quarter. */
  signalRows: Record<Signal, number>;
  quarterColumns: Record<string, number>;
}

const HEADER = "#e8eaed";
const GAP = "#f1f3f4";
const ARROWS = { up: "↑", down: "↓", steady: "→" } as const;

/** Sheets' own colour-scale ends: red at 0, yellow at half, green at 1. */
const SCALE = [
  [0xe6, 0x7c, 0x73],
  [0xff, 0xd6, 0x66],
  [0x57, 0xbb, 0x8a],
] as const;

/**
 * The heat map's colour of a share from 0 to 1.
 *
 * @example
 * heatColour(1) //=> "#57bb8a"
 */
export function heatColour(value: number): string {
  const x = Math.min(1, Math.max(0, value)) * 2;
  const [from, to] = x <= 1 ? [SCALE[0], SCALE[1]] : [SCALE[1], SCALE[2]];
  const f = x <= 1 ? x : x - 1;
  return `#${from
    .map((c, i) =>
      Math.round(c + (to[i]! - c) * f)
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}

/** A share as people read it in a language: 45% or 45 %; a score as 0.62 or 0,62. */
export function formatSignal(lang: Lang, signal: Signal, value: number): string {
  if (signal === "outcomes") {
    const text = String(Math.round(value * 100) / 100);
    return lang === "fr" ? text.replace(".", ",") : text;
  }
  const percent = Math.round(value * 100);
  return lang === "fr" ? `${percent}\u202f%` : `${percent}%`;
}

function figure(lang: Lang, signal: Signal, value: SignalValue | undefined): string {
  if (!value || value.value === undefined) return "";
  if (signal === "regularity")
    return t(lang, "health.weeks", { weeks: value.detail.weeks ?? 0, of: value.detail.of ?? 0 });
  return formatSignal(lang, signal, value.value);
}

function healthyText(lang: Lang, signal: Signal, threshold: number): string {
  const value = formatSignal(lang, signal, threshold);
  return LOWER_IS_BETTER.has(signal)
    ? t(lang, "health.atMost", { value })
    : t(lang, "health.atLeast", { value });
}

/** A finding's sentence in a language. */
export function findingText(lang: Lang, finding: HealthFinding, health: Health): string {
  switch (finding.kind) {
    case "gap":
      return t(lang, "health.gap", { quarter: finding.quarter });
    case "noLock":
      return t(lang, "health.noLock", { quarters: finding.quarters.join(", ") });
    case "carried":
      return t(lang, "health.carried", { team: finding.team, count: finding.quarters, title: finding.title });
    case "worse":
    case "better": {
      // The same figures either way: the quarter before and the latest one.
      const move = {
        signal: signalName(lang, finding.signal),
        from: figure(lang, finding.signal, finding.fromValue),
        fromQuarter: finding.from ?? "",
        to: figure(lang, finding.signal, finding.toValue),
        toQuarter: finding.to,
      };
      return finding.kind === "better"
        ? t(lang, "health.better", move)
        : tKey(lang, `health.worse.${finding.signal}` as MessageKey, move);
    }
    case "below":
      return t(lang, "health.below", {
        signal: signalName(lang, finding.signal),
        healthy: healthyText(lang, finding.signal, health.thresholds[finding.signal]),
        to: figure(lang, finding.signal, finding.toValue),
        toQuarter: finding.to,
      });
  }
}

const text = (value: string, extra: Partial<HealthCell> = {}): HealthCell => ({
  value,
  kind: "text",
  ...extra,
});

function signalCell(signal: Signal, q: QuarterHealth): HealthCell {
  if (q.gap) return text("—", { background: GAP });
  const s = q.signals[signal];
  if (s.value === undefined) return text("");
  return {
    value: s.value,
    kind: signal === "outcomes" ? "score" : "percent",
    background: s.band ? BAND_COLORS[s.band] : undefined,
  };
}

/**
 * @example
 * healthLayout(health, "en", { date, settings }).cells[0][0].value //=> "Generated by OKR › Practice health on 2026-11-30. …"
 */
export function healthLayout(
  health: Health,
  lang: Lang,
  context: { today: Day; invalid?: ThresholdsResult["invalid"] },
): HealthLayout {
  const quarters = health.quarters;
  const firstQuarterColumn = 3;
  const tableWidth = 2 + quarters.length + 1;
  const width = Math.max(tableWidth, 1 + SIGNALS.length);
  const rows: HealthCell[][] = [];
  const line = (...cells: HealthCell[]) => {
    rows.push([...cells, ...Array.from({ length: width - cells.length }, () => text(""))]);
    return rows.length;
  };
  const quarterColumns: Record<string, number> = {};
  quarters.forEach((q, i) => (quarterColumns[q] = firstQuarterColumn + i));

  line(text(t(lang, "health.generated", { date: isoOf(context.today) })));
  line(
    text(t(lang, "health.title", { first: quarters[0] ?? "", last: quarters[quarters.length - 1] ?? "" }), {
      bold: true,
    }),
  );
  line();
  line(text(t(lang, "health.findings"), { bold: true }));
  // The findings come first, but link to the table below: their rows are filled in once it is laid out.
  const findingRows: { index: number; finding: HealthFinding }[] = [];
  for (const finding of health.findings) {
    findingRows.push({ index: rows.length, finding });
    line();
  }
  for (const bad of context.invalid ?? [])
    line(
      text(""),
      text(
        t(lang, "health.badThreshold", {
          row: bad.row,
          value: bad.value,
          signal: signalName(lang, bad.signal),
          default: formatSignal(lang, bad.signal, health.thresholds[bad.signal]),
        }),
      ),
    );
  if (health.findings.length === 0 && !(context.invalid ?? []).length)
    line(text(""), text(t(lang, "health.noFindings")));
  line();

  const signalRows = {} as Record<Signal, number>;
  const table = (title: string, quartersOf: QuarterHealth[], record: boolean) => {
    const header = line(
      text(title, { bold: true, background: HEADER }),
      text(t(lang, "health.healthy"), { bold: true, background: HEADER }),
      ...quarters.map((q) => text(q, { bold: true, background: HEADER })),
      text(t(lang, "health.trend"), { bold: true, background: HEADER }),
    );
    for (const signal of SIGNALS) {
      const latest = [...quartersOf].reverse().find((q) => q.signals[signal].value !== undefined);
      const trend = latest?.signals[signal].trend;
      const row = line(
        text(signalName(lang, signal), { bold: true }),
        text(healthyText(lang, signal, health.thresholds[signal])),
        ...quartersOf.map((q) => signalCell(signal, q)),
        text(trend ? ARROWS[trend] : ""),
      );
      if (record) signalRows[signal] = row;
    }
    line();
    return header;
  };
  const all = health.byTeam[0]!;
  const allHeader = table(t(lang, "health.allTeams"), all.quarters, true);

  // The heat map: one row per team, one column per quarter, coloured on a red-yellow-green scale.
  line(text(t(lang, "health.heatMap"), { bold: true }));
  line(
    text(t(lang, "review.team"), { bold: true, background: HEADER }),
    text(""),
    ...quarters.map((q) => text(q, { bold: true, background: HEADER })),
  );
  for (const team of health.byTeam.slice(1)) {
    line(
      text(team.team, { bold: true }),
      text(""),
      ...team.quarters.map((q): HealthCell => {
        const value = q.signals.regularity.value;
        if (q.gap) return text("—", { background: GAP });
        return value === undefined ? text("") : { value, kind: "percent", background: heatColour(value) };
      }),
    );
  }
  line();

  for (const team of health.byTeam.slice(1))
    table(t(lang, "health.team", { team: team.team }), team.quarters, false);

  // The chart's data: quarters down, one column per signal; a gap or an unmeasured quarter is empty.
  const chartFirst = line(
    text(t(lang, "health.quarter"), { bold: true, background: HEADER }),
    ...SIGNALS.map((s) => text(signalName(lang, s), { bold: true, background: HEADER })),
  );
  for (const q of all.quarters)
    line(
      text(q.quarter),
      ...SIGNALS.map((s): HealthCell => {
        const value = q.signals[s].value;
        return value === undefined ? text("") : { value, kind: s === "outcomes" ? "score" : "percent" };
      }),
    );

  const cellsOf = (signal: Signal, ...labels: (string | undefined)[]) => {
    const columns = labels.filter((l): l is string => l !== undefined).map((l) => quarterColumns[l]!);
    const row = signalRows[signal];
    return `${columnLetters(Math.min(...columns) - 1)}${row}:${columnLetters(Math.max(...columns) - 1)}${row}`;
  };
  for (const { index, finding } of findingRows) {
    let link: HealthLink;
    switch (finding.kind) {
      case "gap": {
        const column = columnLetters(quarterColumns[finding.quarter]! - 1);
        link = { sheet: "health", a1: `${column}${allHeader}:${column}${allHeader + SIGNALS.length}` };
        break;
      }
      case "noLock":
        link = { sheet: "health", a1: cellsOf("churn", ...finding.quarters) };
        break;
      case "carried":
        link = { sheet: "okrs", a1: `${finding.okrRow}:${finding.okrRow}` };
        break;
      default:
        link = { sheet: "health", a1: cellsOf(finding.signal, finding.from, finding.to) };
    }
    const where = link.sheet === "okrs" ? `${OKRS.name[lang]}!${link.a1}` : link.a1;
    rows[index]![0] = text(`↗ ${where}`, { link });
    rows[index]![1] = text(findingText(lang, finding, health));
  }

  return {
    cells: rows,
    width,
    chart: { firstRow: chartFirst, rows: all.quarters.length + 1, columns: 1 + SIGNALS.length },
    chartAnchor: { row: allHeader, column: tableWidth + 1 },
    signalRows,
    quarterColumns,
  };
}
