import type { SuppressionRequest, SuppressionRule } from './types';

/** Azure's alert processing rules that remove all action groups, in one resource group. */
export interface AlertSuppressions {
  create(request: SuppressionRequest): Promise<SuppressionRule>;
  /** Every rule of the resource group that removes all action groups. */
  list(resourceGroupId: string): Promise<SuppressionRule[]>;
  /** Resolves false when there was no such rule. */
  delete(resourceGroupId: string, name: string): Promise<boolean>;
}

/** Tells open pages that a System's maintenance windows changed. */
export interface MaintenancePublisher {
  maintenanceChanged(entityRef: string): Promise<void>;
}
