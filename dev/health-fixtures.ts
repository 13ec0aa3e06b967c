/**
 * Several quarters of generated OKRs for the practice-health tests and benchmark: dev/fixtures.ts'
 * quarter repeated, each quarter's IDs numbered further up (IDs are never reused), with the
 * current quarter's weekly check-ins.
 */
import { checkinGridOf, generateCheckins, generateOkrs, okrGridOf, type Spec } from "./fixtures";

/** How far each quarter's ID numbers are shifted: more than any quarter's rows. */
const ID_STEP = 100_000;

/** The `count` quarters ending with `last` (e.g. "2026-Q4"), oldest first. */
export function quartersEndingWith(last: string, count: number): string[] {
  const index = Number(last.slice(0, 4)) * 4 + Number(last.slice(-1)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const k = index - (count - 1 - i);
    return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
  });
}

/**
 * The OKRs and Check-ins grids of `quarters` quarters of `krs` key results each, ending with
 * 2026-Q4, and `weeks` weeks of check-ins on the last quarter.
 */
export function quartersGrids(
  quarters: number,
  krs: number,
  weeks = 6,
): { okrs: unknown[][]; checkins: unknown[][] } {
  const okrs: Spec[] = [];
  quartersEndingWith("2026-Q4", quarters).forEach((quarter, q) => {
    const shift = (id: unknown) => String(id).replace(/\d+$/, (n) => String(Number(n) + q * ID_STEP));
    for (const row of generateOkrs(krs, quarter))
      okrs.push({ ...row, id: shift(row.id), ...(row.parent ? { parent: shift(row.parent) } : {}) });
  });
  const last = (quarters - 1) * ID_STEP;
  const checkins = generateCheckins(krs, weeks).map((c) => ({
    ...c,
    krId: `KR-${Number(String(c.krId).slice(3)) + last}`,
  }));
  return { okrs: okrGridOf(okrs), checkins: checkinGridOf(checkins) };
}
