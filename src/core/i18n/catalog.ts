import type { en } from "./en";
import type { sidebarMessages } from "./sidebar";

/** Every message template in English: the server's and the sidebar's. */
type AllMessages = typeof en & (typeof sidebarMessages)["en"];

export type MessageKey = keyof AllMessages;
export type ServerCatalog = Record<keyof typeof en, string>;
export type Catalog = Record<MessageKey, string>;

/**
 * The `{name}` placeholders of a message, as a union of names. A plural choice `{name:one|other}`
 * needs the same `name`; `{menu}` is filled by `t` itself (the menu path of the build's flavour).
 */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? PlaceholderName<P> | Placeholders<Rest>
  : never;
type PlaceholderName<P extends string> = P extends `${infer N}:${string}` ? N : P extends "menu" ? never : P;

/** The parameters a message needs, checked at compile time against the English template. */
export type MessageParams<K extends MessageKey> = Record<Placeholders<AllMessages[K]>, string | number>;
