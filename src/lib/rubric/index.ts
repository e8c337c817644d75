export { RubricDimensionSchema, RubricSchema, type Rubric } from './schema.ts';
export { parseRubric } from './parse.ts';
export { layoutRubric, layoutRubricSet, layoutScript, layoutSummary, layoutTaskCard } from './layout.ts';
