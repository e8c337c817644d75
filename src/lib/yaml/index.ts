export { parseYamlSource, type YamlPath, type YamlSource } from './yaml-source.ts';
export { findListItemPlaces, parseYamlFast } from './fast-parse.ts';
export { formatYamlPath, zodIssuesToDiagnostics } from './zod-diagnostics.ts';
