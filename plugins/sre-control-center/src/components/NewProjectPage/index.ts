export { NewProjectPage } from './NewProjectPage';
