export { CostCard } from './CostCard';
export { CostChart, type CostChartProps } from './CostChart';
