import type { LoadedAddon } from "../../dev/loader";

/** The opening context the server wrote into the last sidebar or dialog it showed (server/sidebar.ts). */
export function shownContext(addon: LoadedAddon): Record<string, unknown> | undefined {
  const html = addon.ui.shown.at(-1)?.html ?? "";
  const match = /<script type="application\/json" id="okr-context">([^<]*)<\/script>$/.exec(html);
  return match ? (JSON.parse(match[1]!) as Record<string, unknown>) : undefined;
}
