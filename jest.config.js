/* Jest configuration for SOIL. Type checking is done separately by `tsc --noEmit` (npm test runs
 * typecheck, lint, then jest), so ts-jest only transpiles each file (isolatedModules), which is much faster. */

/** @type {import("jest").Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // Merged over tsconfig.json: transpile per file, no type check inside Jest.
        tsconfig: { isolatedModules: true },
      },
    ],
  },
  moduleNameMapper: {
    // office-addin-mock -> office-addin-manifest pulls ESM-only packages; use a CommonJS shim instead.
    "^office-addin-manifest$": "<rootDir>/test/shims/office-addin-manifest.js",
  },
  // Some tests drive LibreOffice or headless Chromium.
  testTimeout: 60000,
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/out/", "<rootDir>/test-artifacts/"],
};
