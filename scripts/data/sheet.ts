/**
 * Sheet's data: AgentGym's workbook (scripts/data/agentgym-tools/test-sheet-for-copy.xlsx, the
 * "Test Sheet-For Copy.xlsx" its env copies to Google Sheets on every reset) converted to plain
 * data: each worksheet's values, number formats, merges and notes. The xlsx is a zip of
 * SpreadsheetML; this workbook uses only shared strings and numbers (no formulas), seven number
 * formats and legacy comments (gspread's notes), so a small reader covers it and refuses the rest.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { KNOWN_FORMATS, type CellValue, type NumberFormat } from '../../workers/envs/sheet/display.ts';
import { cellIndex, type WorkbookData, type WorksheetData } from '../../workers/envs/sheet/workbook.ts';
import { pyRepr } from '../../workers/envs/tools/py.ts';
import type { TaskRecord } from '../../workers/envs/tools/tasks.ts';
import type { DataGenerator } from './index.ts';

/** Excel's built-in number formats that the workbook refers to by id. */
const BUILT_IN: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 49: '@' };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e] ?? m;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** All the text runs of a shared string or a comment, joined. */
const text = (xml: string) => [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescape(m[1])).join('');

/** Resolves a relationship target against the folder of the part that refers to it. */
function resolve(from: string, target: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

function relationships(files: Record<string, string>, part: string): Map<string, string> {
  const at = part.split('/');
  const rels = files[[...at.slice(0, -1), '_rels', `${at.at(-1)}.rels`].join('/')] ?? '';
  return new Map([...rels.matchAll(/<Relationship\s[^>]*>/g)].map((m) => [attr(m[0], 'Id')!, resolve(part, attr(m[0], 'Target')!)]));
}

export function readWorkbook(xlsx: Uint8Array): WorkbookData {
  const files = Object.fromEntries(Object.entries(unzipSync(xlsx)).map(([k, v]) => [k, strFromU8(v)]));
  const strings = [...(files['xl/sharedStrings.xml'] ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => text(m[1]));
  const styles = files['xl/styles.xml'];
  const custom = new Map([...styles.matchAll(/<numFmt\s[^>]*>/g)].map((m) => [Number(attr(m[0], 'numFmtId')), unescape(attr(m[0], 'formatCode')!)]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const formats: NumberFormat[] = [];
  /** Style index -> index into `formats`. */
  const styleFormat = [...xfs.matchAll(/<xf\s[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = BUILT_IN[id] ?? custom.get(id);
    if (!(KNOWN_FORMATS as readonly (string | undefined)[]).includes(code)) throw new Error(`Number format ${id} (${code}) is not rendered`);
    if (!formats.includes(code as NumberFormat)) formats.push(code as NumberFormat);
    if (formats.length > 10) throw new Error('More than 10 number formats: the one-digit format grid cannot hold them');
    return formats.indexOf(code as NumberFormat);
  });
  const book = relationships(files, 'xl/workbook.xml');
  const sheets = [...files['xl/workbook.xml'].matchAll(/<sheet\s[^>]*>/g)].map((m): WorksheetData => {
    const part = book.get(attr(m[0], 'r:id')!)!;
    return readSheet(unescape(attr(m[0], 'name')!), part, files, strings, styleFormat);
  });
  return { formats, sheets };
}

function readSheet(name: string, part: string, files: Record<string, string>, strings: string[], styleFormat: number[]): WorksheetData {
  const xml = files[part];
  const cells: { r: number; c: number; value: CellValue; format: number }[] = [];
  for (const m of xml.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const tag = ` ${m[1]}`;
    const [r, c] = cellIndex(attr(tag, 'r')!);
    const type = attr(tag, 't');
    const v = /<v>([^<]*)<\/v>/.exec(m[2] ?? '')?.[1];
    if ((m[2] ?? '').includes('<f')) throw new Error(`${name}: formulas are not read`);
    let value: CellValue = null;
    if (v !== undefined) {
      if (type === 's') value = strings[Number(v)];
      else if (type === undefined || type === 'n') value = Number(v);
      else throw new Error(`${name}: cell type ${type} is not read`);
    }
    cells.push({ r, c, value, format: styleFormat[Number(attr(tag, 's') ?? 0)] });
  }
  const rows = Math.max(0, ...cells.map((x) => x.r + 1));
  const cols = Math.max(0, ...cells.map((x) => x.c + 1));
  const values: CellValue[][] = Array.from({ length: rows }, () => Array<CellValue>(cols).fill(null));
  // Cells never written keep the General format (index of 'General' is 0: style 0 is General).
  const formats: number[][] = Array.from({ length: rows }, () => Array<number>(cols).fill(styleFormat[0]));
  for (const x of cells) {
    values[x.r][x.c] = x.value;
    formats[x.r][x.c] = x.format;
  }
  const merges = [...xml.matchAll(/<mergeCell\s[^>]*>/g)].map((mm) => attr(mm[0], 'ref')!);
  const notes: Record<string, string> = {};
  for (const [, target] of relationships(files, part)) {
    if (!/comments\d*\.xml$/.test(target)) continue;
    for (const cm of files[target].matchAll(/<comment\s([^>]*)>([\s\S]*?)<\/comment>/g)) notes[attr(` ${cm[1]}`, 'ref')!] = text(cm[2]);
  }
  return { name, values, formats: formats.map((row) => row.join('')), merges, notes };
}

export function readAgentGymWorkbook(): WorkbookData {
  return readWorkbook(readFileSync(join(import.meta.dirname, 'agentgym-tools', 'test-sheet-for-copy.xlsx')));
}

/** One of AgentGym's 20 Sheet tasks: the goal, the expected displayed sheet and the reference action path. */
export interface SheetTaskRecord {
  id: number;
  goal: string;
  answer: string[][];
  path: string;
}

export function readSheetTasks(): SheetTaskRecord[] {
  return readFileSync(join(import.meta.dirname, 'agentgym-tools', 'sheet.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      const t = JSON.parse(line) as { id: number; goal: string; subgoals: string; additional_info: { answer: string } };
      const answer: unknown = JSON.parse(t.additional_info.answer);
      if (t.id !== i || !Array.isArray(answer) || !answer.every((row) => Array.isArray(row) && row.every((s) => typeof s === 'string'))) throw new Error(`sheet.jsonl line ${i + 1}: bad task`);
      return { id: i, goal: t.goal, answer: answer as string[][], path: t.subgoals };
    });
}

/**
 * The tasks as the tool envs ship them: the single gold "subgoal" is the expected sheet (Sheet
 * scores the open sheet against it, not subgoals). It is AgentGym's, and holds here unchanged, as
 * our workbook is AgentGym's; the oracle test checks that it is reachable.
 */
function taskRecords(): TaskRecord[] {
  return readSheetTasks().map((t) => {
    const gold = pyRepr([t.answer]);
    return { id: t.id, goal: t.goal, init: null, agentgym: gold, ours: gold };
  });
}

export const sheetData: DataGenerator = () => ({ 'tools-sheet.json': JSON.stringify({ ...readAgentGymWorkbook(), tasks: taskRecords() }) + '\n' });
