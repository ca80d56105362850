export { toCsv, csvBlob, csvCell, CSV_BOM, type CsvColumn } from './csv.js';
export { mayUse, type LmsRole, type ManagementFeature } from './roles.js';
export {
  reportSource,
  reportTables,
  isEmptyReport,
  type ReportSource,
  type ReportView,
  type ReportData,
  type ReportQuery,
  type ReportTable,
  type TableColumn,
} from './report-source.js';
export { labelItemStats, answerText, questionTitle, type LabelledItemStat } from './answer-text.js';
