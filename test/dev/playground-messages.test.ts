/**
 * The playground server's own messages in French: every message it raises in English has a French
 * form, so a French playground never answers in English.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { inLocale } from "../../dev/playground/messages";

const DIR = join(__dirname, "..", "..", "dev", "playground");

/** The English messages as raised in the source, with their `${…}` parts filled with examples. */
function raised(): string[] {
  const files = ["zipcheck.ts", "xlsx.ts", "imports.ts", "host.ts"];
  const texts = files.flatMap((file) => {
    const source = readFileSync(join(DIR, file), "utf8");
    const constants = new Map(
      [...source.matchAll(/const (\w+) =\s*"([^"]+)";/g)].map((m) => [m[1]!, m[2]!] as const),
    );
    // Thrown messages, and the message templates of imports.ts, which picks one for its Error.
    const thrown = [
      ...source.matchAll(/new Error\(\s*(?:(\w+)|"([^"]+)"|`([^`]+)`)|^\s+(?:\? |: )?`([^`]+)`,?$/gm),
    ].map((m) => (m[1] && constants.get(m[1])) ?? m[2] ?? m[3] ?? m[4]);
    return thrown.filter((t): t is string => t !== undefined);
  });
  const samples: Record<string, string> = { mb: "50 MB", count: "100,000" };
  return texts
    .filter((text) => !text.startsWith("Unexpected"))
    .map((text) =>
      text.replace(/\$\{(\w+)(?:\([^}]*\))?[^}]*\}/g, (_whole, name: string) => samples[name] ?? "12"),
    )
    .filter((text) => /[a-z]{2,} [a-z]{2,}/i.test(text)); // sentences, not colour codes
}

describe("the playground's messages", () => {
  it("has a French form for every English message the server raises", () => {
    const english = raised();
    expect(english.length).toBeGreaterThan(15);
    const untranslated = english.filter((message) => inLocale(message, "fr") === message);
    expect(untranslated).toEqual([]);
  });

  it("leaves English and the add-on's own messages as they are", () => {
    expect(inLocale("Exceeded maximum execution time", "en")).toBe("Exceeded maximum execution time");
    expect(inLocale("Exceeded maximum execution time", "fr_BE")).toBe("Temps d’exécution maximal dépassé");
    expect(inLocale("KR-9 a été déplacé vers la feuille KPI.", "fr")).toBe(
      "KR-9 a été déplacé vers la feuille KPI.",
    );
  });

  it("writes French sizes and figures", () => {
    expect(inLocale("This .xlsx file unpacks to 1024 MB; the playground takes 50 MB at most.", "fr")).toBe(
      "Ce fichier .xlsx se décompresse en 1024 Mo ; le bac à sable accepte 50 Mo au plus.",
    );
    expect(
      inLocale(
        "The sheets span 100,000,000 cells (rows × columns); the playground takes 2,000,000 at most.",
        "fr",
      ),
    ).toBe(
      "Les feuilles couvrent 100 000 000 cellules (lignes × colonnes) ; le bac à sable en accepte 2 000 000 au plus.",
    );
  });
});
