/**
 * The shapes the sidebar's and dialogs' payloads must have (zod), checked by the server before any
 * use (core/payload-problem.ts words the refusals): strict objects, bounded text, lists and numbers.
 * The wizard's draft has its own, beside the draft (core/wizard.ts).
 */
import * as z from "zod/mini";
import { MAX_MAGNITUDE } from "./cells";
import { AUTHOR_MAX } from "./checkins";
import { LIMITS } from "./limits";
import { SHEETS, type SheetKey } from "./schema";

/** A string of bounded length (sheets accept 50,000 characters; we need far less). */
export const text = (max: number) => z.string().check(z.maxLength(max));

/** A key result's ID or a quarter as the sidebar sends it back (looser than LIMITS.id, checked again). */
const KEY_MAX = 50;

/** The most check-ins one save takes. */
export const MAX_ENTRIES = 200;

/** The check-in view's filter: a team or an owner. */
export const checkinFilterSchema = () =>
  z.strictObject({ team: z.optional(text(LIMITS.name)), owner: z.optional(text(LIMITS.name)) });

/** A batch of check-ins, who saves them, and the filter the sidebar shows. */
export const checkinsSchema = () =>
  z.strictObject({
    entries: z
      .array(
        z.strictObject({
          krId: text(KEY_MAX).check(z.minLength(1)),
          // Within what a sheet keeps exactly: beyond it, the add-on would read the saved value as an error.
          value: z.number().check(z.refine(Number.isFinite), z.gte(-MAX_MAGNITUDE), z.lte(MAX_MAGNITUDE)),
          confidence: z.optional(z.int().check(z.gte(0), z.lte(10))),
          comment: z.optional(text(LIMITS.comment)),
        }),
      )
      .check(z.minLength(1), z.maxLength(MAX_ENTRIES)),
    author: z.optional(text(AUTHOR_MAX)),
    /** The filter the sidebar shows: the answer's view is drawn with it (else the remembered one). */
    filter: z.optional(checkinFilterSchema()),
  });

/** The review of one team ("" for all), of a quarter the dialog offers (none: the current one). */
export const reviewRequestSchema = () =>
  z.strictObject({ team: text(LIMITS.name), quarter: z.optional(text(KEY_MAX)) });

/** Starting the next quarter: from which quarter, the objectives carried over and their owners. */
export const nextQuarterSchema = () =>
  z.strictObject({
    /** The quarter the dialog starts from: a second run (a retry, another person's dialog) is refused. */
    from: text(KEY_MAX),
    carry: z.array(z.strictObject({ id: text(KEY_MAX), owner: text(LIMITS.name) })).check(z.maxLength(200)),
    /** The user confirmed starting more than two weeks before the quarter's end. */
    early: z.optional(z.boolean()),
  });

/** A finding's cell to select: its sheet's key, its tab's ID when known, and its A1 address. */
export const cellRequestSchema = () =>
  z.strictObject({
    sheet: z.enum(Object.keys(SHEETS) as SheetKey[]),
    sheetId: z.optional(z.int()),
    a1: z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/)),
  });

/** A "looks like a KPI" key result to move: its row and ID (checked again under the lock). */
export const moveRequestSchema = () =>
  z.strictObject({ row: z.int().check(z.gte(2), z.lte(10_000_000)), krId: text(100) });
