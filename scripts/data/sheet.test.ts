import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { allValues } from '../../workers/envs/sheet/workbook.ts';
import { readAgentGymWorkbook, readSheetTasks, readWorkbook } from './sheet.ts';

describe("Sheet's workbook", () => {
  const book = readAgentGymWorkbook();
  const sheet = (name: string) => book.sheets.find((s) => s.name === name)!;

  it('has Sheet1..Sheet21 and Answer1..Answer21', () => {
    expect(book.sheets.map((s) => s.name)).toEqual(Array.from({ length: 21 }, (_, i) => [`Sheet${i + 1}`, `Answer${i + 1}`]).flat());
  });

  it("shows every task's Answer sheet exactly as AgentGym's expected answer (values, formats, merges)", () => {
    for (const t of readSheetTasks()) expect(allValues(sheet(`Answer${t.id + 1}`), book.formats), `task ${t.id}`).toEqual(t.answer);
  });

  it('keeps number formats, notes and merges', () => {
    expect(allValues(sheet('Sheet1'), book.formats)[1]).toEqual(['beef', 'Meat', '8.50', '13.00', '0.10', 'Store A', '4.5']);
    expect(sheet('Sheet12').notes.A5).toBe('Physics: 82');
    expect(sheet('Answer15').merges).toEqual(['F4:F5', 'F6:F7', 'F8:F12']);
  });

  it('refuses what it does not read rather than show it wrongly', () => {
    const xlsx = (cell: string, numFmt = '') =>
      zipSync({
        'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/styles.xml': strToU8(`<styleSheet>${numFmt}<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="165"/></cellXfs></styleSheet>`),
        'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData><row r="1">${cell}</row></sheetData></worksheet>`),
      });
    const fmt = '<numFmts><numFmt numFmtId="165" formatCode="0.00"/></numFmts>';
    const small = readWorkbook(xlsx('<c r="B1" s="1"><v>3</v></c>', fmt));
    expect(allValues(small.sheets[0], small.formats)).toEqual([['', '3.00']]);
    expect(() => readWorkbook(xlsx('<c r="A1"><f>SUM(B1)</f><v>3</v></c>', fmt))).toThrow(/formulas/);
    expect(() => readWorkbook(xlsx('<c r="A1" t="b"><v>1</v></c>', fmt))).toThrow(/cell type b/);
    expect(() => readWorkbook(xlsx('', '<numFmts><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>'))).toThrow(/not rendered/);
  });
});
