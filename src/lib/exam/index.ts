export { BlueprintSchema, SectionSchema, SectionFiltersSchema, type Blueprint, type BlueprintInput, type BlueprintSection } from './blueprint-schema.ts';
export { parseBlueprint, type ParsedBlueprint } from './parse-blueprint.ts';
export { assembleExam, type AssembleOptions } from './assemble.ts';
export { checkBlueprint, type CheckedBlueprint } from './check-blueprint.ts';
export { scaleParts, scaleScoring } from './points.ts';
export { examHeaderOf, SECTION_NAMES, variantLabel, type Exam, type ExamItem, type ExamPart, type ExamSection, type ExamVariant, type ScoringPoints } from './exam.ts';
export { createManifest, type ExamManifest } from './manifest.ts';
export { examFromManifest } from './from-manifest.ts';
export { itemKey, parseQrText, qrText, type ItemKey, type KeyFile, type KeyItem, type KeyVariant, type LayoutBubble, type LayoutFile, type LayoutPage, type QrPayload, type RunCandidate } from './run-files.ts';
