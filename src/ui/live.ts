/**
 * Speaking to screen readers once. A live region reads out every mutation, even one that writes the
 * same words again, so text is only written when it changed; lists and counters are not live, and
 * a counter speaks (through one polite region for the page) only when its meaning changes.
 */
import { el } from "./dom";

/** Writes a node's text only when it differs: nothing is re-announced. */
export function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/**
 * Replaces a node's children only when their signature (what they say) changed. Returns whether
 * it did.
 */
export function fillIfChanged(node: HTMLElement, signature: string, draw: () => Node[]): boolean {
  if (node.dataset.said === signature) return false;
  node.dataset.said = signature;
  node.replaceChildren(...draw());
  return true;
}

let region: HTMLElement | undefined;

/** Reads a message out politely, without showing it (the text is already on screen). */
export function speak(text: string): void {
  if (!region?.isConnected) {
    region = el("div", { class: "sr-only", role: "status", "data-announcer": true });
    document.body.appendChild(region);
  }
  // Emptied first: the same words, said again for a new reason, are read again.
  region.textContent = "";
  const target = region;
  setTimeout(() => (target.textContent = text), 50);
}

/**
 * A counter updated quietly; its text is read out only when `meaning` differs from the one it had
 * (the first value is recorded, not spoken).
 */
export function quietCounter(node: HTMLElement, text: string, meaning: string): void {
  setText(node, text);
  const before = node.dataset.meaning;
  node.dataset.meaning = meaning;
  if (before !== undefined && before !== meaning && text) speak(text);
}
