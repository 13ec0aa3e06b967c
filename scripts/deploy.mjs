#!/usr/bin/env node
/**
 * `npm run deploy` and `npm run deploy:addon` (docs/deploy.md). First checks, offline and in
 * milliseconds, that clasp can push: its project file and its login. Then typecheck, lint, tests,
 * the build of the flavour, and `clasp push --force`.
 *
 *   deploy        the top-level "OKR" menu, to the spreadsheet-bound script named in .clasp.json
 *   deploy:addon  the add-on menu under Extensions, to the standalone script named in .clasp-addon.json
 *
 * Each flavour has its own project file, given to clasp with `--project` (clasp 3 reads `rootDir`
 * relative to that file). `--force` because without it a push that changes appsscript.json asks
 * first, and anything but "yes" (or no terminal at all) prints "Skipping push." and exits 0.
 *
 * Options: --addon (the add-on flavour), --check (the checks only: no tests, build or push).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const FLAVOURS = {
  menu: {
    label: "the spreadsheet-bound script (top-level OKR menu)",
    projectFile: ".clasp.json",
    type: "sheets",
    title: "OKR Sheets",
  },
  addon: {
    label: "the add-on's standalone script (menu under Extensions)",
    projectFile: ".clasp-addon.json",
    type: "standalone",
    // The listing's name, and the one the add-on's messages give: Extensions › OKR Sheets.
    title: "OKR Sheets",
  },
};

const readJson = (file) => JSON.parse(readFileSync(file, "utf8"));

/**
 * Where clasp 3 looks for its login: `clasp_config_auth` (a file, or a folder holding
 * .clasprc.json), else ~/.clasprc.json (@google/clasp build/src/auth/auth.js, commands/program.js).
 */
function credentialsFile() {
  const given = process.env.clasp_config_auth;
  if (!given) return join(homedir(), ".clasprc.json");
  return existsSync(given) && statSync(given).isDirectory() ? join(given, ".clasprc.json") : given;
}

/** True when the file holds a token clasp would load for its default user, in its v3 or v1 format. */
function hasLogin(file) {
  if (!existsSync(file)) return false;
  try {
    const store = readJson(file);
    return Boolean(
      store.tokens?.default || (store.token && store.oauth2ClientSettings) || store.access_token,
    );
  } catch {
    return false;
  }
}

/** The missing steps, in the order they are done: each says what is wrong and the command that fixes it. */
function missingSteps(flavour) {
  const { projectFile, type, title } = FLAVOURS[flavour];
  const steps = [];
  const auth = credentialsFile();
  if (!hasLogin(auth)) {
    steps.push({
      problem: `clasp is not logged in (no credentials in ${auth}).`,
      fix: "npx clasp login   (once per machine; turn on the Apps Script API first at https://script.google.com/home/usersettings)",
    });
  }
  const create = `npx clasp create-script --type ${type} --title "${title}" --rootDir dist --project ${projectFile}`;
  const path = join(root, projectFile);
  let project;
  try {
    project = readJson(path);
  } catch (error) {
    const what = existsSync(path) ? `is not valid JSON (${error.message})` : "is missing";
    steps.push({
      problem: `${projectFile} ${what}.`,
      fix: `git checkout -- ${projectFile}   (or write {"rootDir": "dist"} into it), then: ${create}`,
    });
    return steps;
  }
  if (
    String(project.rootDir ?? "")
      .replace(/^\.\//, "")
      .replace(/\/$/, "") !== "dist"
  ) {
    steps.push({
      problem: `${projectFile} must say "rootDir": "dist" (the folder npm run build writes), not ${JSON.stringify(project.rootDir)}.`,
      fix: `set "rootDir": "dist" in ${projectFile}`,
    });
  }
  if (typeof project.scriptId !== "string" || project.scriptId.trim() === "") {
    steps.push({
      problem: `${projectFile} has no scriptId: the Apps Script project is not created yet.`,
      fix: create,
    });
  }
  return steps;
}

function report(flavour, steps) {
  const lines = [`Cannot deploy ${FLAVOURS[flavour].label} yet:`];
  for (const { problem, fix } of steps) lines.push(`  - ${problem}`, `    Run: ${fix}`);
  lines.push("Then run this command again. Step by step: docs/deploy.md.");
  return lines.join("\n");
}

/** Runs a command in the repository, stopping the deploy if it fails. */
function run(command, args) {
  console.log(`\n> ${[command, ...args].join(" ")}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (result.status !== 0) {
    console.error(`Deploy stopped: ${command} ${args.join(" ")} failed.`);
    process.exit(result.status ?? 1);
  }
}

function main() {
  const flavour = process.argv.includes("--addon") ? "addon" : "menu";
  const steps = missingSteps(flavour);
  if (steps.length) {
    console.error(report(flavour, steps));
    process.exit(1);
  }
  const { label, projectFile } = FLAVOURS[flavour];
  const push = ["push", "--force", "--project", projectFile];
  if (process.argv.includes("--check")) {
    console.log(`Ready to deploy ${label}: clasp ${push.join(" ")}`);
    return;
  }
  run("npm", ["run", "typecheck"]);
  run("npm", ["run", "lint"]);
  run("npx", ["jest"]);
  // After the tests: their set-up builds the menu flavour into dist/.
  run(process.execPath, [join(root, "scripts", "build.mjs"), `--menu=${flavour}`]);
  run(process.execPath, [
    join(root, "node_modules", "@google", "clasp", "build", "src", "index.js"),
    ...push,
  ]);
}

main();
