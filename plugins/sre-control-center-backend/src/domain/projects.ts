/**
 * Projects: catalog Systems tied to an Azure resource group. Alerts and costs
 * both find their project through this port.
 */

/** A project (catalog System) and the Azure resource group it owns. */
export interface ProjectScope {
  entityRef: string;
  resourceGroupId: string;
  /** The Consumption budget named by the System's sre-control-center/budget annotation. */
  budgetName?: string;
}

/** Finds the project (catalog System) that owns an Azure resource group. */
export interface ProjectResolver {
  projectForResourceGroup(resourceGroupId: string): Promise<string | undefined>;
  /** Every project connected to a resource group. */
  listProjects(): Promise<ProjectScope[]>;
  /** Whether the catalog has this System (with or without a resource group). */
  isSystem(entityRef: string): Promise<boolean>;
}

/** The project a System is, or undefined when it has no resource group. Refs compare case-insensitively. */
export async function findProject(
  projects: ProjectResolver,
  entityRef: string,
): Promise<ProjectScope | undefined> {
  const ref = entityRef.toLocaleLowerCase('en-US');
  return (await projects.listProjects()).find(p => p.entityRef === ref);
}
