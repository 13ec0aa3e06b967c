import type { Choice } from "./schema";
import { normalize } from "./text";

const indexes = new WeakMap<readonly Choice[], Map<string, string>>();

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
  const key = normalize(value);
  return key === "" ? undefined : (index.get(key) as K | undefined);
}
