/*
 * Offline checks for the SOIL add-in only (XML) manifest.
 *
 * `office-addin-manifest validate` needs Microsoft's online service, so this module checks what can be
 * checked locally: the XML is well formed (a small strict parser below, no dependencies), every resid
 * resolves to a resource of the right kind, ids fit their length limits, every URL is https, the shared
 * runtime / custom functions / SOIL namespace are wired consistently, strings fit Office's limits and the
 * icons the manifest points at exist in assets/ with the declared pixel sizes. `runXmllint` adds a real
 * XSD validation when the schema folder (../shared/manifest-schema) and xmllint are available.
 *
 * Used by test/manifest.test.ts and scripts/validate-manifest.ts (npm run validate:offline).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// ---------------------------------------------------------------------------------------------------
// A small strict XML parser (elements, attributes, text, comments, CDATA, PIs, predefined and numeric
// entities, namespaces). Enough for manifests; rejects anything malformed rather than guessing.
// ---------------------------------------------------------------------------------------------------

export interface XmlElement {
  /** Qualified name as written, e.g. "bt:Url". */
  name: string;
  /** Local part of the name, e.g. "Url". */
  local: string;
  /** Namespace URI the prefix resolves to ("" when none). */
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  line: number;
  parent: XmlElement | null;
}

export class XmlParseError extends Error {
  constructor(
    message: string,
    public readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "XmlParseError";
  }
}

const NAME_RE = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const XML_NS = "http://www.w3.org/XML/1998/namespace";

function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(";")) throw new XmlParseError(`unterminated entity reference "${whole}"`, line);
    switch (body) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
    }
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
    if (m) {
      const code = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
      if (code > 0x10ffff) throw new XmlParseError(`character reference out of range "${whole}"`, line);
      return String.fromCodePoint(code);
    }
    throw new XmlParseError(`unknown entity "${whole}"`, line);
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  let line = 1;
  const src = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let root: XmlElement | null = null;
  const stack: XmlElement[] = [];
  const nsStack: Record<string, string>[] = [{ xml: XML_NS, "": "" }];

  const advance = (to: number): void => {
    for (let i = pos; i < to; i++) if (src.charCodeAt(i) === 10) line++;
    pos = to;
  };
  const fail = (msg: string): never => {
    throw new XmlParseError(msg, line);
  };
  const expectEnd = (marker: string, what: string): number => {
    const end = src.indexOf(marker, pos);
    if (end < 0) fail(`unterminated ${what}`);
    return end;
  };
  const resolve = (qname: string, scope: Record<string, string>, isAttr: boolean): string => {
    const i = qname.indexOf(":");
    if (i < 0) return isAttr ? "" : (scope[""] ?? "");
    const prefix = qname.slice(0, i);
    if (prefix === "xmlns") return "http://www.w3.org/2000/xmlns/";
    const uri = scope[prefix];
    if (uri === undefined) fail(`undeclared namespace prefix "${prefix}" in <${qname}>`);
    return uri;
  };

  while (pos < src.length) {
    const lt = src.indexOf("<", pos);
    const textEnd = lt < 0 ? src.length : lt;
    if (textEnd > pos) {
      const raw = src.slice(pos, textEnd);
      if (raw.includes(">") && /\]\]>/.test(raw)) fail('"]]>" is not allowed in text');
      const startLine = line;
      advance(textEnd);
      if (stack.length === 0) {
        if (raw.trim() !== "") fail("text outside the root element");
      } else {
        stack[stack.length - 1].text += decodeEntities(raw, startLine);
      }
      continue;
    }
    if (src.startsWith("<!--", pos)) {
      const end = expectEnd("-->", "comment");
      if (src.slice(pos + 4, end).includes("--")) fail('"--" inside a comment');
      advance(end + 3);
    } else if (src.startsWith("<![CDATA[", pos)) {
      if (stack.length === 0) fail("CDATA outside the root element");
      const end = expectEnd("]]>", "CDATA section");
      stack[stack.length - 1].text += src.slice(pos + 9, end);
      advance(end + 3);
    } else if (src.startsWith("<?", pos)) {
      const end = expectEnd("?>", "processing instruction");
      const target = /^<\?([^\s?]+)/.exec(src.slice(pos, end))?.[1] ?? "";
      if (target.toLowerCase() === "xml" && pos !== 0) fail("XML declaration must be at the very start");
      advance(end + 2);
    } else if (src.startsWith("<!DOCTYPE", pos)) {
      fail("DOCTYPE is not allowed in a manifest");
    } else if (src.startsWith("</", pos)) {
      const end = expectEnd(">", "end tag");
      const name = src.slice(pos + 2, end).trim();
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> without a start tag`);
      else if (open.name !== name) fail(`end tag </${name}> does not match <${open.name}> (line ${open.line})`);
      nsStack.pop();
      advance(end + 1);
    } else {
      // Start tag: scan to the closing ">" outside quotes.
      let i = pos + 1;
      let quote = "";
      for (; i < src.length; i++) {
        const c = src[i];
        if (quote) {
          if (c === quote) quote = "";
          else if (c === "<") fail('"<" inside an attribute value');
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") break;
      }
      if (i >= src.length) fail("unterminated start tag");
      const startLine = line;
      let body = src.slice(pos + 1, i);
      const selfClosing = body.endsWith("/");
      if (selfClosing) body = body.slice(0, -1);
      const nameMatch = /^[^\s/>]+/.exec(body);
      const name = nameMatch ? nameMatch[0] : "";
      if (!NAME_RE.test(name)) fail(`bad element name "${name}"`);
      const rawAttrs: [string, string][] = [];
      let rest = body.slice(name.length);
      const attrRe = /^\s+([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/;
      while (rest.trim() !== "") {
        const m = attrRe.exec(rest);
        if (!m) fail(`malformed attributes in <${name}>: "${rest.trim().slice(0, 40)}"`);
        else {
          if (!NAME_RE.test(m[1]) && !/^xmlns(:[A-Za-z_][\w.-]*)?$/.test(m[1])) fail(`bad attribute name "${m[1]}"`);
          if (rawAttrs.some(([n]) => n === m[1])) fail(`duplicate attribute "${m[1]}" in <${name}>`);
          rawAttrs.push([m[1], decodeEntities(m[2] ?? m[3] ?? "", startLine)]);
          rest = rest.slice(m[0].length);
        }
      }
      const scope = { ...nsStack[nsStack.length - 1] };
      const attrs: Record<string, string> = {};
      for (const [n, v] of rawAttrs) {
        if (n === "xmlns") scope[""] = v;
        else if (n.startsWith("xmlns:")) scope[n.slice(6)] = v;
        attrs[n] = v;
      }
      const parent = stack.length ? stack[stack.length - 1] : null;
      if (!parent && root) fail(`second root element <${name}>`);
      const el: XmlElement = {
        name,
        local: name.includes(":") ? name.slice(name.indexOf(":") + 1) : name,
        ns: resolve(name, scope, false),
        attrs,
        children: [],
        text: "",
        line: startLine,
        parent,
      };
      for (const n of Object.keys(attrs)) resolve(n, scope, true); // undeclared prefixes on attributes
      if (parent) parent.children.push(el);
      else root = el;
      if (!selfClosing) {
        stack.push(el);
        nsStack.push(scope);
      }
      advance(i + 1);
    }
  }
  if (stack.length) fail(`unclosed element <${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line})`);
  if (!root) fail("no root element");
  return root as unknown as XmlElement;
}

/** All descendants (depth first, document order), optionally filtered by local name. */
export function descendants(el: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement): void => {
    for (const c of e.children) {
      if (!local || c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

/** xsi:type of an element (prefix resolved loosely: any attribute named "<p>:type" bound to XSI). */
export function xsiType(el: XmlElement): string | undefined {
  for (const [k, v] of Object.entries(el.attrs)) if (/^[\w.-]+:type$/.test(k)) return v.replace(/^[\w.-]+:/, "");
  return undefined;
}

// ---------------------------------------------------------------------------------------------------
// Manifest checks
// ---------------------------------------------------------------------------------------------------

export const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  taskPaneOverrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
};

export const EXPECTED_NAMESPACE = "SOIL";
/** Office limits: resource ids and resids 32 chars; ShortStrings 125; LongStrings 250. */
export const LIMITS = { resid: 32, controlId: 125, shortString: 125, longString: 250, url: 2048 };

type ResourceKind = "Image" | "Url" | "ShortString" | "LongString";

export interface ManifestResource {
  kind: ResourceKind;
  id: string;
  value: string;
  overrides: { locale: string; value: string }[];
  line: number;
}

export interface ManifestCheckOptions {
  /** Folder holding the files the manifest's .../assets/ URLs point at (default: <repo>/assets). */
  assetsDir?: string;
  /** Expected custom-functions namespace (default "SOIL"). */
  namespace?: string;
}

export interface ManifestCheckResult {
  file: string;
  errors: string[];
  warnings: string[];
  /** Base URL of the add-in (directory of DefaultSettings/SourceLocation). */
  baseUrl?: string;
  resources: ManifestResource[];
}

export const REPO_ROOT = path.resolve(__dirname, "..");
export const DEFAULT_SCHEMA_DIR = path.resolve(REPO_ROOT, "../shared/manifest-schema");

/** Which kind of resource a `resid` on an element of this local name must point at. */
function expectedKind(el: XmlElement): ResourceKind | undefined {
  switch (el.local) {
    case "Image":
      return "Image";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
    case "Runtime":
      return "Url";
    case "Label":
    case "Title":
    case "Namespace":
      return "ShortString";
    case "Description":
      return "LongString";
    default:
      return undefined;
  }
}

/** PNG width/height from the IHDR chunk, or null if the file is not a PNG. */
export function pngSize(file: string): { width: number; height: number } | null {
  const buf = fs.readFileSync(file);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(sig) || buf.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export function checkManifestText(xml: string, file = "manifest.xml", options: ManifestCheckOptions = {}): ManifestCheckResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const result: ManifestCheckResult = { file, errors, warnings, resources: [] };
  const assetsDir = options.assetsDir ?? path.join(REPO_ROOT, "assets");
  const namespace = options.namespace ?? EXPECTED_NAMESPACE;

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    errors.push(`XML does not parse: ${(e as Error).message}`);
    return result;
  }
  const at = (el: XmlElement): string => `line ${el.line} <${el.name}>`;

  // --- root ---------------------------------------------------------------------------------------
  if (root.local !== "OfficeApp" || root.ns !== NS.officeApp) {
    errors.push(`root must be <OfficeApp xmlns="${NS.officeApp}">, found <${root.name}> in "${root.ns}"`);
  }
  if (xsiType(root) !== "TaskPaneApp") errors.push(`OfficeApp xsi:type must be TaskPaneApp (got ${xsiType(root)})`);
  const id = child(root, "Id")?.text.trim() ?? "";
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(id)) {
    errors.push(`<Id> must be a GUID (got "${id}")`);
  }
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(child(root, "Version")?.text.trim() ?? "")) errors.push("<Version> must look like 1.0.0.0");
  for (const name of ["ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"]) {
    if (!child(root, name)) errors.push(`missing <${name}>`);
  }
  const displayName = child(root, "DisplayName");
  for (const v of [displayName?.attrs.DefaultValue, ...(displayName?.children.map((o) => o.attrs.Value) ?? [])]) {
    if (v !== undefined && [...v].length > LIMITS.shortString) errors.push(`DisplayName longer than ${LIMITS.shortString}: "${v}"`);
  }
  const description = child(root, "Description");
  for (const v of [description?.attrs.DefaultValue, ...(description?.children.map((o) => o.attrs.Value) ?? [])]) {
    if (v !== undefined && [...v].length > LIMITS.longString) errors.push(`Description longer than ${LIMITS.longString} chars`);
  }
  const hosts = descendants(child(root, "Hosts") ?? root, "Host").filter((h) => h.parent?.parent === root);
  if (!hosts.some((h) => h.attrs.Name === "Workbook")) errors.push('<Hosts> must contain <Host Name="Workbook"/>');
  const sets = descendants(child(root, "Requirements") ?? root, "Set");
  // Requiring SharedRuntime would hide the add-in on Office 2019 (ExcelApi 1.7, no shared runtime), where the
  // pane still works with built-in formulas; the <Runtimes> element alone turns the shared runtime on where it exists.
  if (sets.some((s) => s.attrs.Name === "SharedRuntime")) errors.push("<Requirements> must not require SharedRuntime: Office 2019 would not load the add-in at all");
  if (!sets.some((s) => s.attrs.Name === "ExcelApi")) errors.push('<Requirements> must declare <Set Name="ExcelApi" …/>');
  const permissions = child(root, "Permissions")?.text.trim();
  if (permissions && !["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"].includes(permissions)) {
    errors.push(`unknown <Permissions> value "${permissions}"`);
  }
  const sourceLocation = child(child(root, "DefaultSettings"), "SourceLocation")?.attrs.DefaultValue;
  if (sourceLocation) result.baseUrl = sourceLocation.replace(/[^/]*$/, "");

  // --- URLs: every URL-bearing value must be https -------------------------------------------------
  const urlValues: { value: string; where: string }[] = [];
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = child(root, name);
    if (!el) continue;
    urlValues.push({ value: el.attrs.DefaultValue ?? "", where: at(el) });
    for (const o of el.children) urlValues.push({ value: o.attrs.Value ?? "", where: at(o) });
  }
  for (const el of descendants(child(root, "AppDomains") ?? root, "AppDomain")) urlValues.push({ value: el.text.trim(), where: at(el) });
  const ds = child(child(root, "DefaultSettings"), "SourceLocation");
  if (ds) {
    urlValues.push({ value: ds.attrs.DefaultValue ?? "", where: at(ds) });
    for (const o of ds.children) urlValues.push({ value: o.attrs.Value ?? "", where: at(o) });
  }

  // --- VersionOverrides ----------------------------------------------------------------------------
  const vo = child(root, "VersionOverrides");
  if (!vo) {
    errors.push("missing <VersionOverrides> (needed for the ribbon button, shared runtime and custom functions)");
  } else {
    if (vo.ns !== NS.taskPaneOverrides) errors.push(`VersionOverrides must be in namespace ${NS.taskPaneOverrides}`);
    if (xsiType(vo) !== "VersionOverridesV1_0") errors.push(`VersionOverrides xsi:type must be VersionOverridesV1_0`);

    // Resources.
    const resources = child(vo, "Resources");
    const byId = new Map<string, ManifestResource>();
    const groups: [string, ResourceKind][] = [
      ["Images", "Image"],
      ["Urls", "Url"],
      ["ShortStrings", "ShortString"],
      ["LongStrings", "LongString"],
    ];
    for (const [groupName, kind] of groups) {
      const group = child(resources, groupName);
      for (const r of group?.children ?? []) {
        const rid = r.attrs.id ?? "";
        const res: ManifestResource = {
          kind,
          id: rid,
          value: r.attrs.DefaultValue ?? "",
          overrides: r.children.filter((o) => o.local === "Override").map((o) => ({ locale: o.attrs.Locale ?? "", value: o.attrs.Value ?? "" })),
          line: r.line,
        };
        if (!rid) errors.push(`${at(r)} has no id`);
        else if (byId.has(rid)) errors.push(`duplicate resource id "${rid}" (${at(r)})`);
        if ([...rid].length > LIMITS.resid) errors.push(`resource id "${rid}" is longer than ${LIMITS.resid} characters`);
        if (!res.value) errors.push(`resource "${rid}" has no DefaultValue`);
        for (const o of res.overrides) {
          if (!o.locale || !o.value) errors.push(`resource "${rid}" has an Override without Locale or Value`);
        }
        const limit = kind === "ShortString" ? LIMITS.shortString : kind === "LongString" ? LIMITS.longString : LIMITS.url;
        for (const v of [res.value, ...res.overrides.map((o) => o.value)]) {
          if ([...v].length > limit) errors.push(`resource "${rid}" value is longer than ${limit} characters`);
        }
        if (kind === "Image" || kind === "Url") {
          urlValues.push({ value: res.value, where: at(r) });
          for (const o of res.overrides) urlValues.push({ value: o.value, where: `${at(r)} Override ${o.locale}` });
        }
        byId.set(rid, res);
        result.resources.push(res);
      }
    }

    // Every resid resolves, to the right kind, and fits 32 chars.
    const used = new Set<string>();
    for (const el of descendants(vo)) {
      const resid = el.attrs.resid;
      if (resid === undefined) continue;
      used.add(resid);
      if ([...resid].length > LIMITS.resid) errors.push(`${at(el)} resid "${resid}" is longer than ${LIMITS.resid} characters`);
      const res = byId.get(resid);
      if (!res) {
        errors.push(`${at(el)} resid "${resid}" does not match any resource id`);
        continue;
      }
      const kind = expectedKind(el);
      if (kind && res.kind !== kind) errors.push(`${at(el)} resid "${resid}" must point at a ${kind} resource, not ${res.kind}`);
    }
    for (const res of result.resources) {
      if (!used.has(res.id)) warnings.push(`resource "${res.id}" is never used`);
    }
    // Ids of tabs, groups and controls.
    for (const el of descendants(vo)) {
      if (!["CustomTab", "OfficeTab", "Group", "Control"].includes(el.local)) continue;
      const cid = el.attrs.id ?? "";
      if (!cid) errors.push(`${at(el)} has no id`);
      if ([...cid].length > LIMITS.controlId) errors.push(`${at(el)} id longer than ${LIMITS.controlId} characters`);
    }

    const host = descendants(vo, "Host").find((h) => xsiType(h) === "Workbook");
    if (!host) {
      errors.push('VersionOverrides has no <Host xsi:type="Workbook">');
    } else {
      // Shared runtime.
      const runtime = child(child(host, "Runtimes"), "Runtime");
      if (!runtime) errors.push("missing <Runtimes><Runtime .../></Runtimes> (shared runtime) in the Workbook host");
      else if (runtime.attrs.lifetime !== "long") errors.push('<Runtime> needs lifetime="long" for a shared runtime');
      const runtimeResid = runtime?.attrs.resid;

      // Custom functions.
      const cf = descendants(child(host, "AllFormFactors") ?? host, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions");
      if (!cf) {
        errors.push('missing <AllFormFactors><ExtensionPoint xsi:type="CustomFunctions">');
      } else {
        for (const part of ["Script", "Page", "Metadata"]) {
          if (!child(child(cf, part), "SourceLocation")?.attrs.resid) errors.push(`CustomFunctions <${part}> has no <SourceLocation resid>`);
        }
        const pageResid = child(child(cf, "Page"), "SourceLocation")?.attrs.resid;
        if (runtimeResid && pageResid !== runtimeResid) {
          errors.push(`CustomFunctions <Page> resid "${pageResid}" must equal the shared <Runtime> resid "${runtimeResid}"`);
        }
        const nsEl = child(cf, "Namespace");
        const nsValue = nsEl?.attrs.resid ? byId.get(nsEl.attrs.resid)?.value : undefined;
        if (nsValue !== namespace) errors.push(`custom functions Namespace must be "${namespace}" (got ${JSON.stringify(nsValue)})`);
        const metaResid = child(child(cf, "Metadata"), "SourceLocation")?.attrs.resid;
        const meta = metaResid ? byId.get(metaResid) : undefined;
        if (meta && !/\.json$/i.test(meta.value)) errors.push(`custom functions metadata URL should end in .json: ${meta.value}`);
      }
      // Desktop form factor.
      const desktop = child(host, "DesktopFormFactor");
      const functionFile = child(desktop, "FunctionFile")?.attrs.resid;
      if (desktop && runtimeResid && functionFile !== undefined && functionFile !== runtimeResid) {
        errors.push(`<FunctionFile> resid "${functionFile}" must equal the shared <Runtime> resid "${runtimeResid}"`);
      }
      const showTaskpane = desktop ? descendants(desktop, "Action").filter((a) => xsiType(a) === "ShowTaskpane") : [];
      if (desktop && showTaskpane.length === 0) warnings.push("no ribbon button opens the task pane (ShowTaskpane action)");
      for (const a of showTaskpane) {
        const r = child(a, "SourceLocation")?.attrs.resid;
        if (runtimeResid && r !== runtimeResid) errors.push(`ShowTaskpane SourceLocation "${r}" must equal the shared <Runtime> resid "${runtimeResid}"`);
        if (!child(a, "TaskpaneId")?.text.trim()) warnings.push("ShowTaskpane action without <TaskpaneId>");
      }
      const taskpaneUrl = runtimeResid ? byId.get(runtimeResid)?.value : undefined;
      if (taskpaneUrl && sourceLocation && taskpaneUrl !== sourceLocation) {
        warnings.push(`DefaultSettings SourceLocation (${sourceLocation}) differs from the shared runtime page (${taskpaneUrl})`);
      }
    }
  }

  for (const { value, where } of urlValues) {
    let u: URL | undefined;
    try {
      u = new URL(value);
    } catch {
      errors.push(`${where}: not an absolute URL: "${value}"`);
      continue;
    }
    if (u.protocol !== "https:") errors.push(`${where}: URL must be https: ${value}`);
  }

  // --- Icons and other files under <base>/assets/ must exist locally -------------------------------
  if (result.baseUrl) {
    const assetsPrefix = result.baseUrl + "assets/";
    const checkAsset = (url: string, where: string, size?: number): void => {
      if (!url.startsWith(assetsPrefix)) return;
      const rel = decodeURIComponent(url.slice(assetsPrefix.length).split(/[?#]/)[0]);
      const file = path.join(assetsDir, rel);
      if (!fs.existsSync(file)) {
        errors.push(`${where}: ${url} -> missing file ${path.relative(REPO_ROOT, file) || file}`);
        return;
      }
      if (size !== undefined) {
        const dim = pngSize(file);
        if (!dim) errors.push(`${where}: ${rel} is not a PNG`);
        else if (dim.width !== size || dim.height !== size) errors.push(`${where}: ${rel} is ${dim.width}x${dim.height}, expected ${size}x${size}`);
      }
    };
    const iconUrl = child(root, "IconUrl");
    if (iconUrl) checkAsset(iconUrl.attrs.DefaultValue ?? "", at(iconUrl), 32);
    const hiRes = child(root, "HighResolutionIconUrl");
    if (hiRes) checkAsset(hiRes.attrs.DefaultValue ?? "", at(hiRes), 64);
    const support = child(root, "SupportUrl");
    if (support) checkAsset(support.attrs.DefaultValue ?? "", at(support));
    // bt:Image resources: size from the <bt:Image size=".."> references that use them.
    const sizes = new Map<string, Set<number>>();
    if (vo) {
      for (const el of descendants(vo, "Image")) {
        if (el.attrs.resid && el.attrs.size) {
          const s = sizes.get(el.attrs.resid) ?? new Set<number>();
          s.add(Number(el.attrs.size));
          sizes.set(el.attrs.resid, s);
        }
      }
    }
    for (const res of result.resources) {
      if (res.kind !== "Image" && res.kind !== "Url") continue;
      const declared = sizes.get(res.id);
      if (declared && declared.size > 1) errors.push(`image resource "${res.id}" is used with several sizes: ${[...declared].join(", ")}`);
      const size = res.kind === "Image" && declared?.size === 1 ? [...declared][0] : undefined;
      for (const v of [res.value, ...res.overrides.map((o) => o.value)]) checkAsset(v, `resource "${res.id}"`, size);
    }
  } else {
    errors.push("cannot determine the add-in base URL from <DefaultSettings><SourceLocation>");
  }
  return result;
}

export function checkManifestFile(file: string, options: ManifestCheckOptions = {}): ManifestCheckResult {
  return checkManifestText(fs.readFileSync(file, "utf8"), file, options);
}

// ---------------------------------------------------------------------------------------------------
// XSD validation with xmllint (optional: needs libxml2-utils and ../shared/manifest-schema)
// ---------------------------------------------------------------------------------------------------

export interface SchemaResult {
  status: "valid" | "invalid" | "skipped";
  /** Why it was skipped, or xmllint's diagnostics. */
  message: string;
}

export function runXmllint(file: string, schemaDir: string = DEFAULT_SCHEMA_DIR): SchemaResult {
  const xsd = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");
  if (!fs.existsSync(xsd)) {
    return { status: "skipped", message: `schema not found: ${xsd} (the shared/manifest-schema folder is not beside the repository)` };
  }
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", xsd, file], { encoding: "utf8" });
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code;
    return {
      status: "skipped",
      message: code === "ENOENT" ? "xmllint is not installed (apt-get install libxml2-utils)" : `xmllint failed to start: ${run.error.message}`,
    };
  }
  const output = `${run.stdout ?? ""}${run.stderr ?? ""}`.trim();
  return run.status === 0 ? { status: "valid", message: output } : { status: "invalid", message: output || `xmllint exit ${run.status}` };
}

/**
 * Every URL under the manifest's base URL (pages, scripts, metadata incl. locale overrides, icons) mapped
 * onto a build folder such as dist/: returns the URLs whose file is missing there.
 */
export function missingBuiltFiles(result: ManifestCheckResult, buildDir: string): string[] {
  const base = result.baseUrl;
  if (!base) return ["(no base URL)"];
  const urls = new Set<string>();
  for (const r of result.resources) {
    if (r.kind !== "Image" && r.kind !== "Url") continue;
    for (const v of [r.value, ...r.overrides.map((o) => o.value)]) if (v.startsWith(base)) urls.add(v);
  }
  return [...urls].filter((u) => {
    const rel = decodeURIComponent(u.slice(base.length).split(/[?#]/)[0]);
    return !fs.existsSync(path.join(buildDir, rel));
  });
}
