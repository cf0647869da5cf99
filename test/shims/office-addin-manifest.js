/*
 * Jest-only stand-in for the "office-addin-manifest" package (see jest.config.js moduleNameMapper).
 *
 * office-addin-mock requires "office-addin-manifest" only for its OfficeApp enum. The package's main entry
 * also loads ESM-only dependencies (strip-bom, uuid) that Jest on Node 20 cannot require()
 * ("Must use import to load ES Module"). Re-export just the enum from the CommonJS file that defines it.
 */
"use strict";

const { OfficeApp } = require("office-addin-manifest/lib/officeApp");

module.exports = { OfficeApp };
