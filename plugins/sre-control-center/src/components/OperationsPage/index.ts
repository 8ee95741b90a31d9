export { OperationsPage } from './OperationsPage';
