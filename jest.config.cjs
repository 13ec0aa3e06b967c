/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(ts|mjs)$": "<rootDir>/scripts/jest-transform.cjs" },
  moduleFileExtensions: ["ts", "js", "mjs", "cjs", "json"],
  // Browser tests start Chromium; give them room on a shared machine.
  testTimeout: 60000,
  globalSetup: "<rootDir>/test/global-setup.cjs",
};
