export { BlueprintSchema, SectionSchema, SectionFiltersSchema, type Blueprint, type BlueprintInput, type BlueprintSection } from './blueprint-schema.ts';
export { parseBlueprint, type ParsedBlueprint } from './parse-blueprint.ts';
export { assembleExam, scaleScoring, type AssembleOptions } from './assemble.ts';
export { examHeaderOf, SECTION_NAMES, variantLabel, type Exam, type ExamItem, type ExamPart, type ExamSection, type ExamVariant, type ScoringPoints } from './exam.ts';
export { createManifest, ManifestSchema, parseManifest, type ExamManifest } from './manifest.ts';
export { examFromManifest } from './from-manifest.ts';
export { BLUEPRINT_NAME_PATTERN, runFolderName, SEED_PATTERN, seedProblem, VERSION_PATTERN } from './run-name.ts';
export { assignVariants, rosterFromTable, type RosterEntry } from './roster.ts';
export { itemKey, parseQrText, qrText, type ItemKey, type KeyFile, type KeyItem, type KeyVariant, type LayoutBubble, type LayoutFile, type LayoutPage, type QrPayload, type RunCandidate } from './run-files.ts';
