/** What other features use of export: one list as an Excel file. */
export { exportList } from './handlers';
export { EXPORT_LISTS, type ExportList } from './lists';
