/**
 * Sheet (AgentGym's agentenv-tool, Toolusage's sheet env) on AgentGym's 20 tasks, offline.
 * AgentGym copies a reference Google spreadsheet for every episode and drives it with gspread; we
 * keep the same workbook (static-data/tools-sheet.json, from AgentGym's xlsx) in memory, pristine
 * again on every reset, with Toolusage's tools, result texts and scoring (tools.ts).
 * - Differences: Google's own API errors carry messages of ours (`APIError({...})`); a formula
 *   typed into a cell is computed for AgentGym's seven functions and arithmetic (other functions
 *   show #NAME?), and USER_ENTERED strings are not read as dates or percentages; sheet ids are
 *   ours; regex patterns that can backtrack catastrophically are refused (regex.ts); a call
 *   that raises (a missing argument) leaves `done` as it was, where AgentGym's env sets it false.
 * - Kept on purpose: the Answer sheets can be opened (and opening one scores), del_sheet never
 *   deletes (gspread wants a Worksheet, the tool passes a name), a failed get_value_by_formula
 *   can leave its scratch column behind, and a sort without frozen rows sorts the header too.
 */
import type { WorkbookData } from './workbook.ts';
import { toolModule } from '../tools/module.ts';
import { solveSheet } from './solutions.ts';
import { sheetSuite } from './tools.ts';

export const module = toolModule(
  'tools-sheet.json',
  (d) => {
    const { formats, sheets } = d as Partial<WorkbookData>;
    if (!Array.isArray(formats) || !Array.isArray(sheets)) throw new Error('tools-sheet.json: no workbook');
    return sheetSuite({ formats, sheets });
  },
  solveSheet,
);
