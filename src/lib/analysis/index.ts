export { correlation, covariance, mean, median, standardDeviation, variance } from './descriptive.ts';
export { difficultyBand, discriminationBand, type DifficultyBand, type DiscriminationBand } from './bands.ts';
export { analyseItems, GROUP_SHARE, type ItemAnalysis, type ItemStatistics, type TestStatistics } from './item-analysis.ts';
