/**
 * English messages: the reference catalog. Every key here must exist in fr.ts with the same
 * `{placeholders}` (a test checks it). Placeholders are filled by `t()`.
 */
export const en = {
  "menu.title": "OKR",
  "menu.openSidebar": "Open the OKR sidebar",
  "menu.help": "Help",
  "sidebar.title": "OKR",
  "sidebar.loading": "Loading…",
  "sidebar.welcome": "Draft objectives and key results, check in weekly, and review the quarter.",
  "sidebar.nav.wizard": "Draft",
  "sidebar.nav.checkin": "Check-in",
  "sidebar.nav.findings": "Findings",
  "sidebar.error": "Something went wrong: {message}",
  "help.title": "OKR Sheets",
  "help.body":
    "OKR Sheets helps your team run OKRs in this spreadsheet: a few qualitative objectives, each with measurable key results, weekly check-ins, and a review at the end of the quarter. Open the sidebar from the OKR menu to start.",
  "formula.error.notNumber": '{fn}: {argument} must be a number, got "{value}".',
  "formula.error.targetEqualsBaseline":
    "{fn}: the target equals the baseline ({value}), so progress cannot be measured.",
  "formula.error.shape": "{fn}: {argument} must have the same shape as {other} ({rows}×{columns}).",
  "formula.error.unknownMetric": '{fn}: metric must be one of {allowed}, got "{value}".',
  "formula.error.missing": "{fn}: {argument} is required.",
} as const;
