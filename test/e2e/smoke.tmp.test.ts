import { loadAddon } from "../../dev/loader";
it("smoke", () => {
  const addon = loadAddon({ now: "2026-11-10T10:00:00Z" });
  addon.ui.answers.push({ button: "YES" }, { button: "OK" });
  addon.run("setUpTemplate");
  const okrs = addon.spreadsheet.sheet("OKRs")!;
  const v = okrs.values();
  console.log(v.slice(0, 8).map((l) => l.map(String).join(" | ")).join("\n"));
  console.log(okrs.peek(1, 17)?.formula, okrs.peek(1, 18)?.formula);
  const settings = addon.spreadsheet.sheet("Settings")!;
  console.log(settings.values().map((l) => l.map((x) => (x instanceof Date ? x.toISOString().slice(0, 10) : String(x).slice(0, 40))).join(" | ")).join("\n"));
  console.log("runs", addon.engine!.runs, addon.ui.shown.map(s=>JSON.stringify(s).slice(0,600)));
});
