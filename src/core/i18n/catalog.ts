import type { en } from "./en";
import type { sidebarMessages } from "./sidebar";

/** Every message template in English: the server's and the sidebar's. */
type AllMessages = typeof en & (typeof sidebarMessages)["en"];

export type MessageKey = keyof AllMessages;
export type ServerCatalog = Record<keyof typeof en, string>;
export type Catalog = Record<MessageKey, string>;

/** The `{name}` placeholders of a message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** The parameters a message needs, checked at compile time against the English template. */
export type MessageParams<K extends MessageKey> = Record<Placeholders<AllMessages[K]>, string | number>;
