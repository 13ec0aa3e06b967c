import { messages } from "../define";

/** The company roll-up across team spreadsheets (OKR › Roll up teams, OKRROLLUP, OKRTEAMS). */
export default messages(
  {
    "menu.rollUp": "Roll up teams",
    "rollup.title": "Roll up teams",
    "rollup.sheet": "Company roll-up",
    "rollup.importSheet": "Import · {team}",
    "rollup.col.id": "ID",
    "rollup.col.objective": "Company objective",
    "rollup.col.teams": "Teams contributing",
    "rollup.col.score": "Score",
    "rollup.col.band": "Band",
    "rollup.col.status": "Status",
    "rollup.col.lastCheckIn": "Last check-in",
    "rollup.col.notes": "Notes",
    "rollup.col.team": "Team",
    "rollup.col.connection": "Connection",
    "rollup.col.objectives": "Objectives this quarter",
    "rollup.col.aligned": "Aligned to the company",
    "rollup.col.connect": "Connect",
    "rollup.note.unserved": "No team objective serves it.",
    "rollup.note.unscored":
      "{count} team {count:objective|objectives} without a score, left out of the mean.",
    "rollup.state.connected": "Connected",
    "rollup.state.empty": "Connected; no OKRs yet.",
    "rollup.state.loading": "Loading…",
    "rollup.state.not-connected": "Not connected: click {cell} on this sheet and press Allow access.",
    "rollup.state.unreachable":
      "Unreachable since it was connected on {since}: the spreadsheet was deleted or is no longer shared with you. Ask its owner, or fix its URL in Settings › Teams.",
    "rollup.state.error": "The import shows {code}: open the hidden sheet “{sheet}” to see why.",
    "rollup.state.old-template":
      "Older template (missing {columns}): open that spreadsheet and run {menu} › Set up template. Nothing of it is counted until then.",
    "rollup.asOfMissing":
      "Settings has no “As of” day: the roll-up judges pace on it. Use any item of the {menu} menu to set it to today.",
    "rollup.noSettings": "There is no Settings sheet: run {menu} › Set up template first.",
    "rollup.tableAdded":
      "A Teams table was added to Settings (row {row}). Enter one team per row with its spreadsheet's URL, then run Roll up teams again.",
    "rollup.noTeams":
      "The Teams table in Settings (row {row}) lists no team yet. Enter one team per row with its spreadsheet's URL, then run Roll up teams again.",
    "rollup.badUrl":
      "Settings row {row}: “{url}” is not the URL of a Google Sheets spreadsheet (its address starts with docs.google.com/spreadsheets/d/). That team was left out.",
    "rollup.twice": "Settings row {row}: the team {team} is listed twice. The second row was left out.",
    "rollup.removed":
      "{team} is no longer in the Teams table: its hidden import sheet “{sheet}” was deleted, and its data no longer comes into this spreadsheet.",
    "rollup.notOurs":
      "“{sheet}” was left as it is: it is not an import sheet written by Roll up teams. Delete it yourself if it is no longer needed.",
    "rollup.done":
      "{count} {count:team|teams} rolled up into “{sheet}”. Each team's data stays in its own spreadsheet; the scores are formulas and follow it. A team marked “Not connected” needs one click: Allow access on its Connect cell.",
    "finding.rollup-unknown-parent":
      "{team} {id}: its Parent {parent} is not a company objective of this quarter.",
    "finding.rollup-team-parent":
      "{team} {id}: its Parent {parent} is a team objective of {other}. A team objective aligns to a company objective (CO-O-1), not to another team's.",
    "finding.rollup-unserved": "Company objective {id} “{title}”: no team objective serves it.",
    "finding.rollup-too-many":
      "{count} team objectives company-wide this quarter: more than {max} (the per-team maximum times the connected teams). Focus.",
  },
  {
    "menu.rollUp": "Consolider les équipes",
    "rollup.title": "Consolider les équipes",
    "rollup.sheet": "Consolidation entreprise",
    "rollup.importSheet": "Import · {team}",
    "rollup.col.id": "ID",
    "rollup.col.objective": "Objectif d'entreprise",
    "rollup.col.teams": "Équipes contributrices",
    "rollup.col.score": "Score",
    "rollup.col.band": "Couleur",
    "rollup.col.status": "Statut",
    "rollup.col.lastCheckIn": "Dernier point",
    "rollup.col.notes": "Remarques",
    "rollup.col.team": "Équipe",
    "rollup.col.connection": "Connexion",
    "rollup.col.objectives": "Objectifs du trimestre",
    "rollup.col.aligned": "Alignés sur l'entreprise",
    "rollup.col.connect": "Connecter",
    "rollup.note.unserved": "Aucun objectif d'équipe n'y contribue.",
    "rollup.note.unscored":
      "{count} {count:objectif|objectifs} d'équipe sans score, {count:laissé|laissés} hors de la moyenne.",
    "rollup.state.connected": "Connectée",
    "rollup.state.empty": "Connectée ; pas encore d'OKR.",
    "rollup.state.loading": "Chargement…",
    "rollup.state.not-connected":
      "Non connectée : cliquez sur {cell} dans cette feuille et appuyez sur Autoriser l'accès.",
    "rollup.state.unreachable":
      "Inaccessible depuis sa connexion du {since} : le classeur a été supprimé ou n'est plus partagé avec vous. Demandez à son propriétaire, ou corrigez son URL dans Paramètres › Équipes.",
    "rollup.state.error":
      "L'import affiche {code} : ouvrez la feuille masquée « {sheet} » pour en voir la raison.",
    "rollup.state.old-template":
      "Ancien modèle (il manque {columns}) : ouvrez ce classeur et lancez {menu} › Préparer le modèle. Rien n'en est compté d'ici là.",
    "rollup.asOfMissing":
      "Les Paramètres n'ont pas de jour « À la date du » : la consolidation évalue le rythme à cette date. Utilisez n'importe quel élément du menu {menu} pour la mettre à aujourd'hui.",
    "rollup.noSettings": "Il n'y a pas de feuille Paramètres : lancez d'abord {menu} › Préparer le modèle.",
    "rollup.tableAdded":
      "Un tableau Équipes a été ajouté aux Paramètres (ligne {row}). Indiquez une équipe par ligne avec l'URL de son classeur, puis relancez Consolider les équipes.",
    "rollup.noTeams":
      "Le tableau Équipes des Paramètres (ligne {row}) ne liste encore aucune équipe. Indiquez une équipe par ligne avec l'URL de son classeur, puis relancez Consolider les équipes.",
    "rollup.badUrl":
      "Paramètres, ligne {row} : « {url} » n'est pas l'URL d'un classeur Google Sheets (son adresse commence par docs.google.com/spreadsheets/d/). Cette équipe a été laissée de côté.",
    "rollup.twice":
      "Paramètres, ligne {row} : l'équipe {team} figure deux fois. La seconde ligne a été laissée de côté.",
    "rollup.removed":
      "L'équipe {team} ne figure plus dans le tableau Équipes : sa feuille d'import masquée « {sheet} » a été supprimée, et ses données n'arrivent plus dans ce classeur.",
    "rollup.notOurs":
      "« {sheet} » a été laissée telle quelle : ce n'est pas une feuille d'import écrite par Consolider les équipes. Supprimez-la vous-même si elle ne sert plus.",
    "rollup.done":
      "{count} {count:équipe consolidée|équipes consolidées} dans « {sheet} ». Les données de chaque équipe restent dans son classeur ; les scores sont des formules et le suivent. Une équipe « Non connectée » demande un clic : Autoriser l'accès sur sa cellule Connecter.",
    "finding.rollup-unknown-parent":
      "{team} {id} : son Parent {parent} n'est pas un objectif d'entreprise de ce trimestre.",
    "finding.rollup-team-parent":
      "{team} {id} : son Parent {parent} est un objectif d'équipe de {other}. Un objectif d'équipe s'aligne sur un objectif d'entreprise (CO-O-1), pas sur celui d'une autre équipe.",
    "finding.rollup-unserved":
      "Objectif d'entreprise {id} « {title} » : aucun objectif d'équipe n'y contribue.",
    "finding.rollup-too-many":
      "{count} objectifs d'équipe dans l'entreprise ce trimestre : plus de {max} (le maximum par équipe fois les équipes connectées). Concentrez-vous.",
  },
);
