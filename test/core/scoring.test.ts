import { band, clamp01, krScore, meanScore, needsExplanation, objectiveScore } from "../../src/core";

describe("krScore", () => {
  it("scores an increasing metric as the share of the way from baseline to target", () => {
    expect(krScore({ baseline: 100, target: 200, current: 150 })).toEqual({ kind: "score", score: 0.5 });
  });

  it("scores a decreasing metric with the same formula (target below baseline)", () => {
    expect(krScore({ baseline: 40, target: 20, current: 30, metric: "decrease" })).toEqual({
      kind: "score",
      score: 0.5,
    });
    expect(krScore({ baseline: 40, target: 20, current: 20, metric: "decrease" })).toEqual({
      kind: "score",
      score: 1,
    });
    expect(krScore({ baseline: 40, target: 20, current: 45, metric: "decrease" })).toEqual({
      kind: "score",
      score: 0,
    });
  });

  it("clamps to [0, 1] beyond the target or behind the baseline", () => {
    expect(krScore({ baseline: 0, target: 10, current: 25 })).toEqual({ kind: "score", score: 1 });
    expect(krScore({ baseline: 0, target: 10, current: -5 })).toEqual({ kind: "score", score: 0 });
  });

  it("gives no score without a current value, not 0", () => {
    expect(krScore({ baseline: 0, target: 10, current: undefined })).toEqual({ kind: "none" });
  });

  it("reports target = baseline instead of dividing by zero", () => {
    expect(krScore({ baseline: 5, target: 5, current: 7 })).toEqual({ kind: "target-equals-baseline" });
  });

  it("scores a milestone 0 or 1", () => {
    expect(krScore({ baseline: 0, target: 1, current: 0.99, metric: "milestone" })).toEqual({
      kind: "score",
      score: 0,
    });
    expect(krScore({ baseline: 0, target: 1, current: 1, metric: "milestone" })).toEqual({
      kind: "score",
      score: 1,
    });
  });

  it("passes or fails a threshold: stay above when the baseline was below, stay below otherwise", () => {
    expect(krScore({ baseline: 30, target: 40, current: 41, metric: "threshold" })).toEqual({
      kind: "score",
      score: 1,
    });
    expect(krScore({ baseline: 30, target: 40, current: 39, metric: "threshold" })).toEqual({
      kind: "score",
      score: 0,
    });
    expect(krScore({ baseline: 5, target: 2, current: 1.5, metric: "threshold" })).toEqual({
      kind: "score",
      score: 1,
    });
    expect(krScore({ baseline: 5, target: 2, current: 3, metric: "threshold" })).toEqual({
      kind: "score",
      score: 0,
    });
  });
});

describe("objectiveScore", () => {
  it("is the weighted mean of the scored key results", () => {
    expect(
      objectiveScore([
        { score: 1, weight: 3 },
        { score: 0, weight: 1 },
      ]),
    ).toEqual({ score: 0.75, scored: 2, unscored: 0 });
  });

  it("uses weight 1 when empty and leaves unscored key results out, reporting them", () => {
    expect(
      objectiveScore([
        { score: 0.5, weight: undefined },
        { score: undefined, weight: 5 },
      ]),
    ).toEqual({ score: 0.5, scored: 1, unscored: 1 });
  });

  it("has no score when no key result is scored", () => {
    expect(objectiveScore([])).toEqual({ score: undefined, scored: 0, unscored: 0 });
  });

  it("ignores weights that are not positive rather than producing NaN", () => {
    expect(
      objectiveScore([
        { score: 1, weight: 0 },
        { score: 0.2, weight: -1 },
      ]).score,
    ).toBeUndefined();
  });
});

describe("meanScore", () => {
  it("averages the known scores", () => {
    expect(meanScore([0.5, 1, undefined])).toBe(0.75);
    expect(meanScore([])).toBeUndefined();
  });
});

describe("band", () => {
  it.each([
    [0, "red"],
    [0.3, "red"],
    [0.39, "red"],
    [0.3999, "red"],
    [0.4, "yellow"],
    [0.6, "yellow"],
    [0.69, "yellow"],
    [0.6999, "yellow"],
    [0.7, "green"],
    [1, "green"],
  ])("%p is %s", (score, expected) => {
    expect(band(score)).toBe(expected);
  });
});

describe("needsExplanation", () => {
  it.each([
    ["committed", 0.99, true],
    ["committed", 1, false],
    ["aspirational", 0.5, false],
    ["committed", undefined, false],
  ] as const)("%s at %p → %p", (kind, score, expected) => {
    expect(needsExplanation(kind, score)).toBe(expected);
  });
});

describe("clamp01", () => {
  it("never returns NaN", () => {
    expect([clamp01(NaN), clamp01(Infinity), clamp01(-Infinity)]).toEqual([0, 1, 0]);
  });
});
