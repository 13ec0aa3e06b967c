/**
 * Every argument from the sidebar is untrusted: it is parsed with zod before use. Wrong types,
 * extra keys (`__proto__` and `constructor` included), oversized strings or arrays are refused with
 * a clear, localized message that names the field (core/payload-problem.ts), and nothing is written.
 */
import type * as z from "zod/mini";
import type { Lang } from "../core/i18n";
import { checkPayload, type FieldLabels } from "../core/payload-problem";
import { userError } from "./errors";

export type { FieldLabels } from "../core/payload-problem";

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

export { text } from "../core/payloads";
