/**
 * The string Google Sheets displays for a cell (what gspread's get_all_values returns), for the
 * number formats AgentGym's workbook uses: General, 0, 0.0, 0.00, #,##0, #,##0.00 and @ (text).
 * Sheet's reward compares these strings, so `68` under `0.00` must read `68.00`.
 */

/** A cell's content: a number, a string, or empty. */
export type CellValue = number | string | null;

/** The formats we render; anything else is refused at build time rather than shown wrongly. */
export const KNOWN_FORMATS = ['General', '0', '0.0', '0.00', '#,##0', '#,##0.00', '@'] as const;
export type NumberFormat = (typeof KNOWN_FORMATS)[number];

/**
 * Rounds half away from zero at `decimals` places on the decimal value a person reads (toFixed
 * alone rounds the binary value: 2.675 would show 2.67, where a spreadsheet shows 2.68).
 */
function fixed(x: number, decimals: number): string {
  const scaled = Math.abs(x) * 10 ** decimals;
  const rounded = Math.round(Number(scaled.toPrecision(15))) / 10 ** decimals;
  const s = rounded.toFixed(decimals);
  return x < 0 && rounded !== 0 ? `-${s}` : s;
}

function grouped(s: string): string {
  const [int, frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+$)/g, ',');
  return sign + digits + (frac === undefined ? '' : `.${frac}`);
}

/**
 * General: integers as they are, other numbers with up to 10 significant digits and no trailing
 * zeros (Sheets' automatic format for a plain number column).
 */
function general(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(10)));
}

export function displayed(value: CellValue, format: NumberFormat): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'General':
    case '@':
      return general(value);
    case '0':
      return fixed(value, 0);
    case '0.0':
      return fixed(value, 1);
    case '0.00':
      return fixed(value, 2);
    case '#,##0':
      return grouped(fixed(value, 0));
    case '#,##0.00':
      return grouped(fixed(value, 2));
  }
}
