import { Request, Response, Router } from 'express';
import { EmulatorContext } from '../context';
import { changeAlertState } from '../world/alertRules';
import { alertResourceId } from '../world/constants';
import { AlertEssentials, AlertState, StoredAlert } from '../world/state';
import {
  baseUrlOf,
  callerName,
  checkApiVersion,
  sendArmError,
} from './armHttp';
import { checkSubscription, subscriptionOfScope } from './subscription';

/** Versions of Microsoft.AlertsManagement/alerts ARM accepts. */
export const ALERTS_API_VERSIONS = [
  '2018-05-05',
  '2019-03-01',
  '2019-05-05-preview',
  '2023-07-12-preview',
  '2024-01-01-preview',
] as const;

const ALERT_STATES: AlertState[] = ['New', 'Acknowledged', 'Closed'];
const TIME_RANGES: Record<string, number> = {
  '1h': 3_600_000,
  '1d': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
};
const DATE_SORT_FIELDS = ['startDateTime', 'lastModifiedDateTime'];

/** The alert as the Alerts Management REST API (2019-03-01) returns it. */
export function toArmAlert(
  alert: StoredAlert,
  opts: { includeContext?: boolean; select?: string[] } = {},
) {
  let essentials: Partial<AlertEssentials> = { ...alert.essentials };
  if (opts.select && opts.select.length > 0) {
    const keep = new Set(opts.select.map(s => s.toLowerCase()));
    essentials = Object.fromEntries(
      Object.entries(essentials).filter(([k]) => keep.has(k.toLowerCase())),
    );
  }
  return {
    properties: {
      essentials,
      context: opts.includeContext ? alert.alertContext : {},
      egressConfig: {},
    },
    id: alertResourceId(alert.alertId),
    type: 'Microsoft.AlertsManagement/alerts',
    name: alert.name,
  };
}

function queryString(req: Request, name: string): string | undefined {
  // ARM query parameter names are case-insensitive.
  const entry = Object.entries(req.query).find(
    ([k]) => k.toLowerCase() === name.toLowerCase(),
  );
  const value = entry?.[1];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function eqIgnoreCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function inScope(alert: StoredAlert, scope: string): boolean {
  const s = `/${scope.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
  const target = alert.essentials.targetResource.toLowerCase();
  return target === s || target.startsWith(`${s}/`);
}

function filterAlerts(
  ctx: EmulatorContext,
  req: Request,
  res: Response,
  scope: string,
): StoredAlert[] | undefined {
  let alerts = ctx.state.alerts.filter(a => inScope(a, scope));
  const simpleFilters: Array<[string, (a: StoredAlert) => string]> = [
    ['targetResource', a => a.essentials.targetResource],
    ['targetResourceType', a => a.essentials.targetResourceType],
    ['targetResourceGroup', a => a.essentials.targetResourceGroup],
    ['monitorService', a => a.essentials.monitorService],
    ['monitorCondition', a => a.essentials.monitorCondition],
    ['severity', a => a.essentials.severity],
    ['alertState', a => a.essentials.alertState],
    ['alertRule', a => a.essentials.alertRule],
    ['smartGroupId', a => a.essentials.smartGroupId],
  ];
  for (const [param, field] of simpleFilters) {
    const wanted = queryString(req, param);
    if (wanted) {
      const values = wanted.split(',').map(v => v.trim());
      alerts = alerts.filter(a =>
        values.some(
          v =>
            eqIgnoreCase(field(a), v) ||
            (param === 'alertRule' && eqIgnoreCase(a.name, v)),
        ),
      );
    }
  }

  const timeRange = queryString(req, 'timeRange');
  const customTimeRange = queryString(req, 'customTimeRange');
  if (timeRange && customTimeRange) {
    sendArmError(
      res,
      400,
      'BadRequest',
      'Either timeRange or customTimeRange could be used but not both.',
    );
    return undefined;
  }
  const now = ctx.now().getTime();
  let from: number;
  let to = Number.POSITIVE_INFINITY;
  if (customTimeRange) {
    const [start, end] = customTimeRange.split('/').map(s => Date.parse(s));
    if (Number.isNaN(start) || Number.isNaN(end)) {
      sendArmError(
        res,
        400,
        'BadRequest',
        `Invalid customTimeRange '${customTimeRange}'. Expected <start-time>/<end-time> in ISO-8601 format.`,
      );
      return undefined;
    }
    from = start;
    to = end;
  } else {
    // The API defaults to the last day when no range is given.
    const range = TIME_RANGES[timeRange ?? '1d'];
    if (range === undefined) {
      sendArmError(
        res,
        400,
        'BadRequest',
        `Invalid timeRange '${timeRange}'. Allowed values are 1h, 1d, 7d, 30d.`,
      );
      return undefined;
    }
    from = now - range;
  }
  return alerts.filter(a => {
    const t = Date.parse(a.essentials.lastModifiedDateTime);
    return t >= from && t <= to;
  });
}

function sortAlerts(req: Request, alerts: StoredAlert[]): StoredAlert[] {
  const sortBy = queryString(req, 'sortBy') ?? 'lastModifiedDateTime';
  const isDate = DATE_SORT_FIELDS.includes(sortBy);
  const order = queryString(req, 'sortOrder') ?? (isDate ? 'desc' : 'asc');
  const key = (a: StoredAlert): string =>
    sortBy === 'name'
      ? a.name
      : String(a.essentials[sortBy as keyof AlertEssentials] ?? '');
  const sorted = [...alerts].sort((a, b) => key(a).localeCompare(key(b)));
  return order === 'desc' ? sorted.reverse() : sorted;
}

function findAlert(ctx: EmulatorContext, scope: string, alertId: string) {
  return ctx.state.alerts.find(
    a =>
      eqIgnoreCase(a.alertId, alertId) && inScope(a, subscriptionScope(scope)),
  );
}

function subscriptionScope(scope: string): string {
  const sub = subscriptionOfScope(scope);
  return sub ? `/subscriptions/${sub}` : scope;
}

/** The alert in scope, or Azure's 404 answered for it. */
function alertOr404(
  ctx: EmulatorContext,
  res: Response,
  scope: string,
  alertId: string,
) {
  const alert = findAlert(ctx, scope, alertId);
  if (!alert) {
    sendArmError(
      res,
      404,
      'ResourceNotFound',
      `The alert '${alertId}' could not be found.`,
    );
  }
  return alert;
}

export function alertsManagementRouter(ctx: EmulatorContext): Router {
  const router = Router();
  const guard = (req: Request, res: Response, scope: string) => {
    const sub = subscriptionOfScope(scope);
    if (sub && !checkSubscription(res, sub)) return false;
    return checkApiVersion(req, res, ALERTS_API_VERSIONS, 'alerts');
  };

  router.get(
    /^(.*)\/providers\/Microsoft\.AlertsManagement\/alerts\/?$/i,
    (req, res) => {
      const scope = req.params[0];
      if (!guard(req, res, scope)) return;
      const filtered = filterAlerts(ctx, req, res, scope);
      if (!filtered) return;
      const alerts = sortAlerts(req, filtered);
      const pageCount = Number(queryString(req, 'pageCount') ?? 25);
      if (!Number.isInteger(pageCount) || pageCount < 1 || pageCount > 250) {
        sendArmError(
          res,
          400,
          'BadRequest',
          'pageCount must be an integer between 1 and 250.',
        );
        return;
      }
      const offset = Number(queryString(req, 'ctoken') ?? 0) || 0;
      const page = alerts.slice(offset, offset + pageCount);
      const includeContext = queryString(req, 'includeContext') === 'true';
      const select = queryString(req, 'select')
        ?.split(',')
        .map(s => s.trim());
      const body: { value: unknown[]; nextLink?: string } = {
        value: page.map(a => toArmAlert(a, { includeContext, select })),
      };
      if (offset + pageCount < alerts.length) {
        const next = new URL(`${baseUrlOf(req)}${req.originalUrl}`);
        next.searchParams.set('ctoken', String(offset + pageCount));
        body.nextLink = next.toString();
      }
      res.json(body);
    },
  );

  router.get(
    /^(.*)\/providers\/Microsoft\.AlertsManagement\/alerts\/([^/]+)\/history\/?$/i,
    (req, res) => {
      const [scope, alertId] = [req.params[0], req.params[1]];
      if (!guard(req, res, scope)) return;
      const alert = alertOr404(ctx, res, scope, alertId);
      if (!alert) return;
      res.json({
        properties: { alertId: alert.alertId, modifications: alert.history },
        id: `${alertResourceId(alert.alertId)}/history/default`,
        type: 'Microsoft.AlertsManagement/alerts',
        name: 'default',
      });
    },
  );

  router.get(
    /^(.*)\/providers\/Microsoft\.AlertsManagement\/alerts\/([^/]+)\/?$/i,
    (req, res) => {
      const [scope, alertId] = [req.params[0], req.params[1]];
      if (!guard(req, res, scope)) return;
      const alert = alertOr404(ctx, res, scope, alertId);
      if (!alert) return;
      res.json(toArmAlert(alert, { includeContext: true }));
    },
  );

  router.post(
    /^(.*)\/providers\/Microsoft\.AlertsManagement\/alerts\/([^/]+)\/changestate\/?$/i,
    (req, res) => {
      const [scope, alertId] = [req.params[0], req.params[1]];
      if (!guard(req, res, scope)) return;
      const newState = ALERT_STATES.find(s =>
        eqIgnoreCase(s, queryString(req, 'newState') ?? ''),
      );
      if (!newState) {
        sendArmError(
          res,
          400,
          'BadRequest',
          `The value '${
            queryString(req, 'newState') ?? ''
          }' of query parameter 'newState' is invalid. Allowed values are New, Acknowledged, Closed.`,
        );
        return;
      }
      const alert = alertOr404(ctx, res, scope, alertId);
      if (!alert) return;
      const body: unknown = req.body;
      const comments =
        typeof body === 'object' &&
        body !== null &&
        'comments' in body &&
        typeof body.comments === 'string'
          ? body.comments
          : '';
      changeAlertState(alert, newState, callerName(req), comments, ctx.now());
      res.json(toArmAlert(alert));
    },
  );

  router.get(
    /^(.*)\/providers\/Microsoft\.AlertsManagement\/alertsSummary\/?$/i,
    (req, res) => {
      const scope = req.params[0];
      if (!guard(req, res, scope)) return;
      const groupby = queryString(req, 'groupby');
      const allowed = [
        'severity',
        'alertState',
        'monitorCondition',
        'monitorService',
        'signalType',
        'alertRule',
      ];
      const fields = (groupby ?? '')
        .split(',')
        .map(f => allowed.find(a => eqIgnoreCase(a, f.trim())));
      if (!groupby || fields.some(f => !f) || fields.length > 2) {
        sendArmError(
          res,
          400,
          'BadRequest',
          `Invalid groupby '${
            groupby ?? ''
          }'. Allowed values are ${allowed.join(', ')} (at most two).`,
        );
        return;
      }
      const alerts = filterAlerts(ctx, req, res, scope);
      if (!alerts) return;
      const group = (
        items: StoredAlert[],
        [field, ...rest]: string[],
      ): unknown[] => {
        const buckets = new Map<string, StoredAlert[]>();
        for (const a of items) {
          const key = String(a.essentials[field as keyof AlertEssentials]);
          buckets.set(key, [...(buckets.get(key) ?? []), a]);
        }
        return [...buckets].map(([name, members]) => ({
          name,
          count: members.length,
          ...(rest.length > 0
            ? { groupedby: rest[0], values: group(members, rest) }
            : {}),
        }));
      };
      const groupFields = fields as string[];
      res.json({
        properties: {
          groupedby: groupFields[0],
          total: alerts.length,
          values: group(alerts, groupFields),
        },
        id: `${subscriptionScope(
          scope,
        )}/providers/Microsoft.AlertsManagement/alertsSummary/current`,
        type: 'Microsoft.AlertsManagement/alertsSummary',
        name: 'current',
      });
    },
  );

  return router;
}
