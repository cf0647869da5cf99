// ESLint 9 flat config for SOIL: meaningful lint only (no formatting rules).
//
// - @eslint/js + typescript-eslint recommended for all TypeScript/JavaScript;
// - eslint-plugin-react (flat recommended + jsx-runtime) for .tsx;
// - eslint-plugin-office-addins rules (Office.js load/sync mistakes) for the Office.js code (src/taskpane, src/functions).
//
// eslint-plugin-office-addins 4.x exports `configs.recommended` / `configs.react` as flat-config arrays, but they
// register their own nested copy of @typescript-eslint (8.8, clashing with the project's typescript-eslint plugin
// object: "Cannot redefine plugin") and turn on `prettier/prettier` as an error. So only the plugin's own
// rules are taken from its recommended config, with the plugin registered under "office-addins".
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import react from "eslint-plugin-react";
import globals from "globals";
import tseslint from "typescript-eslint";

const officeAddinsRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "coverage/**",
      "test-artifacts/**",
      "out/**",
      ".tmp/**",
      "**/*.min.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
    },
    linterOptions: {
      reportUnusedDisableDirectives: "warn",
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "no-eval": "error",
      "no-implied-eval": "error",
      eqeqeq: ["error", "smart"],
    },
  },
  // Node-side code: build config, CLI, scripts, benchmarks, tests.
  {
    files: ["*.js", "*.cjs", "*.mjs", "deploy/**", "scripts/**", "bench/**", "src/cli/**", "test/**"],
    languageOptions: {
      globals: { ...globals.node },
    },
  },
  {
    // CommonJS files (webpack/jest config, shims, scripts/*.js).
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["test/**"],
    languageOptions: {
      globals: { ...globals.jest },
    },
  },
  // Browser / Office code.
  {
    files: ["src/taskpane/**", "src/functions/**"],
    languageOptions: {
      globals: { ...globals.browser, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeExtension: "readonly" },
    },
  },
  {
    // Office.js code only: the rules match on names like load/sync/cell and misfire on exceljs code (src/xlsx).
    files: ["src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeAddinsRules,
  },
  // React (.tsx).
  {
    files: ["**/*.tsx"],
    ...react.configs.flat.recommended,
    settings: { react: { version: "detect" } },
  },
  {
    files: ["**/*.tsx"],
    ...react.configs.flat["jsx-runtime"],
    rules: {
      ...react.configs.flat["jsx-runtime"].rules,
      // TypeScript types replace prop-types.
      "react/prop-types": "off",
    },
  },
);
