import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { SiteState } from '../world/state';
import { PRODUCTION_SLOT, slotOf, swapSlots } from '../world/slotSwap';
import {
  WEB_BASE,
  checkWebRequest,
  siteOr404 as siteOrNotFound,
  sendWebBadRequest,
  toArmSite,
} from './appService';
import { apiVersionOf, baseUrlOf, resourceNotFound } from './armHttp';

/**
 * Deployment slots of a web app and slot swaps:
 * `GET …/sites/{name}/slots[/{slot}]`, `POST …/sites/{name}[/slots/{slot}]/slotsswap`
 * and the `…/operationresults/{id}` route the swap's `Location` points at.
 */
export function deploymentSlotsRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const sites = `${WEB_BASE}/sites/([^/]+)`;
  const planOfSite = () => ctx.state.plans[0]?.name ?? 'unknown';

  const siteOr404 = (req: Request, res: Response): SiteState | undefined =>
    siteOrNotFound(ctx, req, res);
  const slotNotFound = (req: Request, res: Response, slot: string) =>
    resourceNotFound(
      res,
      'Microsoft.Web/sites/slots',
      `${req.params[2]}/${slot}`,
      req.params[1],
    );

  router.get(new RegExp(`${sites}/slots/?$`, 'i'), (req, res) => {
    if (!checkWebRequest(req, res, 'sites/slots')) return;
    const site = siteOr404(req, res);
    if (!site) return;
    res.json({
      value: site.slots.map(slot => toArmSite(site, planOfSite(), slot)),
    });
  });

  router.get(new RegExp(`${sites}/slots/([^/]+)/?$`, 'i'), (req, res) => {
    if (!checkWebRequest(req, res, 'sites/slots')) return;
    const site = siteOr404(req, res);
    if (!site) return;
    const slot = site.slots.find(
      s => s.name.toLowerCase() === req.params[3].toLowerCase(),
    );
    if (!slot) {
      slotNotFound(req, res, req.params[3]);
      return;
    }
    res.json(toArmSite(site, planOfSite(), slot));
  });

  /**
   * Azure answers a swap with 202 and a `Location` to poll. The emulator swaps
   * at once, so the first poll (after the SDK's default 2 s, or
   * `updateIntervalInMs`) already gets 200.
   */
  const swap = (req: Request, res: Response, sourceName: string) => {
    if (!checkWebRequest(req, res, 'sites/slots')) return;
    const site = siteOr404(req, res);
    if (!site) return;
    const body: unknown = req.body;
    const input = (
      typeof body === 'object' && body !== null ? body : {}
    ) as Record<string, unknown>;
    if (typeof input.targetSlot !== 'string' || !input.targetSlot) {
      sendWebBadRequest(res, 'targetSlot');
      return;
    }
    const preserveVnet = input.preserveVnet ?? true;
    if (typeof preserveVnet !== 'boolean') {
      sendWebBadRequest(res, 'preserveVnet');
      return;
    }
    const source = slotOf(site, sourceName);
    if (!source) {
      slotNotFound(req, res, sourceName);
      return;
    }
    const target = slotOf(site, input.targetSlot);
    if (!target) {
      slotNotFound(req, res, input.targetSlot);
      return;
    }
    if (source === target) {
      sendWebBadRequest(res, 'targetSlot');
      return;
    }
    const record = swapSlots(ctx.state, site, source, target, {
      preserveVnet,
      at: ctx.now(),
    });
    const slotPath =
      sourceName.toLowerCase() === PRODUCTION_SLOT
        ? ''
        : `/slots/${sourceName}`;
    const location = `${baseUrlOf(req)}/subscriptions/${
      req.params[0]
    }/resourceGroups/${req.params[1]}/providers/Microsoft.Web/sites/${
      site.name
    }${slotPath}/operationresults/${record.operationId}?api-version=${
      apiVersionOf(req) ?? ''
    }`;
    res.status(202).set('Location', location).end();
  };

  router.post(new RegExp(`${sites}/slotsswap/?$`, 'i'), (req, res) =>
    swap(req, res, PRODUCTION_SLOT),
  );
  router.post(
    new RegExp(`${sites}/slots/([^/]+)/slotsswap/?$`, 'i'),
    (req, res) => swap(req, res, req.params[3]),
  );

  router.get(
    new RegExp(`${sites}(?:/slots/[^/]+)?/operationresults/([^/]+)/?$`, 'i'),
    (req, res) => {
      if (!checkWebRequest(req, res, 'sites/operationresults')) return;
      const site = siteOr404(req, res);
      if (!site) return;
      const done = ctx.state.slotSwaps.some(
        s => s.operationId === req.params[3] && s.site === site.name,
      );
      if (!done) {
        resourceNotFound(
          res,
          'Microsoft.Web/sites/operationresults',
          `${site.name}/${req.params[3]}`,
          req.params[1],
        );
        return;
      }
      res.status(200).end();
    },
  );

  return router;
}
