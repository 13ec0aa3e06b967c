import {
  checkinFilterSchema,
  checkinsSchema,
  MAX_ENTRIES,
  nextQuarterSchema,
  reviewRequestSchema,
} from "../../src/core/payloads";

const entry = { krId: "KR-1", value: 12, confidence: 7, comment: "on track" };

describe("the payloads the server accepts", () => {
  it("takes a batch of check-ins with its author and filter", () => {
    const batch = { entries: [entry], author: "Ana", filter: { team: "Sales" } };
    expect(checkinsSchema().safeParse(batch)).toEqual({ success: true, data: batch });
  });

  it("refuses an empty or oversized batch, an extra key, a confidence out of 0–10 and a value that is no number", () => {
    const refused = (payload: unknown) => !checkinsSchema().safeParse(payload).success;
    expect(refused({ entries: [] })).toBe(true);
    expect(refused({ entries: Array.from({ length: MAX_ENTRIES + 1 }, () => entry) })).toBe(true);
    expect(refused({ entries: [entry], extra: 1 })).toBe(true);
    expect(refused({ entries: [{ ...entry, confidence: 11 }] })).toBe(true);
    expect(refused({ entries: [{ ...entry, value: Number.NaN }] })).toBe(true);
    expect(refused({ entries: [{ ...entry, krId: "" }] })).toBe(true);
  });

  it("bounds the filter, the review's team and the next quarter's request", () => {
    expect(checkinFilterSchema().safeParse({ owner: "x".repeat(101) }).success).toBe(false);
    expect(reviewRequestSchema().safeParse({ team: "" }).success).toBe(true);
    expect(reviewRequestSchema().safeParse({}).success).toBe(false);
    const next = { from: "2026-Q4", carry: [{ id: "O-1", owner: "Ana" }], early: true };
    expect(nextQuarterSchema().safeParse(next)).toEqual({ success: true, data: next });
    expect(nextQuarterSchema().safeParse({ ...next, carry: [{ id: "O-1" }] }).success).toBe(false);
  });
});
