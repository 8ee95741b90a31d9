/**
 * Catalog annotations that tie a System (project) and its Resources to Azure
 * and GitHub. See shared/ARCHITECTURE.md, "Catalog".
 */

/**
 * On a System: full ARM id of the project's resource group.
 *
 * @public
 */
export const ANNOTATION_AZURE_RESOURCE_GROUP =
  'sre-control-center/azure-resource-group';

/**
 * On a System: name of the Consumption budget that caps the project.
 *
 * @public
 */
export const ANNOTATION_BUDGET = 'sre-control-center/budget';

/**
 * On a Resource: full ARM id of the Azure resource it stands for.
 *
 * @public
 */
export const ANNOTATION_AZURE_RESOURCE_ID =
  'sre-control-center/azure-resource-id';

/**
 * Backstage's usual `owner/repo` annotation for the project's repository.
 *
 * @public
 */
export const ANNOTATION_GITHUB_PROJECT_SLUG = 'github.com/project-slug';
