import { storedFilter } from "../../src/core/checkin-view";

describe("the check-in filter remembered in the user's properties", () => {
  it("is read back as it was stored", () => {
    expect(storedFilter('{"team":"Sales"}')).toEqual({ team: "Sales" });
    expect(storedFilter('{"owner":"Ana"}')).toEqual({ owner: "Ana" });
  });

  it("is no filter when absent, damaged or of another shape", () => {
    expect(storedFilter(null)).toEqual({});
    expect(storedFilter("{team")).toEqual({});
    expect(storedFilter('{"team":1}')).toEqual({});
    expect(storedFilter('{"team":"Sales","extra":true}')).toEqual({});
  });
});
