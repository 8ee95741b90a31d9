import {
  AlertProcessingAction,
  AlertProcessingCondition,
  AlertProcessingRecurrence,
  AlertProcessingRuleState,
  AlertProcessingSchedule,
} from '../world/state';
import { ianaZone } from '../world/wallClock';

/**
 * Validation of an alert processing rule PUT body against the 2021-08-08
 * spec (AlertProcessingRules.json in azure-rest-api-specs
 * specification/alertsmanagement/resource-manager/Microsoft.AlertsManagement/stable/2021-08-08).
 * The service answers 400 `BadRequest` with "Invalid input parameters: …".
 */
export class InvalidRuleError extends Error {}

const FIELDS: ReadonlyArray<AlertProcessingCondition['field']> = [
  'Severity',
  'MonitorService',
  'MonitorCondition',
  'SignalType',
  'TargetResourceType',
  'TargetResource',
  'TargetResourceGroup',
  'AlertRuleId',
  'AlertRuleName',
  'Description',
  'AlertContext',
];
const OPERATORS: ReadonlyArray<AlertProcessingCondition['operator']> = [
  'Equals',
  'NotEquals',
  'Contains',
  'DoesNotContain',
];
const DAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
/** The spec's pattern: ISO-8601 without a zone suffix. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/;
const SCOPE =
  /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+(\/providers\/[^/]+\/[^/]+\/[^/]+(\/[^/]+\/[^/]+)*)?)?\/?$/i;

type Json = Record<string, unknown>;

function fail(message: string): never {
  throw new InvalidRuleError(`Invalid input parameters: ${message}`);
}
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function stringArray(v: unknown, what: string): string[] {
  if (
    !Array.isArray(v) ||
    v.length === 0 ||
    !v.every(x => typeof x === 'string' && x !== '')
  ) {
    return fail(`${what} must be a non-empty array of strings.`);
  }
  return v as string[];
}

/** Picks the enum member case-insensitively, as the service does. */
function oneOf<T extends string>(
  v: unknown,
  allowed: readonly T[],
  what: string,
): T {
  const found =
    typeof v === 'string'
      ? allowed.find(a => a.toLowerCase() === v.toLowerCase())
      : undefined;
  return (
    found ??
    fail(`${what} '${String(v)}' is invalid. Allowed: ${allowed.join(', ')}.`)
  );
}

function parseAction(v: unknown): AlertProcessingAction {
  if (!isObject(v)) return fail('each action must be an object.');
  const type = oneOf(
    v.actionType,
    ['AddActionGroups', 'RemoveAllActionGroups'] as const,
    'actionType',
  );
  if (type === 'RemoveAllActionGroups') return { actionType: type };
  return {
    actionType: type,
    actionGroupIds: stringArray(v.actionGroupIds, 'actionGroupIds'),
  };
}

function parseCondition(v: unknown): AlertProcessingCondition {
  if (!isObject(v)) return fail('each condition must be an object.');
  return {
    field: oneOf(v.field, FIELDS, 'Condition field'),
    operator: oneOf(v.operator, OPERATORS, 'Condition operator'),
    values: stringArray(v.values, 'Condition values'),
  };
}

function timeOfDay(v: unknown, what: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !TIME_OF_DAY.test(v)) {
    return fail(`${what} '${String(v)}' must be in HH:mm:ss format.`);
  }
  return v;
}

function parseRecurrence(v: unknown): AlertProcessingRecurrence {
  if (!isObject(v)) return fail('each recurrence must be an object.');
  const type = oneOf(
    v.recurrenceType,
    ['Daily', 'Weekly', 'Monthly'] as const,
    'recurrenceType',
  );
  const startTime = timeOfDay(v.startTime, 'startTime');
  const endTime = timeOfDay(v.endTime, 'endTime');
  if ((startTime === undefined) !== (endTime === undefined)) {
    fail('startTime and endTime must be given together.');
  }
  const window = startTime && endTime ? { startTime, endTime } : {};
  if (type === 'Daily') {
    if (!startTime || !endTime) {
      return fail('a Daily recurrence needs startTime and endTime.');
    }
    return { recurrenceType: type, startTime, endTime };
  }
  if (type === 'Weekly') {
    const days = stringArray(v.daysOfWeek, 'daysOfWeek').map(d =>
      oneOf(d, DAYS, 'daysOfWeek value'),
    );
    return { recurrenceType: type, daysOfWeek: days, ...window };
  }
  const daysOfMonth = v.daysOfMonth;
  if (
    !Array.isArray(daysOfMonth) ||
    daysOfMonth.length === 0 ||
    !daysOfMonth.every(d => Number.isInteger(d) && d >= 1 && d <= 31)
  ) {
    return fail('daysOfMonth must be a non-empty array of days 1 to 31.');
  }
  return {
    recurrenceType: type,
    daysOfMonth: daysOfMonth as number[],
    ...window,
  };
}

function parseSchedule(v: unknown): AlertProcessingSchedule {
  if (!isObject(v)) return fail('schedule must be an object.');
  const schedule: AlertProcessingSchedule = {};
  for (const key of ['effectiveFrom', 'effectiveUntil'] as const) {
    const value = v[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !LOCAL_DATE_TIME.test(value)) {
      fail(
        `${key} '${String(
          value,
        )}' must be an ISO-8601 date-time without time zone suffix.`,
      );
    }
    schedule[key] = value as string;
  }
  if (
    schedule.effectiveFrom &&
    schedule.effectiveUntil &&
    schedule.effectiveUntil.slice(0, 19) <= schedule.effectiveFrom.slice(0, 19)
  ) {
    fail('effectiveUntil must be later than effectiveFrom.');
  }
  if (v.timeZone !== undefined) {
    if (typeof v.timeZone !== 'string' || !ianaZone(v.timeZone)) {
      fail(`timeZone '${String(v.timeZone)}' is not a supported time zone.`);
    }
    schedule.timeZone = v.timeZone as string;
  }
  if (v.recurrences !== undefined) {
    if (!Array.isArray(v.recurrences)) fail('recurrences must be an array.');
    schedule.recurrences = (v.recurrences as unknown[]).map(parseRecurrence);
  }
  return schedule;
}

/** The `properties` and `tags` of a valid PUT body; throws InvalidRuleError otherwise. */
export function parseAlertProcessingRule(
  body: unknown,
): Pick<AlertProcessingRuleState, 'properties' | 'tags' | 'location'> {
  if (!isObject(body)) return fail('the request body must be a JSON object.');
  if (!isObject(body.properties)) return fail('properties is required.');
  const p = body.properties;
  if (p.scopes === undefined) fail('properties.scopes is required.');
  const scopes = stringArray(p.scopes, 'properties.scopes');
  for (const scope of scopes) {
    if (!SCOPE.test(scope)) {
      fail(
        `Scope value ${scope} is not a valid subscription, resource group or resource id.`,
      );
    }
  }
  if (p.actions === undefined) fail('properties.actions is required.');
  if (!Array.isArray(p.actions) || p.actions.length === 0) {
    fail('properties.actions must be a non-empty array.');
  }
  const actions = (p.actions as unknown[]).map(parseAction);
  let conditions: AlertProcessingCondition[] | undefined;
  if (p.conditions !== undefined) {
    if (!Array.isArray(p.conditions))
      fail('properties.conditions must be an array.');
    conditions = (p.conditions as unknown[]).map(parseCondition);
  }
  const schedule =
    p.schedule === undefined ? undefined : parseSchedule(p.schedule);
  if (p.enabled !== undefined && typeof p.enabled !== 'boolean') {
    fail('properties.enabled must be a boolean.');
  }
  if (p.description !== undefined && typeof p.description !== 'string') {
    fail('properties.description must be a string.');
  }
  const tags = isObject(body.tags) ? body.tags : {};
  if (!Object.values(tags).every(t => typeof t === 'string')) {
    fail('tags values must be strings.');
  }
  return {
    location: typeof body.location === 'string' ? body.location : '',
    tags: tags as Record<string, string>,
    properties: {
      scopes,
      ...(conditions ? { conditions } : {}),
      ...(schedule ? { schedule } : {}),
      actions,
      ...(typeof p.description === 'string'
        ? { description: p.description }
        : {}),
      enabled: p.enabled !== false,
    },
  };
}
