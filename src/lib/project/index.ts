export { checkProject, type ProjectCheck } from './check-project.ts';
