/**
 * Data the server writes into the page it shows (dist/Sidebar.html), for the page to read without
 * calling back: one JSON block, `<script type="application/json" id="okr-context">`.
 */

/** The id of the element that carries the sidebar's opening context. */
export const PAGE_CONTEXT_ID = "okr-context";

/**
 * JSON to place inside an HTML element (the sidebar's `<script type="application/json">` block):
 * <, > and & as \u escapes, which JSON.parse reads back unchanged, so that no text
 * inside can close the element or start a comment.
 *
 * @example
 * jsonInHtml({ a: "</script>" }) //=> '{"a":"\\u003c/script\\u003e"}'
 */
export function jsonInHtml(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
