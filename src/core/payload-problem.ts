/**
 * Wording a refused payload (see core/payloads.ts): the first zod issue as "field: problem" in the
 * user's language, the field named by its label ("Confidence: must be at most 10"), an entry of a
 * list by its number ("Entry 2 › Confidence"). `parsePayload` throws it as a UserError: nothing is written.
 */
import type * as z from "zod/mini";
import { type Lang, t } from "./i18n";
import { userError } from "./user-error";

/** Field labels by key, in the user's language, for messages ("Confidence: must be at most 10"). */
export type FieldLabels = Record<string, string>;

type Issue = z.core.$ZodIssue;

function where(lang: Lang, path: readonly PropertyKey[], labels: FieldLabels): string {
  if (path.length === 0) return "payload";
  return path
    .map((part) =>
      typeof part === "number"
        ? t(lang, "payload.entry", { n: part + 1 })
        : (labels[String(part)] ?? String(part)),
    )
    .join(" › ");
}

function problem(lang: Lang, issue: Issue): string {
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(issue.expected);
      const known = ["number", "string", "object", "array", "boolean"].includes(expected);
      const name =
        expected === "int"
          ? t(lang, "payload.integer")
          : known
            ? t(lang, `payload.${expected}` as "payload.number")
            : expected;
      return t(lang, "payload.type", { expected: name });
    }
    case "too_big":
      if (issue.origin === "string") return t(lang, "payload.tooLong", { maximum: String(issue.maximum) });
      if (issue.origin === "array") return t(lang, "payload.tooMany", { maximum: String(issue.maximum) });
      return t(lang, "payload.tooBig", { maximum: String(issue.maximum) });
    case "too_small":
      if (issue.origin === "array") return t(lang, "payload.tooFew", { minimum: String(issue.minimum) });
      return t(lang, "payload.tooSmall", { minimum: String(issue.minimum) });
    case "unrecognized_keys":
      return t(lang, "payload.extraKeys", { keys: issue.keys.join(", ") });
    case "invalid_format":
      return t(lang, "payload.format");
    default:
      return t(lang, "payload.invalid");
  }
}

/** The payload parsed, or why it is refused, worded for the user. */
export function checkPayload<T>(
  lang: Lang,
  schema: z.ZodMiniType<T>,
  value: unknown,
  labels: FieldLabels = {},
): { data: T } | { refusal: string } {
  const result = schema.safeParse(value);
  if (result.success) return { data: result.data };
  const issue = result.error.issues[0] as Issue;
  return {
    refusal: t(lang, "payload.detail", {
      field: where(lang, issue.path, labels),
      problem: problem(lang, issue),
    }),
  };
}

/** The payload parsed; refused with a UserError that names the field (nothing written yet). */
export function parsePayload<T>(
  lang: Lang,
  schema: z.ZodMiniType<T>,
  value: unknown,
  labels: FieldLabels = {},
): T {
  const checked = checkPayload(lang, schema, value, labels);
  if ("data" in checked) return checked.data;
  throw userError(lang, "error.badRequest", { detail: checked.refusal });
}
