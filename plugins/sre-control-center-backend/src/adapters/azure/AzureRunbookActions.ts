import { WebSiteManagementClient } from '@azure/arm-appservice';
import { isRestError } from '@azure/core-rest-pipeline';
import { ActionFailed } from '../../domain/runbooks/errors';
import type { ActionRunner, PlanReader } from '../../domain/runbooks/ports';
import type { ResolvedAction } from '../../domain/runbooks/types';
import type { ArmAccess } from './armAccess';
import { parseArmResourceId } from './armIds';
import { planTierOf } from './planTiers';

/**
 * restart, scale and rollback through @azure/arm-appservice. The backend
 * identity needs Website Contributor on the site and the plan.
 */
export class AzureRunbookActions implements ActionRunner, PlanReader {
  private readonly clients = new Map<string, WebSiteManagementClient>();

  constructor(private readonly arm: ArmAccess) {}

  async run(resolved: ResolvedAction, signal: AbortSignal): Promise<string> {
    const { action, resourceId } = resolved;
    const { resourceGroup, name } = parseArmResourceId(resourceId);
    const client = this.client(resourceId);
    const options = { abortSignal: signal };
    return withAzureErrors(async () => {
      switch (action.type) {
        case 'restart':
          await client.webApps.restart(resourceGroup, name, options);
          return `Restarted App Service ${name}`;
        case 'scale': {
          const plan = await client.appServicePlans.get(
            resourceGroup,
            name,
            options,
          );
          const from = plan.sku?.name ?? 'unknown';
          const target = action.target_sku!;
          if (from.toLowerCase() === target.toLowerCase()) {
            return `Plan ${name} is already ${target}; nothing changed`;
          }
          // PUT the plan back as read, with only the SKU changed.
          await client.appServicePlans.beginCreateOrUpdateAndWait(
            resourceGroup,
            name,
            {
              ...plan,
              sku: {
                ...plan.sku,
                name: target,
                tier: planTierOf(target),
                size: target,
                family: target.replace(/\d.*$/, ''),
              },
            },
            { ...options, updateIntervalInMs: 1000 },
          );
          return `Scaled plan ${name} ${from} → ${target}`;
        }
        case 'rollback':
          await client.webApps.beginSwapSlotWithProductionAndWait(
            resourceGroup,
            name,
            { targetSlot: action.slot!, preserveVnet: true },
            { ...options, updateIntervalInMs: 1000 },
          );
          return `Swapped slot ${action.slot} of ${name} back with production`;
        default:
          throw new ActionFailed(
            `${action.type} is not an App Service action`,
            'UnsupportedAction',
          );
      }
    });
  }

  async currentSku(planId: string): Promise<string> {
    const { resourceGroup, name } = parseArmResourceId(planId);
    return withAzureErrors(async () => {
      const plan = await this.client(planId).appServicePlans.get(
        resourceGroup,
        name,
      );
      return plan.sku?.name ?? 'unknown';
    });
  }

  private client(resourceId: string): WebSiteManagementClient {
    const { subscriptionId } = parseArmResourceId(resourceId);
    let client = this.clients.get(subscriptionId);
    if (!client) {
      client = this.arm.prepare(
        new WebSiteManagementClient(
          this.arm.credential,
          subscriptionId,
          this.arm.clientOptions,
        ),
      );
      this.clients.set(subscriptionId, client);
    }
    return client;
  }
}

/** Keeps Azure's error code (AuthorizationFailed, Conflict, …) on the failure. */
async function withAzureErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isRestError(error)) {
      throw new ActionFailed(
        `Azure answered ${error.statusCode ?? 'no status'}: ${error.message}`,
        error.code ??
          (error.statusCode ? `HTTP${error.statusCode}` : undefined),
      );
    }
    throw error;
  }
}
