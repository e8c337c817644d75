export { questionToDraft, TYPE_LABELS, type DraftBody, type DraftOption, type DraftPart, type QuestionDraft, type SkippedQuestion } from './draft.ts';
export { fillAnswerVariants, toFullWidth } from './fill-variants.ts';
export { EXPORT_EXTENSIONS, EXPORT_FORMATS, exportQuestions, readImportFile, type ExportContext, type ExportFormat, type ExportResult, type ImportContext, type ImportRead } from './formats.ts';
export { createIdAllocator, modulePrefix } from './ids.ts';
export { planImport, type ImportPlan, type ImportTarget, type PlannedFile } from './plan-import.ts';
export { selectForExport, type ExportVisibility } from './select.ts';
export { instructionsSheet, PIN_MARK, questionsToSheet, sheetColumns, sheetToDrafts, templateSheet } from './spreadsheet.ts';
export { questionsToYaml } from './yaml-writer.ts';
