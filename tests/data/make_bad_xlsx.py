#!/usr/bin/env python3
"""Writes the XLSX files of the bad-input corpus (tests/data/bad): workbooks as Excel lays them
out, each with one fault. Usage: make_bad_xlsx.py tests/data/bad"""
import zipfile, sys
CT = '''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>%s</Types>'''
def workbook(path, sheets, shared=None, extra=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        over = "".join(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
        z.writestr("[Content_Types].xml", CT % over)
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' + "".join(f'<sheet name="{n}" sheetId="{i+1}" r:id="rId{i+1}"/>' for i, (n, _) in enumerate(sheets)) + '</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' + "".join(f'<Relationship Id="rId{i+1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i+1}.xml"/>' for i in range(len(sheets))) + '</Relationships>')
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">%s</sst>' % (len(shared), len(shared), "".join(shared)))
        for i, (n, rows) in enumerate(sheets):
            z.writestr(f"xl/worksheets/sheet{i+1}.xml", '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows + '</sheetData></worksheet>')
        for name, data in (extra or {}).items():
            z.writestr(name, data)
bad = sys.argv[1]
import os
# Shared string index out of range.
workbook(os.path.join(bad, "bad_shared_string.xlsx"), [("Verbindungen", '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>7</v></c></row>')], shared=['<si><t>Von</t></si>', '<si><t>Nach</t></si>'])
# A link to an unknown actor, row 3 of sheet Verbindungen.
workbook(os.path.join(bad, "unknown_actor.xlsx"), [
    ("Akteure", '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Jobcenter</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>VHS</t></is></c></row>'),
    ("Verbindungen", '<row r="1"><c r="A1" t="inlineStr"><is><t>Von</t></is></c><c r="B1" t="inlineStr"><is><t>Nach</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Jobcenter</t></is></c><c r="B2" t="inlineStr"><is><t>VHS</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>Jobcenter</t></is></c><c r="B3" t="inlineStr"><is><t>Caritas</t></is></c></row>')])
# A sheet that unpacks to more than 256 MB (a ZIP bomb): a quarter of a megabyte on disk.
with zipfile.ZipFile(os.path.join(bad, "zip_bomb.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Akteure" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr("xl/worksheets/sheet1.xml", b" " * (257 << 20))
# A ZIP without a workbook (an OpenDocument file renamed), and a text file named .xlsx.
with zipfile.ZipFile(os.path.join(bad, "no_workbook.xlsx"), "w") as z:
    z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", "<office:document-content/>")
open(os.path.join(bad, "text.xlsx"), "w").write("Von;Nach\nJobcenter;VHS\n")
