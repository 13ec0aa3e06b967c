import type { Choice } from "./schema";
import { normalize } from "./text";

const indexes = new WeakMap<readonly Choice[], Map<string, string>>();
/**
 * Answers already given, by list and cell text: a choice column holds a handful of distinct
 * values over thousands of rows, and normalizing each (Unicode NFD, two regular expressions) was
 * a fifth of parsing the OKRs sheet.
 */
const answers = new WeakMap<readonly Choice[], Map<string, string | undefined>>();
const ANSWER_LIMIT = 1024;

/**
 * The key of the choice a cell names, in either language, by key, label or alias, ignoring case,
 * accents and spacing. Undefined when nothing matches.
 *
 * @example
 * matchChoice(KINDS, "engagé") //=> "committed"
 */
export function matchChoice<K extends string>(list: readonly Choice<K>[], value: unknown): K | undefined {
  let index = indexes.get(list);
  if (!index) {
    index = new Map();
    for (const choice of list) {
      for (const name of [choice.key, choice.label.en, choice.label.fr, ...(choice.aliases ?? [])]) {
        index.set(normalize(name), choice.key);
      }
    }
    indexes.set(list, index);
  }
  // Only short text is remembered: a cell may hold 50,000 characters.
  if (typeof value !== "string" || value.length > 64) return lookUp(index, value) as K | undefined;
  let known = answers.get(list);
  if (!known) {
    known = new Map();
    answers.set(list, known);
  }
  if (known.has(value)) return known.get(value) as K | undefined;
  const key = lookUp(index, value);
  if (known.size >= ANSWER_LIMIT) known.clear();
  known.set(value, key);
  return key as K | undefined;
}

function lookUp(index: Map<string, string>, value: unknown): string | undefined {
  const key = normalize(value);
  return key === "" ? undefined : index.get(key);
}
