import { readFileSync } from "node:fs";
import { loadNodeModule, root } from "./esbuild-options.mjs";
const h = await loadNodeModule(root + "/scripts/bench/harness.ts");
const code = readFileSync((process.argv[2] ?? root + "/dist") + "/Code.js", "utf8");
for (let k = 0; k < 3; k++) { const r = h.measureLoad(code, 25); console.log(r.total.toFixed(2), r.compile.toFixed(2), r.run.toFixed(2), JSON.stringify(r.spread)); }
