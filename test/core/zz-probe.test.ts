import { loadAddon } from "../../dev/loader";
it("probes", () => {
  const en = loadAddon({ locale: "en_US" });
  const fr = loadAddon({ locale: "fr_FR" });
  const probes: [string, string][] = [
    ["en","Uptime: 99.9%"],["fr","Délai moyen de paiement : 38 jours"],["en","Launch the partner portal"],["en","Launch."],["en","Launch, then measure"],
    ["en","KR1: Launch the app"],["fr","L'organisation de 3 ateliers"],["fr","Mise en œuvre du CRM"],["fr","Mise en uvre du CRM"],
    ["en","100 calls"],["en","12 webinars"],["fr","30 rendez-vous"],["en","Launching the new pricing page"],["fr","Lancez le programme ambassadeurs"],
    ["fr","Nous avons déployé le nouvel outil"],["en","Our team runs 6 interviews"],["fr","Refonte terminée"],["en","pricing live"],["en","Weekly demo to sales"],
    ["en","New onboarding email sequence"],["en","Increase conversion from X to Y"],["en","Ship the new checkout to raise conversion by 10%"],["en","Build time from 20 to 5 min"],
    ["en","Release frequency from monthly to weekly"],["fr","Faire passer la note de 3,9 à 4,5"],["en","Never miss a payroll date"],["fr","Aucun incident de sécurité majeur"],
    ["en","Hold churn at 2%"],["en","Reduce the time to first reply to no more than 2 h"],["en","Delivery within 24 h for 95% of orders"],["en","Run-rate revenue from $1M to $2M"],
    ["en","Measured by the number of active users"],["en","Improve customer happiness"],["fr","Améliorer la satisfaction client"],["en","Win the market in Q3 2026"],
    ["en","Improve NPS by Q3"],["en","Keep monthly churn below 2%"],["fr","Maintenir le churn mensuel sous 2 %"],["en","Send 200 cold emails"],["fr","Envoyer la newsletter chaque semaine"],
    ["fr","Publier 10 articles"],["en","Renegotiate the supplier contracts"],["fr","Renégocier les contrats fournisseurs"],["en","Deliver the mobile app"],["fr","Livrer l'application mobile"],
    ["en","Increase revenue from ٣٠ to ٤٥"],["en","Grow weekly bookings after the launch from 200 to 300"],["en","🚀 Launch the rocket 🚀"],["fr","Créer un programme de fidélité"],
  ];
  for (const [lang, text] of probes) console.log(`${lang} ${text}\n   → ${(lang === "en" ? en : fr).run("KRCHECK", text)}`);
});
