import { defaultSettings, parseSettings, SETTING_DEFS } from "../../src/core";
import { day } from "../helpers/grids";

const today = day("2026-11-26");

describe("parseSettings", () => {
  it("defaults to the calendar quarter of today and the field-tested limits", () => {
    const { settings, findings } = parseSettings([], today, "UTC");
    expect(findings).toEqual([]);
    expect(settings).toEqual(defaultSettings(today));
    expect(settings).toMatchObject({
      quarter: "2026-Q4",
      quarterStart: day("2026-10-01"),
      quarterEnd: day("2026-12-31"),
      maxObjectivesPerTeam: 3,
      maxKrsPerObjective: 4,
      allowedLevels: ["company", "team"],
      onTrack: 0.9,
      atRisk: 0.6,
      staleDays: 14,
      language: "auto",
    });
  });

  it("reads labels in either language, and dates for the given quarter", () => {
    const { settings, rows } = parseSettings(
      [
        ["Paramètre", "Valeur"],
        ["Trimestre en cours", "2027-Q1"],
        ["Plan verrouillé le", "18/01/2027"],
        ["Niveaux autorisés", "Entreprise, Équipe, Département"],
        ["Objectifs max. par équipe", "2"],
        ["Langue", "fr"],
      ],
      today,
      "UTC",
    );
    expect(settings).toMatchObject({
      quarter: "2027-Q1",
      quarterStart: day("2027-01-01"),
      quarterEnd: day("2027-03-31"),
      lockDate: day("2027-01-18"),
      allowedLevels: ["company", "team", "department"],
      maxObjectivesPerTeam: 2,
      language: "fr",
    });
    expect(rows.quarter).toBe(2);
  });

  it("asks on its cell about a lock date typed as text that reads two ways, and keeps none", () => {
    const { settings, findings } = parseSettings(
      [
        ["Paramètre", "Valeur"],
        ["Plan verrouillé le", "08/01/2027"],
      ],
      today,
      "UTC",
    );
    expect(findings).toEqual([
      {
        code: "ambiguous-date",
        severity: "warning",
        sheet: "settings",
        row: 2,
        column: "value",
        params: { column: "value", value: "08/01/2027", dayFirst: "2027-01-08", monthFirst: "2027-08-01" },
      },
    ]);
    expect(settings.lockDate).toBeUndefined();
  });

  it.each([
    ["Max objectives per team", "lots"],
    ["Max objectives per team", 0],
    ["Max key results per objective", 2.5],
    ["Stale after (days without check-in)", -1],
    ["Current quarter", "Q5"],
    ["Allowed levels", "Galaxy"],
    ["Language", "de"],
    ["On track from (score ÷ pace)", 1.5],
  ])("turns %s = %p into a finding on its cell and keeps the default", (label, value) => {
    const { settings, findings } = parseSettings(
      [
        ["Setting", "Value"],
        [label, value],
      ],
      today,
      "UTC",
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      code: "setting-invalid",
      sheet: "settings",
      row: 2,
      column: "value",
    });
    const key = SETTING_DEFS.find((d) => d.label.en === label)!.key;
    expect(settings[key]).toEqual(defaultSettings(today)[key]);
  });

  it.each([
    [
      "reversed dates",
      new Date("2026-12-31T00:00:00Z"),
      new Date("2026-10-01T00:00:00Z"),
      "2026-12-31 – 2026-10-01",
    ],
    [
      "a start that is no date",
      "first of october",
      new Date("2026-12-31T00:00:00Z"),
      "first of october – 2026-12-31",
    ],
  ])("shows a quarters-table row with %s as typed, dates included", (_, start, end, shown) => {
    const { findings } = parseSettings(
      [
        ["Quarter", "Start", "End"],
        ["2026-Q4", start, end],
      ],
      today,
      "UTC",
    );
    expect(findings).toEqual([
      expect.objectContaining({
        code: "setting-invalid",
        row: 2,
        params: { setting: "quarters", value: `2026-Q4 ${shown}` },
      }),
    ]);
  });

  it("quotes a date typed in a number setting as its day", () => {
    const { findings } = parseSettings(
      [["Stale after (days without check-in)", new Date("2026-01-05T00:00:00Z")]],
      today,
      "UTC",
    );
    expect(findings).toEqual([
      expect.objectContaining({ params: { setting: "staleDays", value: "2026-01-05" } }),
    ]);
  });

  it("flags a blank As of row, which the Status formula cannot judge on, and uses today", () => {
    const { settings, findings } = parseSettings([["As of", ""]], today, "UTC");
    expect(findings).toEqual([
      expect.objectContaining({ code: "setting-invalid", row: 1, params: { setting: "asOf", value: "" } }),
    ]);
    expect(settings.asOf).toBeUndefined();
  });

  it("refuses an at-risk threshold above the on-track one", () => {
    const { settings, findings } = parseSettings(
      [
        ["On track from (score ÷ pace)", 0.5],
        ["At risk from (score ÷ pace)", 0.8],
      ],
      today,
      "UTC",
    );
    expect(findings[0]).toMatchObject({ code: "setting-invalid", params: { setting: "atRisk" } });
    expect(settings.atRisk).toBeLessThanOrEqual(settings.onTrack);
  });
});
