import { messages } from "../define";

export default messages(
  {
    "menu.title": "OKR",
    "menu.path.menu": "OKR",
    "menu.path.addon": "Extensions › OKR Sheets",
    "menu.openSidebar": "Open the OKR sidebar",
    "menu.help": "Help",
    "sidebar.title": "OKR",
    "sidebar.loading": "Loading…",
    "sidebar.nav.wizard": "Draft",
    "sidebar.nav.checkin": "Check-in",
    "sidebar.nav.findings": "Findings",
    "sidebar.error": "Something went wrong: {message}",
    "help.title": "OKR Sheets",
    "help.body":
      "OKR Sheets helps your team run OKRs in this spreadsheet: a few qualitative objectives, each with measurable key results, weekly check-ins, and a review at the end of the quarter. Open the sidebar from the {menu} menu to start.",
  },
  {
    "menu.title": "OKR",
    "menu.path.menu": "OKR",
    "menu.path.addon": "Extensions › OKR Sheets",
    "menu.openSidebar": "Ouvrir le panneau OKR",
    "menu.help": "Aide",
    "sidebar.title": "OKR",
    "sidebar.loading": "Chargement…",
    "sidebar.nav.wizard": "Rédiger",
    "sidebar.nav.checkin": "Point hebdo",
    "sidebar.nav.findings": "Constats",
    "sidebar.error": "Une erreur est survenue : {message}",
    "help.title": "OKR Sheets",
    "help.body":
      "OKR Sheets aide votre équipe à mener ses OKR dans ce classeur : quelques objectifs qualitatifs, chacun avec des résultats clés mesurables, un point chaque semaine et une revue en fin de trimestre. Ouvrez le panneau depuis le menu {menu} pour commencer.",
  },
);
