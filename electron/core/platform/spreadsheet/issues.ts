/** What every spreadsheet import shares: its issues in the AppError shape, and the signature footer rows it ignores. */
import type { ImportIssue } from '../../../../shared/contract';
import type { FieldIssue } from '../../../../shared/errors';

/** Import issues in the AppError shape: key under errors.import, the row and column in path and params. */
export function toFieldIssues(issues: ImportIssue[]): FieldIssue[] {
  return issues.map((i) => ({
    path: [i.row, i.column],
    key: `import.${i.key}`,
    params: { ...i.params, row: i.row, column: i.column, field: i.field },
  }));
}

export const SIGNATURE_RE = /制表|填表|审核|审批|负责人|校长|签字|签名|盖章|公章|日期|经办人|联系电话/;

/**
 * A signature footer row: the fields that identify a record (学籍号, 姓名...) are empty or hold signature
 * text, and every cell is made of signature words, a date or a short word. Such rows are ignored with a notice, never imported or counted as bad.
 */
export function isSignatureFooter(texts: string[], identifying: string[]): boolean {
  // A 学籍号 or name cell holding "制表人：张三" is the footer's own text, not a record's value.
  return identifying.every((t) => t === '' || SIGNATURE_RE.test(t)) && texts.length > 0 && texts.some((t) => SIGNATURE_RE.test(t))
    && texts.every((t) => SIGNATURE_RE.test(t) || /^[\d\s年月日./:：-]+$/.test(t) || t.length <= 4);
}
