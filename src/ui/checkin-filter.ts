/** The check-in's filters: one team or one owner, picked from a list. */
import { fill, option } from "./dom";

/**
 * Applies a filter when it is picked: at once with the mouse, but with the keyboard, where each
 * arrow key changes the choice, only on Enter or on leaving the list (the hint says so).
 */
export function onPick(select: HTMLSelectElement, apply: () => void): void {
  let key: "arrow" | "enter" | undefined;
  let pending = false;
  const run = () => {
    pending = false;
    apply();
  };
  select.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && pending) return run();
    key = event.key === "Enter" ? "enter" : "arrow";
    setTimeout(() => (key = undefined), 0); // the change a key makes comes in the same task
  });
  select.addEventListener("change", () => {
    if (key === "arrow") pending = true;
    else run();
  });
  select.addEventListener("blur", () => pending && run());
}

/** A filter's choices: "all" first, then the values, the current one kept even when gone from them. */
export function filterOptions(
  select: HTMLSelectElement,
  all: string,
  values: string[],
  current: string,
): void {
  const list = current && !values.includes(current) ? [current, ...values] : values;
  fill(select, option("", all), ...list.map((v) => option(v, v)));
  select.value = current;
}
