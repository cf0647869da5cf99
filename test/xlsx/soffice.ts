/**
 * LibreOffice Calc, headless, as a real spreadsheet engine for the tests: it recalculates every
 * formula of a written workbook and exports what it computed, or re-saves the file as .xlsx.
 * Missing soffice is a test failure, not a skip: CI installs it.
 */
import { execFileSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { pathToFileURL } from "url";

const INSTALL_HINT = "LibreOffice is required: apt-get install -y --no-install-recommends libreoffice-calc-nogui";

export function sofficeBinary(): string {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(dir, "soffice");
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error(`soffice not found on PATH. ${INSTALL_HINT}`);
}

/**
 * A fresh user profile. By default LibreOffice keeps the results cached in an .xlsx; mode 0
 * ("always recalculate") makes it compute every formula on load, which is what these tests check.
 */
export function recalculatingProfile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "soil-lo-profile-"));
  mkdirSync(path.join(dir, "user"), { recursive: true });
  writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

const LIBRARY_LIST = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
`;

/**
 * A Basic macro that opens a workbook in a hidden view and writes what that view shows: headless
 * --convert-to opens files without any view, so view settings (frozen panes) can only be seen this way.
 */
const PROBE_MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Probe" script:language="StarBasic">
Sub FrozenPanes(inUrl As String, outFile As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, args())
  n = FreeFile
  Open outFile For Output As #n
  For i = 0 To doc.Sheets.getCount() - 1
    doc.getCurrentController().setActiveSheet(doc.Sheets.getByIndex(i))
    c = doc.getCurrentController()
    Print #n, doc.Sheets.getByIndex(i).getName() &amp; Chr(9) &amp; c.hasFrozenPanes() &amp; Chr(9) &amp; c.getSplitRow() &amp; Chr(9) &amp; c.getSplitColumn()
  Next i
  Close #n
  doc.close(True)
End Sub
</script:module>
`;

function installProbeMacro(profile: string): void {
  const basic = path.join(profile, "user", "basic");
  // A new profile gets LibreOffice's preset Basic library on first start, over whatever is there.
  if (!existsSync(path.join(basic, "script.xlc"))) runSoffice(profile, ["--terminate_after_init"]);
  mkdirSync(path.join(basic, "Standard"), { recursive: true });
  writeFileSync(path.join(basic, "script.xlc"), LIBRARY_LIST);
  writeFileSync(path.join(basic, "dialog.xlc"), LIBRARY_LIST);
  writeFileSync(
    path.join(basic, "Standard", "script.xlb"),
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Probe"/>
</library:library>
`,
  );
  writeFileSync(
    path.join(basic, "Standard", "dialog.xlb"),
    `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false"/>
`,
  );
  writeFileSync(path.join(basic, "Standard", "Probe.xba"), PROBE_MODULE);
}

export interface FrozenPanes {
  sheet: string;
  frozen: boolean;
  splitRow: number;
  splitColumn: number;
}

/** The frozen panes LibreOffice shows for each sheet when it opens the file. */
export function frozenPanes(file: string, profile: string): FrozenPanes[] {
  installProbeMacro(profile);
  const out = path.join(profile, "frozen-panes.txt");
  const macro = `macro:///Standard.Probe.FrozenPanes("${pathToFileURL(file).href}","${out}")`;
  runSoffice(profile, [macro]);
  if (!existsSync(out)) throw new Error("the LibreOffice probe macro wrote nothing");
  return readFileSync(out, "utf8")
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => {
      const [sheet, frozen, row, column] = line.split("\t");
      return { sheet, frozen: frozen === "True", splitRow: Number(row), splitColumn: Number(column) };
    });
}

/** One soffice run converting several files (one start-up, ~1-3 s, instead of one per file). */
export function convert(files: string[], filter: string, outDir: string, profile: string): void {
  mkdirSync(outDir, { recursive: true });
  runSoffice(profile, ["--convert-to", filter, "--outdir", outDir, ...files]);
}

function runSoffice(profile: string, args: string[]): void {
  execFileSync(sofficeBinary(), [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", ...args], {
    stdio: "pipe",
    timeout: 180_000,
    // A neutral locale: TRUE/FALSE and dates as the tests expect them.
    env: { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8" },
  });
}

/**
 * CSV filter options: comma, double quote, UTF-8 (76), from line 1, cell contents as shown
 * (token 9 true: dates as yyyy-mm-dd, 0.0% as a percent), and token 12 = -1: every sheet to its own
 * file named <base>-<sheet>.csv (LibreOffice 7.2 and later).
 */
const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/** Every sheet of every workbook as LibreOffice computed it: file → sheet name → rows of cells. */
export function computedSheets(files: string[], sheets: readonly string[], outDir: string, profile: string): Map<string, Map<string, string[][]>> {
  convert(files, CSV_ALL_SHEETS, outDir, profile);
  const result = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const base = path.basename(file, path.extname(file));
    const bySheet = new Map<string, string[][]>();
    for (const sheet of sheets) {
      const csv = path.join(outDir, `${base}-${sheet}.csv`);
      if (!existsSync(csv)) throw new Error(`LibreOffice wrote no ${csv}`);
      bySheet.set(sheet, parseCsv(readFileSync(csv, "utf8")));
    }
    result.set(file, bySheet);
  }
  return result;
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
