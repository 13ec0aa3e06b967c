/**
 * The playground server's own messages (import refusals, the watchdog, the worker) in the page's
 * language. They are written in English where they are raised, deep in the zip reader or the
 * worker host, and translated once, at the HTTP edge, when the playground runs with --locale=fr.
 * The add-on's own messages are already in the user's language and pass through unchanged.
 */

type Translation = [RegExp, (...groups: string[]) => string];

/** French number grouping: 2 000 000, as the French page shows numbers. */
const fr = (figure: string) => figure.replace(/,/g, " ");
/** Sizes as French writes them: 50 Mo. */
const mo = (size: string) => size.replace(/ MB$/, " Mo");

const FRENCH: readonly Translation[] = [
  [
    /^This is not an \.xlsx file: it is not a zip archive\.$/,
    () => "Ce n’est pas un fichier .xlsx : ce n’est pas une archive zip.",
  ],
  [
    /^This \.xlsx file is damaged or cut short: its zip directory is missing or broken\.$/,
    () => "Ce fichier .xlsx est endommagé ou tronqué : son répertoire zip manque ou est cassé.",
  ],
  [
    /^This \.xlsx file is larger than the playground takes \((.+) unpacked\)\.$/,
    (max) => `Ce fichier .xlsx dépasse ce que le bac à sable accepte (${mo(max)} une fois décompressé).`,
  ],
  [
    /^This \.xlsx file holds ([\d,]+) files; the playground takes ([\d,]+) at most\.$/,
    (n, max) => `Ce fichier .xlsx contient ${fr(n)} fichiers ; le bac à sable en accepte ${fr(max)} au plus.`,
  ],
  [
    /^This \.xlsx file unpacks to more than its zip directory says \((.+)\); the playground refuses it \((.+) unpacked at most\)\.$/,
    (entry, max) =>
      `Ce fichier .xlsx se décompresse en plus que ne l’annonce son répertoire zip (${entry}) ; le bac à sable le refuse (${mo(max)} décompressés au plus).`,
  ],
  [
    /^This \.xlsx file uses a compression the playground cannot read \((.+)\)\.$/,
    (entry) => `Ce fichier .xlsx utilise une compression que le bac à sable ne sait pas lire (${entry}).`,
  ],
  [
    /^This \.xlsx file unpacks to (.+); the playground takes (.+) at most\.$/,
    (size, max) =>
      `Ce fichier .xlsx se décompresse en ${mo(size)} ; le bac à sable accepte ${mo(max)} au plus.`,
  ],
  [
    /^The workbook has more than (\d+) sheets; the playground takes \d+\.$/,
    (max) => `Le classeur a plus de ${max} feuilles ; le bac à sable en accepte ${max}.`,
  ],
  [
    /^A sheet reaches row ([\d,]+), column ([\d,]+); the playground takes ([\d,]+) rows and ([\d,]+) columns at most\.$/,
    (row, column, rows, columns) =>
      `Une feuille atteint la ligne ${fr(row)}, colonne ${fr(column)} ; le bac à sable accepte ${fr(rows)} lignes et ${fr(columns)} colonnes au plus.`,
  ],
  [
    /^The sheets span ([\d,]+) cells \(rows × columns\); the playground takes ([\d,]+) at most\.$/,
    (cells, max) =>
      `Les feuilles couvrent ${fr(cells)} cellules (lignes × colonnes) ; le bac à sable en accepte ${fr(max)} au plus.`,
  ],
  [
    /^The sheets span more than ([\d,]+) cells \(rows × columns\); the playground takes no more\.$/,
    (max) =>
      `Les feuilles couvrent plus de ${fr(max)} cellules (lignes × colonnes) ; le bac à sable n’en accepte pas plus.`,
  ],
  [
    /^The sheet "(.+)" is too large for the playground \((\d+) rows and (\d+) columns at most\)\.$/,
    (name, rows, columns) =>
      `La feuille « ${name} » est trop grande pour le bac à sable (${rows} lignes et ${columns} colonnes au plus).`,
  ],
  [/^This zip file is not an \.xlsx workbook\.$/, () => "Ce fichier zip n’est pas un classeur .xlsx."],
  [
    /^This is not an \.xlsx file that the playground can read\.$/,
    () => "Ce n’est pas un fichier .xlsx que le bac à sable sait lire.",
  ],
  [/^The workbook has no sheet\.$/, () => "Le classeur n’a aucune feuille."],
  [
    /^The workbook has too many sheets for the playground\.$/,
    () => "Le classeur a trop de feuilles pour le bac à sable.",
  ],
  [/^Two sheets are named "(.+)"\.$/, (name) => `Deux feuilles s’appellent « ${name} ».`],
  [
    /^Reading this \.xlsx file took longer than (.+) s; the playground stopped it\.$/,
    (seconds) => `La lecture de ce fichier .xlsx a pris plus de ${seconds} s ; le bac à sable l’a arrêtée.`,
  ],
  [
    /^Reading this \.xlsx file needs more than (\d+) MB of memory; the playground stopped it\.$/,
    (mb) =>
      `La lecture de ce fichier .xlsx demande plus de ${mb} Mo de mémoire ; le bac à sable l’a arrêtée.`,
  ],
  [/^This \.xlsx file could not be read: (.*)$/s, (why) => `Ce fichier .xlsx n’a pas pu être lu : ${why}`],
  [
    /^Reading this \.xlsx file stopped before it ended\.$/,
    () => "La lecture de ce fichier .xlsx s’est arrêtée avant la fin.",
  ],
  // Apps Script's own words, as it says them to a French user.
  [/^Exceeded maximum execution time$/, () => "Temps d’exécution maximal dépassé"],
  [
    /^The playground worker stopped \((.+)\)\.$/,
    (code) => `Le moteur du bac à sable s’est arrêté (${code}).`,
  ],
  [/^The playground is closed\.$/, () => "Le bac à sable est fermé."],
  [/^No dialog is waiting for this answer\.$/, () => "Aucune boîte de dialogue n’attend cette réponse."],
];

/** A server message in the playground's language: French for --locale=fr, else as written. */
export function inLocale(message: string, locale: string | undefined): string {
  if (!/^fr/i.test(locale ?? "")) return message;
  for (const [pattern, french] of FRENCH) {
    const match = pattern.exec(message);
    if (match) return french(...match.slice(1));
  }
  return message;
}
