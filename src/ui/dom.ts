/**
 * A tiny DOM builder. User text only ever lands in the page through `textContent` (never HTML), so
 * `<img src=x onerror=alert(1)>` typed by a user is shown, not run.
 */
type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? "" : value);
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Replaces a node's children. */
export function fill(node: Node, ...children: Child[]): void {
  clear(node);
  append(node, ...children);
}

let ids = 0;

/** A fresh id for tying a label, a hint or a message to its field. */
export function uid(prefix: string): string {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A choice of a select or a datalist: `value` sent, `label` shown (none in a datalist). */
export function option(value: string, label?: string): HTMLOptionElement {
  const node = el("option", {}, label);
  node.value = value;
  return node;
}

/** A list of suggestions for a text field (its `list` attribute takes the id). */
export function datalist(values: readonly string[]): { id: string; node: HTMLDataListElement } {
  const id = uid("list");
  return { id, node: el("datalist", { id }, ...values.map((value) => option(value))) };
}

/**
 * Text a person typed (a title, a name, a comment), shown as typed: isolated in its own direction
 * (`<bdi>`), so an Arabic or Hebrew title reads right to left inside an English or French line
 * without reordering the words around it, and with its line breaks (styles/base.css, `.typed`).
 */
export function typed(text: string): HTMLElement {
  return el("bdi", { class: "typed" }, text);
}

/** Pieces of one line with " · " between them. */
export function dotted(pieces: Child[]): Child[] {
  return pieces.flatMap((piece, i) => (i === 0 ? [piece] : [" · ", piece]));
}
