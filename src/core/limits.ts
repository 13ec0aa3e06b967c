/**
 * The length and size limits of what a user types, in one place: the sidebar's fields stop there
 * (maxlength) and the server refuses beyond them, so both ends read them from here.
 */
export const LIMITS = {
  /** An objective's or key result's title. */
  title: 500,
  /** A team's, an owner's or an author's name. */
  name: 100,
  unit: 40,
  id: 40,
  /** Key results in one draft. */
  krs: 50,
  /** The largest baseline, target or weight a draft takes (all exact in a double). */
  magnitude: 1e15,
  /** A check-in's comment. */
  comment: 500,
  /** A number as typed (a check-in's new value, a draft's baseline). */
  number: 40,
} as const;
