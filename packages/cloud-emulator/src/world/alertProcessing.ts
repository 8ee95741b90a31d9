import { SUBSCRIPTION_ID } from './constants';
import {
  AlertProcessingCondition,
  AlertProcessingRecurrence,
  AlertProcessingRuleState,
  AlertProcessingSchedule,
  EmulatorState,
  StoredAlert,
} from './state';
import { ianaZone, wallClock } from './wallClock';

export function alertProcessingRuleId(rule: AlertProcessingRuleState): string {
  return `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${rule.resourceGroup}/providers/Microsoft.AlertsManagement/actionRules/${rule.name}`;
}

/** A scope covers the resource itself and everything below it, ignoring case. */
export function scopeCovers(scope: string, resourceId: string): boolean {
  const s = `/${scope.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
  const target = resourceId.toLowerCase();
  return target === s || target.startsWith(`${s}/`);
}

function fieldValues(
  alert: StoredAlert,
  field: AlertProcessingCondition['field'],
): string[] {
  const e = alert.essentials;
  switch (field) {
    case 'Severity':
      return [e.severity];
    case 'MonitorService':
      return [e.monitorService];
    case 'MonitorCondition':
      return [e.monitorCondition];
    case 'SignalType':
      return [e.signalType];
    case 'TargetResourceType':
      return [e.targetResourceType];
    case 'TargetResource':
      return [e.targetResource];
    case 'TargetResourceGroup':
      // The portal sends the group's id; a bare name is accepted too.
      return [
        e.targetResourceGroup,
        `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${e.targetResourceGroup}`,
      ];
    case 'AlertRuleId':
      return [e.alertRule];
    case 'AlertRuleName':
      return [alert.name];
    case 'Description':
      return [e.description];
    case 'AlertContext':
      return [JSON.stringify(alert.alertContext)];
    default:
      return [];
  }
}

function conditionMatches(
  alert: StoredAlert,
  condition: AlertProcessingCondition,
): boolean {
  const actual = fieldValues(alert, condition.field).map(v => v.toLowerCase());
  const wanted = condition.values.map(v => v.toLowerCase());
  const equals = wanted.some(w => actual.includes(w));
  const contains = wanted.some(w => actual.some(a => a.includes(w)));
  switch (condition.operator) {
    case 'Equals':
      return equals;
    case 'NotEquals':
      return !equals;
    case 'Contains':
      return contains;
    case 'DoesNotContain':
      return !contains;
    default:
      return false;
  }
}

function recurrenceMatches(
  recurrence: AlertProcessingRecurrence,
  at: Date,
  zone: string,
): boolean {
  const today = wallClock(at, zone);
  const dayMatches = (day: ReturnType<typeof wallClock>) => {
    if (recurrence.recurrenceType === 'Weekly') {
      return recurrence.daysOfWeek.some(
        d => d.toLowerCase() === day.dayOfWeek.toLowerCase(),
      );
    }
    if (recurrence.recurrenceType === 'Monthly') {
      return recurrence.daysOfMonth.includes(day.dayOfMonth);
    }
    return true;
  };
  const start = recurrence.startTime;
  const end = recurrence.endTime;
  if (!start || !end) return dayMatches(today);
  if (start < end) {
    return today.time >= start && today.time < end && dayMatches(today);
  }
  // A window past midnight (22:00–04:00) belongs to the day it started on.
  if (today.time >= start) return dayMatches(today);
  if (today.time < end) {
    return dayMatches(wallClock(new Date(at.getTime() - 86_400_000), zone));
  }
  return false;
}

/** Whether `at` falls inside the schedule; no schedule means always. */
export function scheduleIsActive(
  schedule: AlertProcessingSchedule | undefined,
  at: Date,
): boolean {
  if (!schedule) return true;
  const zone = ianaZone(schedule.timeZone ?? 'UTC') ?? 'UTC';
  const now = wallClock(at, zone).dateTime;
  // Both bounds are wall-clock strings in the rule's zone, so compare as such.
  if (schedule.effectiveFrom && now < schedule.effectiveFrom.slice(0, 19)) {
    return false;
  }
  if (schedule.effectiveUntil && now >= schedule.effectiveUntil.slice(0, 19)) {
    return false;
  }
  const recurrences = schedule.recurrences ?? [];
  return (
    recurrences.length === 0 ||
    recurrences.some(r => recurrenceMatches(r, at, zone))
  );
}

export function ruleApplies(
  rule: AlertProcessingRuleState,
  alert: StoredAlert,
  at: Date,
): boolean {
  const p = rule.properties;
  return (
    p.enabled &&
    p.scopes.some(s => scopeCovers(s, alert.essentials.targetResource)) &&
    (p.conditions ?? []).every(c => conditionMatches(alert, c)) &&
    scheduleIsActive(p.schedule, at)
  );
}

/**
 * The rule that removes all action groups from this alert's notification
 * right now, if any. Azure evaluates rules for each notification, so a
 * Resolved notification is checked again when it is sent.
 */
export function suppressingRule(
  state: EmulatorState,
  alert: StoredAlert,
  at: Date,
): AlertProcessingRuleState | undefined {
  return state.alertProcessingRules.find(
    rule =>
      rule.properties.actions.some(
        a => a.actionType === 'RemoveAllActionGroups',
      ) && ruleApplies(rule, alert, at),
  );
}
