/*
 * Offline checks of manifest.xml (and of dist/manifest.xml when a build produced one).
 * The XSD part runs xmllint against ../shared/manifest-schema when both are available; otherwise it warns
 * with the reason and skips.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  DEFAULT_SCHEMA_DIR,
  REPO_ROOT,
  XmlParseError,
  checkManifestText,
  missingBuiltFiles,
  parseXml,
  pngSize,
  runXmllint,
} from "../scripts/manifestCheck";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../webpack.config.js") as {
  rewriteManifest: (xml: string, urlProd: string) => string;
  urlDev: string;
};

const MANIFEST = path.join(REPO_ROOT, "manifest.xml");
const DIST_MANIFEST = path.join(REPO_ROOT, "dist", "manifest.xml");
const xml = fs.readFileSync(MANIFEST, "utf8");

function errorsOf(text: string): string[] {
  return checkManifestText(text, "mutated manifest.xml").errors;
}

/** Apply a text replacement that must match exactly once, so a test cannot silently test nothing. */
function mutate(text: string, from: string | RegExp, to: string): string {
  const count = typeof from === "string" ? text.split(from).length - 1 : (text.match(new RegExp(from, "g")) ?? []).length;
  if (count < 1) throw new Error(`mutation target not found: ${String(from)}`);
  return text.replace(from, to);
}

describe("manifest.xml offline checks", () => {
  const result = checkManifestText(xml, "manifest.xml");

  it("passes every offline check", () => {
    for (const w of result.warnings) console.warn(`manifest warning: ${w}`);
    expect(result.errors).toEqual([]);
  });

  it("is a shared-runtime Excel add-in with the SOIL namespace and a zh-CN default", () => {
    const root = parseXml(xml);
    expect(root.local).toBe("OfficeApp");
    expect(root.children.find((c) => c.local === "DefaultLocale")?.text).toBe("zh-CN");
    expect(xml).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\s*\/>/);
    const ns = result.resources.find((r) => r.id === "Functions.Namespace");
    expect(ns?.value).toBe("SOIL");
    expect(result.baseUrl).toBe("https://localhost:3000/");
  });

  it("has one custom-function metadata file for every language (no override, least of all for the default zh-CN)", () => {
    const meta = result.resources.find((r) => r.id === "Functions.Metadata.Url");
    expect(meta?.value).toBe("https://localhost:3000/functions.json");
    expect(meta?.overrides ?? []).toEqual([]);
  });

  it("one task pane, the shared runtime's page: every ShowTaskpane action has a TaskpaneId and the runtime's resid", () => {
    // "Any task pane without a <TaskpaneID> is considered a different task pane", and a shared runtime supports one
    // (https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime).
    const runtime = /<Runtime resid="([^"]+)"/.exec(xml)?.[1];
    const actions = [...xml.matchAll(/<Action xsi:type="ShowTaskpane">([\s\S]*?)<\/Action>/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) {
      expect(action).toMatch(/<TaskpaneId>SoilTaskpane<\/TaskpaneId>/);
      expect(/<SourceLocation resid="([^"]+)"/.exec(action)?.[1]).toBe(runtime);
    }
  });

  it("points at icons that exist in assets/ with the declared sizes", () => {
    const images = result.resources.filter((r) => r.kind === "Image");
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const img of images) {
      const file = path.join(REPO_ROOT, "assets", img.value.replace(/^.*\/assets\//, ""));
      expect(fs.existsSync(file)).toBe(true);
      const size = Number(/(\d+)x\1/.exec(img.id)?.[1]);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it("keeps all ids within 32 characters", () => {
    for (const r of result.resources) expect([...r.id].length).toBeLessThanOrEqual(32);
    for (const m of xml.matchAll(/resid="([^"]*)"/g)) expect(m[1].length).toBeLessThanOrEqual(32);
  });
});

describe("the offline checker catches broken manifests", () => {
  const cases: [string, () => string, RegExp][] = [
    ["an unresolved resid", () => mutate(xml, 'resid="SoilGroup.Label"', 'resid="SoilGroup.Missing"'), /does not match any resource id/],
    [
      "a resid longer than 32 characters",
      () => xml.split("TaskpaneButton.Tooltip").join("TaskpaneButton.Tooltip.ThatIsFarTooLong"),
      /longer than 32/,
    ],
    ["an http URL", () => mutate(xml, 'DefaultValue="https://localhost:3000/functions.js"', 'DefaultValue="http://localhost:3000/functions.js"'), /must be https/],
    ["a missing shared runtime", () => mutate(xml, /<Runtimes>[\s\S]*?<\/Runtimes>/, ""), /shared runtime/],
    ["a short-lived runtime", () => mutate(xml, 'lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    ["another functions namespace", () => mutate(xml, 'id="Functions.Namespace" DefaultValue="SOIL"', 'id="Functions.Namespace" DefaultValue="CONTOSO"'), /Namespace must be "SOIL"/],
    ["a missing icon file", () => mutate(xml, "assets/icon-80.png", "assets/icon-81.png"), /missing file/],
    ["an icon of the wrong size", () => mutate(xml, 'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-80.png"', 'id="Icon.80x80" DefaultValue="https://localhost:3000/assets/icon-64.png"'), /expected 80x80/],
    ["a label pointing at a URL", () => mutate(xml, '<Label resid="SoilGroup.Label"/>', '<Label resid="Taskpane.Url"/>'), /must point at a ShortString/],
    ["a custom functions page outside the shared runtime", () => mutate(xml, /(<Page>\s*<SourceLocation resid=")Taskpane.Url/, "$1Functions.Script.Url"), /must equal the shared <Runtime> resid/],
    ["a duplicate resource id", () => mutate(xml, '<bt:Image id="Icon.32x32"', '<bt:Image id="Icon.16x16"'), /duplicate resource id/],
    ["a mismatched end tag", () => mutate(xml, "</bt:Images>", "</bt:Image>"), /does not parse/],
  ];
  it.each(cases)("reports %s", (_label, make, expected) => {
    const errors = errorsOf(make());
    expect(errors.join("\n")).toMatch(expected);
  });
});

describe("the small XML parser", () => {
  it("parses namespaces, entities, comments and CDATA", () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a xmlns="urn:x" xmlns:p="urn:p"><p:b v="&lt;&#x4E2D;&quot;"/><c><![CDATA[<raw>]]>&amp;</c></a>');
    expect(root.ns).toBe("urn:x");
    expect(root.children[0].ns).toBe("urn:p");
    expect(root.children[0].attrs.v).toBe('<中"');
    expect(root.children[1].text).toBe("<raw>&");
  });
  it.each([
    ["<a><b></a>", /does not match/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ["<a>&nbsp;</a>", /unknown entity/],
    ["<a/><b/>", /second root/],
    ["<p:a/>", /undeclared namespace prefix/],
    ["<a>", /unclosed element/],
    ['<a x=1/>', /malformed attributes/],
  ])("rejects %s", (text, message) => {
    expect(() => parseXml(text)).toThrow(XmlParseError);
    expect(() => parseXml(text)).toThrow(message);
  });
});

describe("production manifest (webpack --env host=… / SOIL_PROD_URL rewrite; built for real in test/deploy)", () => {
  const prodUrl = "https://soil.example.gov.cn/addin/";
  const prod = webpackConfig.rewriteManifest(xml, prodUrl);

  it("replaces every localhost URL and still passes the checks", () => {
    expect(prod).not.toMatch(/https?:\/\/localhost/);
    const result = checkManifestText(prod, "manifest.xml (production)");
    expect(result.errors).toEqual([]);
    expect(result.baseUrl).toBe(prodUrl);
    expect(prod).toContain("<AppDomain>https://soil.example.gov.cn</AppDomain>");
  });

  const hasDist = fs.existsSync(DIST_MANIFEST);
  if (!hasDist) console.warn(`dist/manifest.xml not found (run \`npm run build\`): skipping the built-manifest check`);
  (hasDist ? it : it.skip)("dist/manifest.xml from the last build passes the same checks", () => {
    const built = checkManifestText(fs.readFileSync(DIST_MANIFEST, "utf8"), "dist/manifest.xml");
    expect(built.errors).toEqual([]);
    // Everything the manifest points at (taskpane.html, functions.js, functions.json,
    // icons) was produced by the build.
    expect(missingBuiltFiles(built, path.dirname(DIST_MANIFEST))).toEqual([]);
  });
});

// ---- XSD validation with xmllint --------------------------------------------------------------------

function xmllintSkipReason(): string | null {
  if (!fs.existsSync(path.join(DEFAULT_SCHEMA_DIR, "OfficeAppManifestV1_1.xsd"))) {
    return `schema folder ${DEFAULT_SCHEMA_DIR} not found (expected shared/manifest-schema beside the repository)`;
  }
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) return "xmllint is not installed (apt-get install libxml2-utils)";
  return null;
}

const skipReason = xmllintSkipReason();
if (skipReason) console.warn(`Skipping the manifest XSD validation: ${skipReason}`);
const withXmllint = skipReason ? it.skip : it;

describe("manifest XSD validation (xmllint, ../shared/manifest-schema)", () => {
  withXmllint("manifest.xml is valid against OfficeAppManifestV1_1.xsd", () => {
    const r = runXmllint(MANIFEST);
    expect(r.message).toMatch(/validates/);
    expect(r.status).toBe("valid");
  });

  withXmllint("the production rewrite is valid too", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "soil-manifest-"));
    try {
      const file = path.join(tmp, "manifest.xml");
      fs.writeFileSync(file, webpackConfig.rewriteManifest(xml, "https://soil.example.gov.cn/addin/"));
      expect(runXmllint(file).status).toBe("valid");
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  withXmllint("a misplaced element is reported invalid (the schema really runs)", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "soil-manifest-"));
    try {
      const file = path.join(tmp, "manifest.xml");
      // <Permissions> must come after <DefaultSettings>.
      const broken = mutate(xml, /\s*<Permissions>ReadWriteDocument<\/Permissions>/, "").replace(
        "<DefaultSettings>",
        "<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>",
      );
      fs.writeFileSync(file, broken);
      const r = runXmllint(file);
      expect(r.status).toBe("invalid");
      expect(r.message).toMatch(/Permissions/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
