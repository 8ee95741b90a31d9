export { StackCard, type StackCardProps } from './StackCard';
export { EntityStackCard } from './EntityStackCard';
export { Sparkline, formatMetric } from './Sparkline';
export { StateChip } from './StateChip';
export { WiringWarnings } from './WiringWarnings';
export { StackCostLine } from './StackCostLine';
