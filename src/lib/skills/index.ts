export { RATER_KINDS, RATER_LABELS, SkillModelSchema, type Dimension, type Indicator, type RaterKind, type Role, type SkillModel, type Tier } from './schema.ts';
export { parseSkillModel, type SkillModelContext } from './parse.ts';
export { roundHalfUp, scorePerson, summarizeTeam, tierFor, type DimensionResult, type IndicatorResult, type KindResult, type Person, type PersonResult, type RatingForm, type TeamResult } from './score.ts';
export { RATINGS_COLUMNS, ratingsTemplate, readCourseResults, readRatings, readRoster, roleIdFor, type RatingsSheet } from './sheets.ts';
export { describeMissing, describeTierRule, layoutSkillReport, type ReportOptions } from './layout-report.ts';
export { missingCharacters, renderDocuments, type PdfFile } from './render.ts';
export { FORM_KINDS, FORM_TITLES, layoutRatingFormPages, layoutRatingForms, type FormKind } from './layout-forms.ts';
