/**
 * What Sheets makes of a value written with setValue/setValues ("user entered" semantics): a string
 * starting with "=" becomes a formula, "+1+1" and "-1+1" become formulas too, numeric text becomes a
 * number, "TRUE" a boolean, "10%" 0.1, an ISO or US date a Date. A leading apostrophe keeps the rest as
 * text, and so does the plain-text number format "@". This is what makes formula injection testable.
 */
export type CellValue = string | number | boolean | Date;

export type Interpreted = { kind: "value"; value: CellValue } | { kind: "formula"; formula: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

export function interpretInput(raw: unknown, numberFormat: string): Interpreted {
  if (raw === null || raw === "") return { kind: "value", value: "" };
  if (typeof raw === "number" || typeof raw === "boolean") return { kind: "value", value: raw };
  if (isDate(raw)) return { kind: "value", value: new Date(raw.getTime()) };
  const text = String(raw);
  if (numberFormat === "@") return { kind: "value", value: text };
  if (text.startsWith("'")) return { kind: "value", value: text.slice(1) };
  if (text.startsWith("=")) return { kind: "formula", formula: text };
  const trimmed = text.trim();
  // Beyond a double's range ("1e309") Sheets keeps what was typed, as text: never Infinity.
  if (NUMBER.test(trimmed)) {
    const number = Number(trimmed);
    return { kind: "value", value: Number.isFinite(number) ? number : text };
  }
  if (/%$/.test(trimmed) && NUMBER.test(trimmed.slice(0, -1).trim())) {
    return { kind: "value", value: Number(trimmed.slice(0, -1)) / 100 };
  }
  if (/^(\+|-)/.test(trimmed) && trimmed.length > 1) return { kind: "formula", formula: `=${trimmed}` };
  if (/^true$/i.test(trimmed)) return { kind: "value", value: true };
  if (/^false$/i.test(trimmed)) return { kind: "value", value: false };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (iso) return { kind: "value", value: new Date(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])) };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (us) return { kind: "value", value: new Date(Number(us[3]), Number(us[1]) - 1, Number(us[2])) };
  return { kind: "value", value: text };
}

/** Dates cross the `vm` boundary between the bundle and the runtime, so `instanceof` cannot be trusted. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}
