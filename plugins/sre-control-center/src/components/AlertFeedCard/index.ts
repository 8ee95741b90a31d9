export { AlertFeedCard } from './AlertFeedCard';
