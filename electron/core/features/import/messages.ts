/**
 * Translations for the import module's error keys, to merge into the renderer's i18n files:
 * `importMessages[lang].import` goes under `errors.import`, `importMessages[lang].top` directly under `errors.`
 * Params ({{row}}, {{column}}, {{field}} are always present on issues; others as named per key).
 */
export const importMessages = {
  'zh-CN': {
    top: {
      importHasErrors: '导入文件本身有 {{errors}} 处问题（如缺少必需的列），未写入任何数据。请修改后重新导入。',
    },
    import: {
      required: '必填，不能为空',
      tooLong: '内容过长（最多 {{max}} 个字）',
      duplicateInFile: '与第 {{first}} 行重复（{{value}}）',
      badStudentNo: '学籍号格式不正确：{{value}}',
      studentNoNumeric: '学籍号被 Excel 存成了数字，后几位已丢失（{{value}}）。请把该列设为文本后重新填写',
      unknownClass: '找不到班级“{{value}}”，请先在班级管理中添加，或写成 七年级(3)班 的形式',
      badGender: '性别应为 男/女 或 1/2，而不是“{{value}}”',
      badDate: '无法识别的日期“{{value}}”，请写成 2012-03-05',
      badFlag: '“{{value}}”不是 是/否，按“否”处理',
      badValue: '无法识别的值“{{value}}”',
      unknownSubject: '找不到学科“{{value}}”',
      unknownTeacher: '找不到教师“{{value}}”',
      ambiguousTeacher: '有 {{count}} 位教师叫“{{value}}”，请改填工号',
      badPeriods: '周课时应为 0-40 的整数，而不是“{{value}}”',
      missingColumn: '缺少“{{field}}”列，请在列对应中手动指定',
      noTerm: '请先设置当前学期',
      noRows: '文件中没有可导入的数据行',
      emptyFile: '文件“{{file}}”是空的',
      unreadableFile: '无法读取文件“{{file}}”，请另存为 .xlsx、.xls 或 .csv 后重试',
      sheetNotFound: '找不到工作表“{{sheet}}”',
      footerIgnored: '第 {{row}} 行是表尾签名行（{{text}}），已忽略',
      studentNoPrefixed: '学籍号 {{value}} 是身份证号，按全国学籍号补上“G”：{{normalized}}',
      studentNoCheckDigit: '学籍号 {{value}} 的校验位不对（GB 11643），请核对是否录错',
      notExcel: '“{{file}}”不是 Excel 文件（内容是{{actual}}），请在 Excel 中打开后另存为 .xlsx 再导入',
    },
  },
  en: {
    top: {
      importHasErrors: 'The file itself has {{errors}} problem(s) (e.g. a required column is missing); nothing was written. Fix them and import again.',
    },
    import: {
      required: 'Required, cannot be empty',
      tooLong: 'Too long (at most {{max}} characters)',
      duplicateInFile: 'Duplicate of row {{first}} ({{value}})',
      badStudentNo: 'Invalid student number: {{value}}',
      studentNoNumeric: 'Excel stored the student number as a number and lost its last digits ({{value}}). Format the column as text and re-enter it',
      unknownClass: 'Class "{{value}}" not found; add it under Classes first, or write it like 七年级(3)班',
      badGender: 'Gender must be 男/女 or 1/2, not "{{value}}"',
      badDate: 'Unrecognised date "{{value}}"; write it as 2012-03-05',
      badFlag: '"{{value}}" is not yes/no; treated as no',
      badValue: 'Unrecognised value "{{value}}"',
      unknownSubject: 'Subject "{{value}}" not found',
      unknownTeacher: 'Teacher "{{value}}" not found',
      ambiguousTeacher: '{{count}} teachers are named "{{value}}"; use the staff number instead',
      badPeriods: 'Weekly periods must be a whole number from 0 to 40, not "{{value}}"',
      missingColumn: 'Column "{{field}}" is missing; map it by hand',
      noTerm: 'Set the current term first',
      noRows: 'The file has no data rows to import',
      emptyFile: 'The file "{{file}}" is empty',
      unreadableFile: 'Cannot read "{{file}}"; save it as .xlsx, .xls or .csv and try again',
      sheetNotFound: 'Sheet "{{sheet}}" not found',
      footerIgnored: 'Row {{row}} is a signature footer ({{text}}); ignored',
      studentNoPrefixed: 'Student number {{value}} is an ID number; stored as the national number with "G": {{normalized}}',
      studentNoCheckDigit: 'Student number {{value}} has a wrong check digit (GB 11643); check it for a typo',
      notExcel: '"{{file}}" is not an Excel file (it contains {{actual}}); open it in Excel, save as .xlsx and import again',
    },
  },
} as const;

export type ImportMessageKey = keyof (typeof importMessages)['zh-CN']['import'];
