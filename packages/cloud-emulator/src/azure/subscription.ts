import { Response } from 'express';
import { RESOURCE_GROUP, SUBSCRIPTION_ID } from '../world/constants';
import { sendArmError } from './armHttp';

/** ARM answers 404 SubscriptionNotFound before any provider sees the call. */
export function checkSubscription(
  res: Response,
  subscriptionId: string,
): boolean {
  if (subscriptionId.toLowerCase() === SUBSCRIPTION_ID) return true;
  sendArmError(
    res,
    404,
    'SubscriptionNotFound',
    `The subscription '${subscriptionId}' could not be found.`,
  );
  return false;
}

/** Subscription id of an ARM scope such as `/subscriptions/x/resourceGroups/y`. */
export function subscriptionOfScope(scope: string): string | undefined {
  return /^\/?subscriptions\/([^/]+)/i.exec(scope)?.[1];
}

/** The seeded world has one resource group; ARM answers 404 for any other. */
export function checkResourceGroup(
  res: Response,
  resourceGroup: string,
): boolean {
  if (resourceGroup.toLowerCase() === RESOURCE_GROUP) return true;
  sendArmError(
    res,
    404,
    'ResourceGroupNotFound',
    `Resource group '${resourceGroup}' could not be found.`,
  );
  return false;
}
