/**
 * A master that carries what offices add in Excel and exceljs cannot round-trip, crafted by zip
 * manipulation of a master SOIL wrote: a legacy sheet password (as LibreOffice and WPS write it), an
 * allow-edit range per department, workbook protection, an office's own data validation, a comment
 * (comments part + VML), a chart on 部门汇总 (drawing + chart parts), the add-in's webextension parts,
 * dynamic-array metadata (metadata.xml + cm= on cells) and custom document properties.
 */
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const ct = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;

function insertBefore(xml: string, marker: RegExp, text: string): string {
  const m = marker.exec(xml);
  if (!m) throw new Error(`marker ${marker} not found`);
  return xml.slice(0, m.index) + text + xml.slice(m.index);
}

/** The parts this fixture adds (all must come out of a merge byte for byte). */
export const ADDED_PARTS = [
  "xl/comments1.xml",
  "xl/drawings/vmlDrawing1.vml",
  "xl/drawings/drawing1.xml",
  "xl/drawings/_rels/drawing1.xml.rels",
  "xl/charts/chart1.xml",
  "xl/webextensions/taskpanes.xml",
  "xl/webextensions/webextension1.xml",
  "xl/webextensions/_rels/taskpanes.xml.rels",
  "xl/metadata.xml",
  "docProps/custom.xml",
  "xl/worksheets/_rels/sheet2.xml.rels",
];

/** An office validation of its own on 延期理由 (M): at most 200 characters. */
export const OFFICE_VALIDATION = '<dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" showErrorMessage="1" error="延期理由不超过200字" sqref="M2:M196"><formula1>200</formula1></dataValidation>';
export const LEGACY_PROTECTION = '<sheetProtection password="ABCD" sheet="1" objects="1" scenarios="1"/>';
export const ALLOW_EDIT_RANGES = '<protectedRanges><protectedRange sqref="H2:N196" name="部门填报"/></protectedRanges>';

export async function richMaster(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (part: string) => zip.file(part)!.async("string");
  /** Relationships added to a part's existing .rels. */
  const addRelationships = async (rels: string, relationships: string) => zip.file(rels, insertBefore(await text(rels), /<\/Relationships>/, relationships));

  let tasks = await text("xl/worksheets/sheet1.xml");
  tasks = insertBefore(tasks, /<conditionalFormatting/, LEGACY_PROTECTION + ALLOW_EDIT_RANGES);
  tasks = tasks.replace(/<dataValidations count="(\d+)">/, (_, n) => `<dataValidations count="${Number(n) + 1}">`).replace("</dataValidations>", `${OFFICE_VALIDATION}</dataValidations>`);
  tasks = insertBefore(tasks, /<tableParts/, '<legacyDrawing r:id="rIdVml1"/>');
  // A spilled formula's anchor (dynamic array) in a computed cell the merge does not touch.
  tasks = tasks.replace(/<c r="P2" s="(\d+)"><f>/, '<c r="P2" s="$1" cm="1"><f>');
  zip.file("xl/worksheets/sheet1.xml", tasks);
  await addRelationships(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<Relationship Id="rIdCom1" Type="${REL}/comments" Target="../comments1.xml"/><Relationship Id="rIdVml1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`,
  );
  zip.file(
    "xl/comments1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>督办办公室</author></authors><commentList><comment ref="D2" authorId="0"><text><r><t xml:space="preserve">请核实此要求的牵头单位</t></r></text></comment></commentList></comments>`,
  );
  zip.file(
    "xl/drawings/vmlDrawing1.vml",
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:200pt;margin-top:10pt;width:120pt;height:60pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>4, 15, 1, 10, 6, 15, 5, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>3</x:Column></x:ClientData></v:shape></xml>`,
  );

  // A chart of 部门汇总's counts.
  let summary = await text("xl/worksheets/sheet2.xml");
  summary = insertBefore(summary, /<extLst>|<\/worksheet>/, '<drawing r:id="rIdDr1"/>');
  summary = summary.replace(/<c r="B2">/, '<c r="B2" cm="1">');
  zip.file("xl/worksheets/sheet2.xml", summary);
  zip.file("xl/worksheets/_rels/sheet2.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdDr1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`);
  zip.file(
    "xl/drawings/drawing1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="部门任务数"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rIdCh1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  zip.file("xl/drawings/_rels/drawing1.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdCh1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`);
  zip.file(
    "xl/charts/chart1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'部门汇总'!$A$2:$A$28</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>'部门汇总'!$B$2:$B$28</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );

  // The add-in itself (Office stores an inserted add-in's pane as webextension parts).
  zip.file(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref xmlns:r="${REL}" r:id="rIdWe1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  zip.file("xl/webextensions/_rels/taskpanes.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdWe1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`);
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{0B3E5C4D-6F70-4A1B-9C2D-3E4F5A6B7C8D}"><we:reference id="8f1b1c0e-soil" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties><we:bindings/><we:snapshot xmlns:r="${REL}"/></we:webextension>`,
  );
  zip.file(
    "xl/metadata.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<metadata xmlns="${MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
  );
  zip.file(
    "docProps/custom.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="督办文号"><vt:lpwstr>邯环督〔2018〕12号</vt:lpwstr></property></Properties>`,
  );

  await addRelationships(
    "_rels/.rels",
    `<Relationship Id="rIdWeb" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/><Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>`,
  );
  await addRelationships("xl/_rels/workbook.xml.rels", `<Relationship Id="rIdMeta" Type="${REL}/sheetMetadata" Target="metadata.xml"/>`);
  const workbook = await text("xl/workbook.xml");
  zip.file("xl/workbook.xml", insertBefore(workbook, /<bookViews/, '<workbookProtection lockStructure="1"/>'));

  const types = await text("[Content_Types].xml");
  const office = "application/vnd.openxmlformats-officedocument";
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      ct("/xl/comments1.xml", `${office}.spreadsheetml.comments+xml`) +
        ct("/xl/drawings/drawing1.xml", `${office}.drawing+xml`) +
        ct("/xl/charts/chart1.xml", `${office}.drawingml.chart+xml`) +
        ct("/xl/webextensions/taskpanes.xml", "application/vnd.ms-office.webextensiontaskpanes+xml") +
        ct("/xl/webextensions/webextension1.xml", "application/vnd.ms-office.webextension+xml") +
        ct("/xl/metadata.xml", `${office}.spreadsheetml.sheetMetadata+xml`) +
        ct("/docProps/custom.xml", `${office}.custom-properties+xml`) +
        "</Types>",
    ),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
