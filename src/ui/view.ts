/**
 * The sidebar's views. Each one is a tab of the navigation; to add one, write a View and list it
 * in src/ui/main.ts: the tab appears with it, and the server's getSidebarContext().view can open it
 * first. The dialogs (review, next quarter) are views too, listed apart: they have no tab, and the
 * page they open in shows no navigation.
 */
import type { Lang, MessageKey, MessageParams } from "./i18n";
import type { SidebarView } from "../server/sidebar";

/** A message without placeholders. */
export type PlainMessage = {
  [K in MessageKey]: keyof MessageParams<K> extends never ? K : never;
}[MessageKey];

export interface App {
  lang: Lang;
  /** Switches to another view. */
  show(view: SidebarView): void;
  /** True in a modal dialog (no navigation). */
  dialog: boolean;
  /** Closes the dialog; only there when the host can close it (google.script.host.close). */
  close?: () => void;
}

export interface View {
  /** The server's name for it ("home" is the view the sidebar opens on). */
  id: SidebarView;
  /** The caption of its tab. */
  label: PlainMessage;
  /** Draws the view into an empty element; called each time its tab is chosen. */
  mount(root: HTMLElement, app: App): void;
}

/** What a kept view's state draws with (see keptView). */
export interface Mountable {
  mount(root: HTMLElement, app: App): void;
}

/**
 * A view whose state lives as long as the sidebar: `create` makes it on the first visit, and each
 * later visit draws that same one again, so what was typed is still there.
 */
export function keptView(id: SidebarView, label: PlainMessage, create: () => Mountable): View {
  let kept: Mountable | undefined;
  return {
    id,
    label,
    mount(root, app) {
      kept ??= create();
      kept.mount(root, app);
    },
  };
}
