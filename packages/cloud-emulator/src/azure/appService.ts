import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import {
  LOCATION_DISPLAY_NAME,
  RESOURCE_GROUP,
  SUBSCRIPTION_ID,
} from '../world/constants';
import { PlanSku, PlanState, SiteSlotState, SiteState } from '../world/state';
import { checkApiVersion, resourceNotFound, sendArmError } from './armHttp';
import { checkResourceGroup, checkSubscription } from './subscription';

/** Microsoft.Web versions the emulator answers; 2025-05-01 is @azure/arm-appservice 19's default. */
export const WEB_API_VERSIONS = [
  '2022-03-01',
  '2022-09-01',
  '2023-01-01',
  '2023-12-01',
  '2024-04-01',
  '2024-11-01',
  '2025-03-01',
  '2025-05-01',
] as const;

const SKU_TIERS: Record<string, { tier: string; family: string }> = {
  F1: { tier: 'Free', family: 'F' },
  B1: { tier: 'Basic', family: 'B' },
  B2: { tier: 'Basic', family: 'B' },
  B3: { tier: 'Basic', family: 'B' },
  S1: { tier: 'Standard', family: 'S' },
  S2: { tier: 'Standard', family: 'S' },
  S3: { tier: 'Standard', family: 'S' },
  P0V3: { tier: 'PremiumV3', family: 'Pv3' },
  P1V3: { tier: 'PremiumV3', family: 'Pv3' },
  P2V3: { tier: 'PremiumV3', family: 'Pv3' },
  P3V3: { tier: 'PremiumV3', family: 'Pv3' },
};

const rgPath = (rg: string) =>
  `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${rg}`;

/**
 * A site, or one of its deployment slots when `slot` is given: slots are
 * `Microsoft.Web/sites/slots` named `{site}/{slot}` on host `{site}-{slot}`
 * (GetWebAppSlot.json in azure-rest-api-specs
 * specification/web/resource-manager/Microsoft.Web/stable/2024-11-01/examples).
 */
export function toArmSite(
  site: SiteState,
  planName: string,
  slot?: SiteSlotState,
) {
  const current = slot ?? site;
  const hostPrefix = slot ? `${site.name}-${slot.name}` : site.name;
  const host = `${hostPrefix}.azurewebsites.net`;
  const siteId = `${rgPath(RESOURCE_GROUP)}/providers/Microsoft.Web/sites/${
    site.name
  }`;
  return {
    id: slot ? `${siteId}/slots/${slot.name}` : siteId,
    name: slot ? `${site.name}/${slot.name}` : site.name,
    type: slot ? 'Microsoft.Web/sites/slots' : 'Microsoft.Web/sites',
    kind: 'app,linux',
    location: LOCATION_DISPLAY_NAME,
    tags: current.tags,
    properties: {
      name: slot ? `${site.name}(${slot.name})` : site.name,
      state: current.state,
      hostNames: [host],
      webSpace: `${RESOURCE_GROUP}-WestEuropewebspace-Linux`,
      repositorySiteName: site.name,
      usageState: 'Normal',
      enabled: true,
      enabledHostNames: [host, `${hostPrefix}.scm.azurewebsites.net`],
      availabilityState: 'Normal',
      hostNameSslStates: [
        { name: host, sslState: 'Disabled', hostType: 'Standard' },
        {
          name: `${hostPrefix}.scm.azurewebsites.net`,
          sslState: 'Disabled',
          hostType: 'Repository',
        },
      ],
      serverFarmId: `${rgPath(
        RESOURCE_GROUP,
      )}/providers/Microsoft.Web/serverfarms/${planName}`,
      reserved: true,
      isXenon: false,
      hyperV: false,
      lastModifiedTimeUtc: current.lastModifiedTimeUtc,
      siteConfig: {
        numberOfWorkers: 1,
        linuxFxVersion: current.linuxFxVersion,
        alwaysOn: false,
        http20Enabled: true,
        minTlsVersion: '1.2',
        ftpsState: 'FtpsOnly',
        healthCheckPath: '/healthz',
      },
      scmSiteAlsoStopped: false,
      clientAffinityEnabled: false,
      clientCertEnabled: false,
      hostNamesDisabled: false,
      outboundIpAddresses: '20.105.224.17,20.105.224.18',
      possibleOutboundIpAddresses: '20.105.224.17,20.105.224.18,20.105.224.19',
      containerSize: 0,
      dailyMemoryTimeQuota: 0,
      resourceGroup: RESOURCE_GROUP,
      defaultHostName: host,
      ...(current.slotSwapStatus
        ? { slotSwapStatus: current.slotSwapStatus }
        : {}),
      httpsOnly: true,
      redundancyMode: 'None',
      publicNetworkAccess: 'Enabled',
    },
  };
}

export function toArmPlan(plan: PlanState, numberOfSites: number) {
  return {
    id: `${rgPath(RESOURCE_GROUP)}/providers/Microsoft.Web/serverfarms/${
      plan.name
    }`,
    name: plan.name,
    type: 'Microsoft.Web/serverfarms',
    kind: plan.kind,
    location: LOCATION_DISPLAY_NAME,
    tags: plan.tags,
    sku: plan.sku,
    properties: {
      workerSize: 'Default',
      workerSizeId: 0,
      numberOfWorkers: plan.sku.capacity,
      currentWorkerSize: 'Default',
      currentWorkerSizeId: 0,
      currentNumberOfWorkers: plan.sku.capacity,
      status: 'Ready',
      webSpace: `${RESOURCE_GROUP}-WestEuropewebspace-Linux`,
      subscription: SUBSCRIPTION_ID,
      maximumNumberOfWorkers: plan.sku.tier === 'Basic' ? 3 : 10,
      geoRegion: LOCATION_DISPLAY_NAME,
      planName: 'VirtualDedicatedPlan',
      perSiteScaling: false,
      elasticScaleEnabled: false,
      maximumElasticWorkerCount: 1,
      numberOfSites,
      isSpot: false,
      kind: plan.kind,
      reserved: plan.reserved,
      isXenon: false,
      hyperV: false,
      targetWorkerCount: 0,
      targetWorkerSizeId: 0,
      provisioningState: 'Succeeded',
      zoneRedundant: false,
      resourceGroup: RESOURCE_GROUP,
    },
  };
}

/** App Service's own validation errors use PascalCase keys, unlike ARM's. */
export function sendWebBadRequest(res: Response, parameter: string) {
  const message = `The parameter ${parameter} has an invalid value.`;
  res.status(400).json({
    Code: 'BadRequest',
    Message: message,
    Target: null,
    Details: [
      { Message: message },
      { Code: 'BadRequest' },
      {
        ErrorEntity: {
          ExtendedCode: '51021',
          MessageTemplate: 'The parameter {0} has an invalid value.',
          Parameters: [parameter],
          Code: 'BadRequest',
          Message: message,
        },
      },
    ],
    Innererror: null,
  });
}

function parseSku(raw: unknown): PlanSku | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const sku = raw as Record<string, unknown>;
  const name =
    typeof sku.name === 'string' ? sku.name.toUpperCase() : undefined;
  const known = name ? SKU_TIERS[name] : undefined;
  if (!name || !known) return undefined;
  const displayName = name.replace('V3', 'v3');
  return {
    name: displayName,
    tier: typeof sku.tier === 'string' ? sku.tier : known.tier,
    size: displayName,
    family: known.family,
    capacity: typeof sku.capacity === 'number' ? sku.capacity : 1,
  };
}

/** Route prefix of Microsoft.Web; params 0 and 1 are subscription and resource group. */
export const WEB_BASE =
  '^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.Web';

/** Subscription, resource group and api-version checks of every Microsoft.Web route. */
export function checkWebRequest(
  req: Request,
  res: Response,
  type: string,
): boolean {
  if (!checkSubscription(res, req.params[0])) return false;
  if (!checkResourceGroup(res, req.params[1])) return false;
  return checkApiVersion(req, res, WEB_API_VERSIONS, type);
}

export function findSiteIn(ctx: EmulatorContext, name: string) {
  return ctx.state.sites.find(s => s.name.toLowerCase() === name.toLowerCase());
}

/**
 * The site named by a `.../resourceGroups/{rg}/.../sites/{name}` route, or a
 * 404 like Azure's; route params 1 and 2 are the group and the site.
 */
export function siteOr404(ctx: EmulatorContext, req: Request, res: Response) {
  const site = findSiteIn(ctx, req.params[2]);
  if (!site) {
    resourceNotFound(res, 'Microsoft.Web/sites', req.params[2], req.params[1]);
  }
  return site;
}

export function appServiceRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const base = WEB_BASE;

  const guard = checkWebRequest;
  const findPlan = (name: string) =>
    ctx.state.plans.find(p => p.name.toLowerCase() === name.toLowerCase());
  const planOfSite = () => ctx.state.plans[0]?.name ?? 'unknown';
  const sitesOnPlan = () => ctx.state.sites.length;

  router.get(new RegExp(`${base}/sites/?$`, 'i'), (req, res) => {
    if (!guard(req, res, 'sites')) return;
    res.json({ value: ctx.state.sites.map(s => toArmSite(s, planOfSite())) });
  });

  router.get(new RegExp(`${base}/sites/([^/]+)/?$`, 'i'), (req, res) => {
    if (!guard(req, res, 'sites')) return;
    const site = siteOr404(ctx, req, res);
    if (!site) return;
    res.json(toArmSite(site, planOfSite()));
  });

  router.post(
    new RegExp(`${base}/sites/([^/]+)/(restart|stop|start)/?$`, 'i'),
    (req, res) => {
      if (!guard(req, res, 'sites')) return;
      const site = siteOr404(ctx, req, res);
      if (!site) return;
      const action = req.params[3].toLowerCase();
      const now = ctx.now().toISOString();
      if (action === 'restart') site.restarts.push(now);
      if (action === 'stop') site.state = 'Stopped';
      if (action === 'start') site.state = 'Running';
      site.lastModifiedTimeUtc = now;
      // Azure answers these actions with 200 and no body.
      res.status(200).end();
    },
  );

  router.get(new RegExp(`${base}/serverfarms/?$`, 'i'), (req, res) => {
    if (!guard(req, res, 'serverfarms')) return;
    res.json({ value: ctx.state.plans.map(p => toArmPlan(p, sitesOnPlan())) });
  });

  router.get(new RegExp(`${base}/serverfarms/([^/]+)/?$`, 'i'), (req, res) => {
    if (!guard(req, res, 'serverfarms')) return;
    const plan = findPlan(req.params[2]);
    if (!plan) {
      resourceNotFound(
        res,
        'Microsoft.Web/serverFarms',
        req.params[2],
        req.params[1],
      );
      return;
    }
    res.json(toArmPlan(plan, sitesOnPlan()));
  });

  router.put(new RegExp(`${base}/serverfarms/([^/]+)/?$`, 'i'), (req, res) => {
    if (!guard(req, res, 'serverfarms')) return;
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null) {
      sendArmError(
        res,
        400,
        'InvalidRequestContent',
        'The request content was invalid and could not be deserialized.',
      );
      return;
    }
    const input = body as Record<string, unknown>;
    if (typeof input.location !== 'string' || !input.location) {
      sendArmError(
        res,
        400,
        'LocationRequired',
        'The location property is required for this definition.',
      );
      return;
    }
    const sku = parseSku(input.sku);
    if (!sku) {
      sendWebBadRequest(res, 'Sku');
      return;
    }
    const name = req.params[2];
    const existing = findPlan(name);
    const props = (
      typeof input.properties === 'object' && input.properties !== null
        ? input.properties
        : {}
    ) as Record<string, unknown>;
    const tags = (
      typeof input.tags === 'object' && input.tags !== null ? input.tags : {}
    ) as Record<string, string>;
    const plan: PlanState = {
      name: existing?.name ?? name,
      location: input.location,
      kind:
        typeof input.kind === 'string' ? input.kind : existing?.kind ?? 'app',
      reserved:
        typeof props.reserved === 'boolean'
          ? props.reserved
          : existing?.reserved ?? false,
      sku,
      tags: Object.keys(tags).length > 0 ? tags : existing?.tags ?? {},
    };
    if (existing) Object.assign(existing, plan);
    else ctx.state.plans.push(plan);
    res
      .status(200)
      .json(toArmPlan(existing ?? plan, existing ? sitesOnPlan() : 0));
  });

  return router;
}
