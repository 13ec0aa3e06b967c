import type { en } from "./en";

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

/** The `{name}` placeholders of a message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** The parameters a message needs, checked at compile time against the English template. */
export type MessageParams<K extends MessageKey> = Record<Placeholders<(typeof en)[K]>, string | number>;
