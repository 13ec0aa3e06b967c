import js from "@eslint/js";
import tseslint from "typescript-eslint";

const appsScriptGlobals = [
  "SpreadsheetApp",
  "HtmlService",
  "PropertiesService",
  "LockService",
  "Session",
  "ScriptApp",
  "Utilities",
  "CacheService",
  "UrlFetchApp",
  "Logger",
  "google",
].map((name) => ({ name, message: "src/core stays free of Apps Script globals and I/O." }));

/**
 * A relative import that climbs out of its layer into one of these folders, from any depth
 * ("../server/x", "../../server", "../../../dev/gas/a1"): the layer rules below refuse them.
 */
const LAYER = (...folders) => `^(\\.\\./)+(${folders.join("|")})(/|$)`;

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...appsScriptGlobals],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: LAYER("server", "ui", "dev", "test", "scripts"),
              message: "src/core imports only src/core.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ui/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...appsScriptGlobals.filter((g) => g.name !== "google")],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: LAYER("server"),
              allowTypeImports: true,
              message:
                "The sidebar runs in the browser: it may import only the server's types (use import type).",
            },
            {
              regex: LAYER("dev", "test", "scripts"),
              message: "The sidebar imports only src/core and src/ui.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/server/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: LAYER("ui", "dev", "test", "scripts"),
              message: "src/server imports only src/core and src/server.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ui/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Render user text with textContent and DOM APIs." },
        { property: "outerHTML", message: "Render user text with textContent and DOM APIs." },
      ],
    },
  },
  {
    files: ["scripts/**", "**/*.cjs"],
    languageOptions: { globals: { Buffer: "readonly", __dirname: "readonly" } },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
