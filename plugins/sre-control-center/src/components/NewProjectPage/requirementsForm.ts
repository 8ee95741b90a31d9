import type {
  PlanEdits,
  ProjectPlan,
} from '@sre-control-center/plugin-sre-control-center-common';

/** What the form holds: requirement lists as text, one per line. */
export interface RequirementsForm {
  name: string;
  description: string;
  repoOwner: string;
  repoName: string;
  timelineWeeks: string;
  constraints: string;
  mustHave: string;
  niceToHave: string;
}

export type FormErrors = Partial<Record<keyof RequirementsForm, string>>;

export const EMPTY_FORM: RequirementsForm = {
  name: '',
  description: '',
  repoOwner: '',
  repoName: '',
  timelineWeeks: '5',
  constraints: '',
  mustHave: '',
  niceToHave: '',
};

// The same rules as the template's parameters (templates/new-project/template.yaml).
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;

const lines = (text: string) =>
  text
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean);

/** Errors by field; empty when the form may be submitted. */
export function validateRequirements(form: RequirementsForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.name.trim()) errors.name = 'Required';
  if (!form.repoOwner.trim()) errors.repoOwner = 'Required';
  else if (!OWNER.test(form.repoOwner.trim()))
    errors.repoOwner =
      'A GitHub user or organisation: letters, digits and single hyphens inside, at most 39';
  if (!form.repoName.trim()) errors.repoName = 'Required';
  else if (
    !REPO.test(form.repoName.trim()) ||
    ['.', '..'].includes(form.repoName.trim()) ||
    form.repoName.trim().endsWith('.git')
  )
    errors.repoName = "Letters, digits, '.', '-' or '_', at most 100";
  const weeks = form.timelineWeeks.trim();
  if (!/^\d+$/.test(weeks) || Number(weeks) < 1 || Number(weeks) > 104)
    errors.timelineWeeks = 'A whole number of weeks, 1 to 104';
  if (lines(form.mustHave).length === 0)
    errors.mustHave = 'At least one must-have requirement';
  if (lines(form.mustHave).length + lines(form.niceToHave).length > 200)
    errors.niceToHave = 'At most 200 requirements in all';
  return errors;
}

/** The template's values, with its parameter names. */
export function toTemplateValues(
  form: RequirementsForm,
  edits?: PlanEdits,
): Record<string, unknown> {
  const values: Record<string, unknown> = {
    name: form.name.trim(),
    repoOwner: form.repoOwner.trim(),
    repoName: form.repoName.trim(),
    timelineWeeks: Number(form.timelineWeeks.trim()),
    mustHave: lines(form.mustHave),
  };
  if (form.description.trim()) values.description = form.description.trim();
  if (form.constraints.trim()) values.constraints = form.constraints.trim();
  if (lines(form.niceToHave).length > 0)
    values.niceToHave = lines(form.niceToHave);
  if (edits && Object.values(edits).some(v => v && Object.keys(v).length > 0))
    values.edits = edits;
  return values;
}

/** The form from `?formData=<json>` (the template's names; lists as arrays). */
export function formFromQuery(search: string): RequirementsForm {
  const raw = new URLSearchParams(search).get('formData');
  if (!raw) return EMPTY_FORM;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_FORM;
  }
  if (typeof data !== 'object' || data === null) return EMPTY_FORM;
  const d = data as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const list = (v: unknown) =>
    Array.isArray(v) ? v.filter(x => typeof x === 'string').join('\n') : '';
  return {
    name: text(d.name),
    description: text(d.description),
    repoOwner: text(d.repoOwner),
    repoName: text(d.repoName),
    timelineWeeks:
      typeof d.timelineWeeks === 'number'
        ? String(d.timelineWeeks)
        : EMPTY_FORM.timelineWeeks,
    constraints: text(d.constraints),
    mustHave: list(d.mustHave),
    niceToHave: list(d.niceToHave),
  };
}

/** Edits after one more change in the preview. */
export function applyEdit(
  edits: PlanEdits,
  change:
    | { kind: 'remove'; storyId: string }
    | { kind: 'points'; storyId: string; points: number }
    | { kind: 'sprint'; storyId: string; sprint: number },
): PlanEdits {
  if (change.kind === 'remove')
    return {
      ...edits,
      remove: [...new Set([...(edits.remove ?? []), change.storyId])],
    };
  if (change.kind === 'points')
    return {
      ...edits,
      points: { ...edits.points, [change.storyId]: change.points },
    };
  return {
    ...edits,
    sprint: { ...edits.sprint, [change.storyId]: change.sprint },
  };
}

/** Counts for the preview's summary line. */
export function planSummary(plan: ProjectPlan): string {
  const t = plan.totals;
  return `${t.epics} epics, ${t.features} features, ${t.stories} stories, ${
    t.points
  } points (${t.scheduledPoints} scheduled) in ${plan.sprints.length} sprint${
    plan.sprints.length === 1 ? '' : 's'
  }`;
}
