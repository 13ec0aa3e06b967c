import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/** clasp's own messages when it has no login or no project: ours must come first, instead. */
const CLASP_MESSAGES = ["No credentials found.", "Project settings not found.", "Skipping push."];

/** A preload that makes any network use fail loudly, in the script and in whatever it starts. */
function noNetworkPreload(dir: string): string {
  const file = join(dir, "no-network.cjs");
  writeFileSync(
    file,
    `const net = require("node:net");
const dns = require("node:dns");
const refuse = (what) => () => {
  process.stderr.write("NETWORK USED: " + what + "\\n");
  throw new Error("no network in a deploy check");
};
net.Socket.prototype.connect = refuse("socket");
dns.lookup = refuse("dns lookup");
dns.resolve = refuse("dns resolve");
`,
  );
  return file;
}

/** Runs a command with a fresh HOME (no clasp login), no clasp settings from the environment, no network. */
function runOffline(command: string, args: string[], cwd: string, home: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    USERPROFILE: home,
    NODE_OPTIONS: `--require ${noNetworkPreload(home)}`,
    npm_config_update_notifier: "false",
  };
  delete env.clasp_config_auth;
  delete env.clasp_config_project;
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 30000 });
  return { status: result.status, out: result.stdout + result.stderr, ms: Date.now() - started };
}

/** A copy of the repository's deploy script and project files, to set up each case on its own. */
function sandbox(projects: Record<string, object>) {
  const dir = mkdtempSync(join(tmpdir(), "okr-deploy-"));
  mkdirSync(join(dir, "scripts"));
  copyFileSync(join(ROOT, "scripts", "deploy.mjs"), join(dir, "scripts", "deploy.mjs"));
  for (const [file, content] of Object.entries(projects))
    writeFileSync(join(dir, file), JSON.stringify(content));
  const home = mkdtempSync(join(tmpdir(), "okr-home-"));
  return {
    dir,
    home,
    deploy: (...args: string[]) => runOffline(process.execPath, ["scripts/deploy.mjs", ...args], dir, home),
  };
}

const login = (home: string) =>
  writeFileSync(
    join(home, ".clasprc.json"),
    JSON.stringify({ tokens: { default: { type: "authorized_user", refresh_token: "test" } } }),
  );

describe("npm run deploy without a clasp login", () => {
  it.each([["deploy"], ["deploy:addon"]])("npm run %s stops at once with our message", (script) => {
    const home = mkdtempSync(join(tmpdir(), "okr-home-"));
    const { status, out, ms } = runOffline("npm", ["run", "--silent", script], ROOT, home);
    expect(status).not.toBe(0);
    expect(out).toContain(`clasp is not logged in (no credentials in ${join(home, ".clasprc.json")}).`);
    expect(out).toContain("Run: npx clasp login");
    expect(out).toContain("docs/deploy.md");
    // The repository's project files themselves are sound: only the login (and a scriptId) can be missing.
    expect(out).not.toMatch(/is missing|is not valid JSON|must say "rootDir"/);
    for (const message of CLASP_MESSAGES) expect(out).not.toContain(message);
    expect(out).not.toContain("NETWORK USED");
    expect(out).not.toMatch(/> npx jest|> npm run typecheck/); // failed before the tests and the build
    expect(ms).toBeLessThan(15000);
  });
});

describe("the deploy script's checks", () => {
  const fresh = { ".clasp.json": { rootDir: "dist" }, ".clasp-addon.json": { rootDir: "dist" } };

  it("names every missing step with its command: login, then create-script of the right type", () => {
    const { deploy } = sandbox(fresh);
    const bound = deploy();
    expect(bound.status).toBe(1);
    expect(bound.out).toContain("Cannot deploy the spreadsheet-bound script (top-level OKR menu) yet:");
    expect(bound.out).toContain("clasp is not logged in");
    expect(bound.out).toContain(".clasp.json has no scriptId");
    expect(bound.out).toContain(
      'Run: npx clasp create-script --type sheets --title "OKR Sheets" --rootDir dist --project .clasp.json',
    );
    expect(bound.out.indexOf("npx clasp login")).toBeLessThan(bound.out.indexOf("create-script"));

    const addon = deploy("--addon");
    expect(addon.status).toBe(1);
    expect(addon.out).toContain(".clasp-addon.json has no scriptId");
    expect(addon.out).toContain(
      'Run: npx clasp create-script --type standalone --title "OKR Sheets" --rootDir dist --project .clasp-addon.json',
    );
    for (const message of CLASP_MESSAGES) expect(addon.out).not.toContain(message);
  });

  it("asks only for what is missing once logged in", () => {
    const { deploy, home } = sandbox(fresh);
    login(home);
    const { status, out } = deploy("--addon", "--check");
    expect(status).toBe(1);
    expect(out).not.toContain("not logged in");
    expect(out).toContain(".clasp-addon.json has no scriptId");
  });

  it("refuses a project file that does not push dist/, or that is missing", () => {
    const { deploy, home } = sandbox({ ".clasp.json": { scriptId: "abc", rootDir: "src" } });
    login(home);
    expect(deploy("--check").out).toContain('.clasp.json must say "rootDir": "dist"');
    const addon = deploy("--addon", "--check");
    expect(addon.status).toBe(1);
    expect(addon.out).toContain(".clasp-addon.json is missing.");
    expect(addon.out).toContain("git checkout -- .clasp-addon.json");
  });

  it("is ready when logged in and each flavour has its own script, pushed with --force", () => {
    const { deploy, home } = sandbox({
      ".clasp.json": { scriptId: "bound-id", rootDir: "dist" },
      ".clasp-addon.json": { scriptId: "addon-id", rootDir: "./dist/" },
    });
    login(home);
    const bound = deploy("--check");
    expect(bound.status).toBe(0);
    expect(bound.out).toContain(
      "Ready to deploy the spreadsheet-bound script (top-level OKR menu): clasp push --force --project .clasp.json",
    );
    const addon = deploy("--addon", "--check");
    expect(addon.status).toBe(0);
    expect(addon.out).toContain(
      "Ready to deploy the add-on's standalone script (menu under Extensions): clasp push --force --project .clasp-addon.json",
    );
  });

  it("takes clasp's login from clasp_config_auth, as clasp does", () => {
    const { dir, home } = sandbox({ ".clasp.json": { scriptId: "bound-id", rootDir: "dist" } });
    const elsewhere = mkdtempSync(join(tmpdir(), "okr-auth-"));
    login(elsewhere);
    const result = spawnSync(process.execPath, ["scripts/deploy.mjs", "--check"], {
      cwd: dir,
      env: { ...process.env, HOME: home, clasp_config_auth: elsewhere },
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
  });
});

describe("package.json", () => {
  it("runs deploy and deploy:addon through the deploy script and its checks", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.deploy).toBe("node scripts/deploy.mjs");
    expect(pkg.scripts["deploy:addon"]).toBe("node scripts/deploy.mjs --addon");
  });
});
