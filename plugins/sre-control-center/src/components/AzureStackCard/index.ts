export { AzureStackCard, parseResourceGroupId } from './AzureStackCard';
