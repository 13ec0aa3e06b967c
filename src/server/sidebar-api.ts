/**
 * The functions the sidebar may call through google.script.run. The client is typed from this
 * module (src/ui/server-client.ts), so a misspelled call or a wrong argument does not compile. Every
 * argument is untrusted: it is parsed with zod before use. Each operation keeps one name end to
 * end: sidebar call, global in main.ts, and the module function here (called through its module).
 */
import * as z from "zod/mini";
import { SHEETS, type SheetKey } from "../core/schema";
import { currentUserEmail } from "./author";
import { userFacing } from "./errors";
import * as checkins from "./checkins";
import type { CheckinView, SaveResult } from "./checkins";
import { moveKeyResultToKpis } from "./kpis";
import * as lifecycle from "./lifecycle";
import type { NextQuarterProposal, ReviewOptions } from "./lifecycle";
import { userLang } from "./locale";
import { parsePayload, text } from "./payload";
import { type SidebarContext, sidebarContext } from "./sidebar";
import { currentFindings, type FindingsView, validateAndMark } from "./validate";
import { Workbook } from "./workbook";
import * as wizard from "./wizard";
import type { DraftPayload, InsertResult, WizardContext } from "./wizard";

export type { FindingsView, FindingItem } from "./validate";
export type { CheckinView, SaveResult } from "./checkins";
export type { NextQuarterProposal, ReviewOptions } from "./lifecycle";

export type { SidebarContext, SidebarView } from "./sidebar";
export type { DraftPayload, InsertResult, WizardContext } from "./wizard";

/**
 * What the sidebar needs to draw its first screen, for a page that does not carry it (the server
 * writes it into the page it shows: server/sidebar.ts). Opens on the home view.
 */
export function getSidebarContext(): SidebarContext {
  return sidebarContext("home");
}

/** The current findings, without marking the sheet. */
export function getFindings(): FindingsView {
  return userFacing(userLang(), currentFindings);
}

/** Validates again, marking the sheet, and returns the findings. */
export function validateNow(): FindingsView {
  return userFacing(userLang(), validateAndMark);
}

const cellRequest = () =>
  z.strictObject({
    sheet: z.enum(Object.keys(SHEETS) as SheetKey[]),
    a1: z.string().check(z.regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/)),
  });

/**
 * Selects a finding's cell. The sheet travels as its key and is found by the ID remembered when it
 * was created (then by name), so a tab renamed since the findings were listed still works.
 */
export function selectCell(request: { sheet: SheetKey; a1: string }): void {
  const lang = userLang();
  const { sheet, a1 } = parsePayload(lang, cellRequest(), request);
  userFacing(lang, () => {
    const target = Workbook.active().find(sheet);
    if (!target) throw new Error(SHEETS[sheet].name[lang]);
    target.getRange(a1).activate();
  });
}

const moveRequest = () =>
  z.strictObject({ row: z.int().check(z.gte(2), z.lte(10_000_000)), krId: text(100) });

/** Moves a "looks like a KPI" key result to the KPIs sheet; answers the confirmation to show. */
export function moveToKpis(request: { row: number; krId: string }): string {
  const lang = userLang();
  const { row, krId } = parsePayload(lang, moveRequest(), request);
  return userFacing(lang, () => moveKeyResultToKpis(lang, row, krId));
}

/**
 * The findings list's "Move to KPIs": moves the key result, then answers the findings as they
 * stand now, so the list redraws from one call.
 */
export function moveFindingToKpis(request: { row: number; krId: string }): {
  message: string;
  findings: FindingsView;
} {
  const lang = userLang();
  const { row, krId } = parsePayload(lang, moveRequest(), request);
  return userFacing(lang, () => ({
    message: moveKeyResultToKpis(lang, row, krId),
    findings: currentFindings(),
  }));
}

/** The check-in view for a team or an owner (remembered for next time); no filter: the last one. */
export function getCheckins(filter?: { team?: string; owner?: string } | null): CheckinView {
  const lang = userLang();
  return userFacing(lang, () => checkins.checkinView(lang, filter));
}

/** Saves a batch of check-ins, all or nothing, under the document lock; answers the fresh view too. */
export function saveCheckins(request: {
  entries: { krId: string; value: number; confidence?: number; comment?: string }[];
  /** Who is checking in, when Google does not share the email. */
  author?: string;
  /** The filter shown: the answer carries the view after the save, drawn with it. */
  filter?: { team?: string; owner?: string };
}): SaveResult {
  const lang = userLang();
  return userFacing(lang, () => checkins.saveCheckins(lang, request, currentUserEmail()));
}

/** What the drafting wizard needs: settings, teams, owners and this quarter's rows for live coaching. */
export function getWizardContext(): WizardContext {
  const lang = userLang();
  return userFacing(lang, () => wizard.wizardContext(lang));
}

/** Writes a drafted objective and its key results with new IDs, and selects them. */
export function insertDraft(draft: DraftPayload): InsertResult {
  const lang = userLang();
  return userFacing(lang, () => wizard.insertDraft(lang, draft));
}

/** The review dialog: the quarter and its teams. */
export function getReviewOptions(): ReviewOptions {
  const lang = userLang();
  return userFacing(lang, () => lifecycle.reviewOptions(lang));
}

/** Generates the review sheet for all teams (team "") or one. */
export function generateReview(request: { team: string }): { sheet: string; message: string } {
  const lang = userLang();
  return userFacing(lang, () => lifecycle.generateReview(lang, request));
}

/** The next-quarter dialog: objectives to carry over, proposed ones and next owners. */
export function getNextQuarter(): NextQuarterProposal {
  const lang = userLang();
  return userFacing(lang, () => lifecycle.nextQuarterProposal(lang));
}

/** Carries the picked objectives into the next quarter and moves Settings there. */
export function startNextQuarter(request: {
  from: string;
  carry: { id: string; owner: string }[];
  early?: boolean;
}): string {
  const lang = userLang();
  return userFacing(lang, () => lifecycle.startNextQuarter(lang, request));
}
