export { parseYamlSource, type YamlPath, type YamlSource } from './yaml-source.ts';
export { formatYamlPath, zodIssuesToDiagnostics } from './zod-diagnostics.ts';
