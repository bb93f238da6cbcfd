/** Translations for the export module's error keys, to merge under `errors.export` in the renderer's i18n files. */
export const exportMessages = {
  'zh-CN': { export: { noTerm: '请先选择学期（任课安排按学期导出）' } },
  en: { export: { noTerm: 'Choose a term first (teaching assignments are exported per term)' } },
} as const;
