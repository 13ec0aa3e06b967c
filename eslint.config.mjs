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
      "no-restricted-imports": ["error", { patterns: ["../server/*", "../ui/*", "../../dev/*"] }],
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
