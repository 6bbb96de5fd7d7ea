// Row colours by recommendation, as conditional-format rules the add-on owns: its own are recognised by their
// formula and colour, replaced on each run and removed by Clear; every other rule is kept, in order, ahead of ours.
import { OUTPUT_HEADERS } from '../core/types';

export const COLOURS: Record<string, string> = {
  'Follow back': '#d9ead3',
  Consider: '#fff2cc',
  'Likely bot': '#f4cccc',
  'Already following': '#cfe2f3',
};

function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const OWN_FORMULA = /^=\$[A-Z]+\$?\d+="(Follow back|Consider|Likely bot|Already following)"$/;

export function ownFormula(recommendationColumn: number, firstRow: number, recommendation: string): string {
  return `=$${columnLetter(recommendationColumn)}${firstRow}="${recommendation}"`;
}

export function isOwnRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const cond = rule.getBooleanCondition();
  if (!cond) return false;
  const values = cond.getCriteriaValues();
  const m = OWN_FORMULA.exec(String(values[0] ?? ''));
  if (!m) return false;
  return String(cond.getBackground() || '').toLowerCase() === COLOURS[m[1]];
}

/** Replaces the add-on's rules: rows [firstRow, lastRow] from column A to the last output column. */
export function applyColours(sheet: GoogleAppsScript.Spreadsheet.Sheet, outputColumn: number, firstRow: number, lastRow: number): void {
  const kept = sheet.getConditionalFormatRules().filter((r) => !isOwnRule(r));
  if (lastRow < firstRow) {
    sheet.setConditionalFormatRules(kept);
    return;
  }
  const recColumn = outputColumn + OUTPUT_HEADERS.indexOf('Recommendation');
  const range = sheet.getRange(firstRow, 1, lastRow - firstRow + 1, outputColumn + OUTPUT_HEADERS.length - 1);
  const ours = Object.keys(COLOURS).map((rec) =>
    SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(ownFormula(recColumn, firstRow, rec)).setBackground(COLOURS[rec]).setRanges([range]).build(),
  );
  sheet.setConditionalFormatRules(kept.concat(ours));
}

export function removeColours(sheet: GoogleAppsScript.Spreadsheet.Sheet): boolean {
  const rules = sheet.getConditionalFormatRules();
  const kept = rules.filter((r) => !isOwnRule(r));
  if (kept.length === rules.length) return false;
  sheet.setConditionalFormatRules(kept);
  return true;
}
