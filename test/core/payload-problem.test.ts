import * as z from "zod/mini";
import { checkPayload, parsePayload } from "../../src/core/payload-problem";
import { UserError } from "../../src/core/user-error";
import { checkinsSchema, text } from "../../src/core/payloads";

const entry = { krId: "KR-1", value: 12, confidence: 7, comment: "" };
const labels = { entries: "Check-ins", confidence: "Confidence", comment: "Comment" };

describe("a refused payload, worded for the user", () => {
  it("answers the data when the payload fits", () => {
    const batch = { entries: [entry] };
    expect(checkPayload("en", checkinsSchema(), batch, labels)).toEqual({ data: batch });
  });

  it("names the field by its label and an entry of a list by its number", () => {
    const batch = { entries: [entry, { ...entry, confidence: 11 }] };
    expect(checkPayload("en", checkinsSchema(), batch, labels)).toEqual({
      refusal: "Check-ins › entry 2 › Confidence: must be at most 10",
    });
    expect(checkPayload("fr", checkinsSchema(), batch, labels)).toEqual({
      refusal: "Check-ins › saisie 2 › Confidence : doit valoir au plus 10",
    });
  });

  it("words each kind of problem: type, length, count, extra keys, format", () => {
    const refusal = (schema: z.ZodMiniType<unknown>, value: unknown) =>
      (checkPayload("en", schema, value) as { refusal: string }).refusal;
    expect(refusal(z.strictObject({ n: z.number() }), { n: "7" })).toBe("n: must be a number");
    expect(refusal(z.strictObject({ n: z.int() }), { n: 1.5 })).toBe("n: must be a whole number");
    expect(refusal(z.strictObject({ s: text(3) }), { s: "abcd" })).toBe(
      "s: is too long (at most 3 characters)",
    );
    expect(refusal(z.array(z.number()).check(z.maxLength(1)), [1, 2])).toBe(
      "payload: has too many items (at most 1)",
    );
    expect(refusal(z.array(z.number()).check(z.minLength(2)), [1])).toBe("payload: needs at least 2 items");
    expect(refusal(z.number().check(z.minimum(1)), 0)).toBe("payload: must be at least 1");
    expect(refusal(z.strictObject({}), { __proto__x: 1, constructor: 2 })).toBe(
      "payload: unexpected field __proto__x, constructor",
    );
    expect(refusal(z.string().check(z.regex(/^a$/)), "b")).toBe("payload: has an invalid format");
    expect(refusal(z.number().check(z.refine((n) => n > 0)), -1)).toBe("payload: is invalid");
  });
});

describe("parsing a payload", () => {
  it("answers the data, or throws a UserError naming the field, in the user's language", () => {
    const batch = { entries: [{ ...entry, confidence: 11 }] };
    expect(parsePayload("en", checkinsSchema(), { entries: [entry] }, labels)).toEqual({ entries: [entry] });
    expect(() => parsePayload("fr", checkinsSchema(), batch, labels)).toThrow(UserError);
    expect(() => parsePayload("fr", checkinsSchema(), batch, labels)).toThrow(
      "La demande a été refusée : Check-ins › saisie 1 › Confidence : doit valoir au plus 10.",
    );
  });
});
