// Every suite tests the built files, so build them once before jest runs (a few hundred ms).
const { execFileSync } = require("node:child_process");
const { join } = require("node:path");

module.exports = async function globalSetup() {
  execFileSync(process.execPath, [join(__dirname, "..", "scripts", "build.mjs")], { stdio: "inherit" });
};
