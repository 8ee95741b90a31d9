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
}
