import { describe, expect, it } from 'vitest';
import { displayed } from './display.ts';
import { allValues, cellIndex, type WorksheetData } from './workbook.ts';

describe('Sheet display', () => {
  it('shows numbers as their format does', () => {
    expect(displayed(68, '0.00')).toBe('68.00');
    expect(displayed(8.5, '#,##0.00')).toBe('8.50');
    expect(displayed(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(displayed(-1234.5, '#,##0')).toBe('-1,235');
    expect(displayed(2.675, '0.00')).toBe('2.68');
    expect(displayed(4.25, '0.0')).toBe('4.3');
    expect(displayed(7.5, '0')).toBe('8');
    expect(displayed(13, 'General')).toBe('13');
    expect(displayed(0.1 + 0.2, 'General')).toBe('0.3');
    expect(displayed(95, '@')).toBe('95');
  });

  it('shows strings as they are and empty cells as ""', () => {
    expect(displayed('5', '0.00')).toBe('5');
    expect(displayed(null, '0.00')).toBe('');
  });

  it('reads A1 addresses', () => {
    expect(cellIndex('A1')).toEqual([0, 0]);
    expect(cellIndex('AB12')).toEqual([11, 27]);
    expect(() => cellIndex('1A')).toThrow();
  });

  it('trims empty trailing rows and columns, pads rows, repeats a merged value', () => {
    const sheet: WorksheetData = {
      name: 'S',
      values: [
        ['a', null, null, null],
        [1, 2, null, null],
        [null, null, null, null],
      ],
      formats: ['0000', '0100', '0000'],
      merges: ['A1:B1'],
      notes: {},
    };
    expect(allValues(sheet, ['General', '0.00'])).toEqual([
      ['a', 'a'],
      ['1', '2.00'],
    ]);
  });
});
