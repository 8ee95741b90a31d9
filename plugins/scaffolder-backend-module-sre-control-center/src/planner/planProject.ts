import { InputError } from '@backstage/errors';
import {
  ANNOTATION_AZURE_RESOURCE_GROUP,
  ANNOTATION_BUDGET,
  ANNOTATION_GITHUB_PROJECT_SLUG,
} from '@sre-control-center/plugin-sre-control-center-common';
import { parseRepositoryName, parseRepositoryOwner } from '../github/repoRef';
import { checkCost, parseBudget, parseSubscriptionId } from './constraints';
import { renderFiles } from './files';
import {
  COMPLEXITY,
  EPICS,
  EpicRule,
  FALLBACK_EPIC,
  FIBONACCI,
  FeatureRule,
  LABEL_COLORS,
  MATCH_ORDER,
  POINTS_PER_WEEK,
} from './rules';
import {
  Epic,
  EpicKey,
  Feature,
  LabelSpec,
  PlanWarning,
  Priority,
  ProjectPlan,
  ProjectRequirements,
  Sprint,
  Story,
} from './types';

/**
 * Annotation with the budget's amount and currency, e.g. `120 EUR`.
 *
 * @public
 */
export const ANNOTATION_BUDGET_AMOUNT = 'sre-control-center/budget-amount';

const MAX_REQUIREMENTS = 200;
const MAX_WEEKS = 104;
const DEFAULT_FEATURE = 'foundations';

const normalize = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[\s]+/g, ' ')
    .replace(/[.;:!]+$/, '')
    .trim();

/**
 * Catalog entity name: lower-case letters, digits and dashes, at most 63 characters.
 *
 * @public
 */
export function systemNameOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  if (!slug)
    throw new InputError(`Project name "${name}" has no letters or digits`);
  return slug;
}

const lowerFirst = (s: string) =>
  /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const article = (persona: string) =>
  /^([aeiou]|SRE\b)/i.test(persona) ? 'an' : 'a';

function titleOf(requirement: string): string {
  const t = upperFirst(requirement.trim().replace(/[.;]+$/, ''));
  return t.length > 80 ? `${t.slice(0, 79).trimEnd()}…` : t;
}

function epicFor(text: string): { rule: EpicRule; why: string } {
  for (const key of MATCH_ORDER) {
    const rule = EPICS.find(e => e.key === key)!;
    const m = rule.strong?.exec(text);
    if (m)
      return {
        rule,
        why: `epic ${rule.key}: matched "${m[0]}" (decisive word)`,
      };
  }
  for (const key of MATCH_ORDER) {
    const rule = EPICS.find(e => e.key === key)!;
    const m = rule.match.exec(text);
    if (m) return { rule, why: `epic ${rule.key}: matched "${m[0]}"` };
  }
  const rule = EPICS.find(e => e.key === FALLBACK_EPIC)!;
  return { rule, why: `epic ${rule.key}: no rule matched (default epic)` };
}

function featureFor(
  rule: EpicRule,
  text: string,
): { feature: FeatureRule | undefined; why: string } {
  for (const feature of rule.features) {
    const m = feature.match.exec(text);
    if (m) return { feature, why: `feature ${feature.key}: matched "${m[0]}"` };
  }
  return { feature: undefined, why: `feature ${DEFAULT_FEATURE}: default` };
}

function pointsFor(
  rule: EpicRule,
  text: string,
): { points: number; why: string } {
  let step = FIBONACCI.indexOf(rule.basePoints);
  const reasons = [`base ${rule.basePoints} (${rule.key})`];
  const words = text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  if (words > 12) {
    added++;
    reasons.push(`+1 step: ${words} words`);
  }
  const complex = [...new Set(text.match(COMPLEXITY) ?? [])];
  for (const word of complex) {
    if (added >= 2) break;
    added++;
    reasons.push(`+1 step: "${word}"`);
  }
  step = Math.min(FIBONACCI.length - 1, step + added);
  return {
    points: FIBONACCI[step],
    why: `points ${FIBONACCI[step]}: ${reasons.join(', ')}`,
  };
}

function validate(req: ProjectRequirements) {
  if (!req.name?.trim()) throw new InputError('A project name is required');
  parseRepositoryOwner(req.repoOwner);
  parseRepositoryName(req.repoName);
  if (
    !Number.isInteger(req.timelineWeeks) ||
    req.timelineWeeks < 1 ||
    req.timelineWeeks > MAX_WEEKS
  )
    throw new InputError(
      `timelineWeeks must be a whole number of weeks from 1 to ${MAX_WEEKS}`,
    );
  const must = (req.mustHave ?? []).filter(r => r.trim());
  if (must.length === 0)
    throw new InputError('At least one must-have requirement is required');
  if (must.length + (req.niceToHave ?? []).length > MAX_REQUIREMENTS)
    throw new InputError(`At most ${MAX_REQUIREMENTS} requirements`);
  if (
    req.sprintWeeks !== undefined &&
    (!Number.isInteger(req.sprintWeeks) ||
      req.sprintWeeks < 1 ||
      req.sprintWeeks > 4)
  )
    throw new InputError('sprintWeeks must be 1, 2, 3 or 4');
  if (
    req.pointsPerSprint !== undefined &&
    (!Number.isInteger(req.pointsPerSprint) ||
      req.pointsPerSprint < 1 ||
      req.pointsPerSprint > 500)
  )
    throw new InputError(
      'pointsPerSprint must be a whole number from 1 to 500',
    );
  if (req.startDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(req.startDate))
    throw new InputError('startDate must be a yyyy-mm-dd date');
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Turns a project's requirements into its plan: epics → features → stories
 * with points, priorities and dependencies, sprints fitted to the timeline,
 * the budget and cost check, labels and the repository's files. Pure and
 * deterministic: the same requirements give the same plan.
 *
 * @public
 */
export function planProject(req: ProjectRequirements): ProjectPlan {
  validate(req);
  const warnings: PlanWarning[] = [];
  const edits = req.edits ?? {};
  const systemName = systemNameOf(req.name);
  const owner = parseRepositoryOwner(req.repoOwner);
  const repoName = parseRepositoryName(req.repoName);

  // 1. Requirements, de-duplicated (a must-have wins over the same nice-to-have).
  const seen = new Map<string, Priority>();
  const requirements: Array<{ text: string; priority: Priority }> = [];
  const take = (list: string[] | undefined, priority: Priority) => {
    for (const raw of list ?? []) {
      const text = raw.trim().replace(/\s+/g, ' ');
      if (!text) continue;
      const key = normalize(text);
      const earlier = seen.get(key);
      if (earlier) {
        warnings.push({
          code: 'duplicate-requirement',
          message: `"${text}" is listed twice; kept once as ${earlier}`,
        });
        continue;
      }
      seen.set(key, priority);
      requirements.push({ text, priority });
    }
  };
  take(req.mustHave, 'must-have');
  take(req.niceToHave, 'nice-to-have');

  // 2. Stories, in delivery order: priority, epic, feature, as written.
  const rankOf = (p: Priority) => (p === 'must-have' ? 0 : 1);
  const epicIndex = (k: EpicKey) => EPICS.findIndex(e => e.key === k);
  const drafts = requirements.map((r, index) => {
    // Rules match on lower case without accents ("documentación" → "documentacion").
    const lower = r.text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '');
    const epic = epicFor(lower);
    const feature = featureFor(epic.rule, lower);
    const points = pointsFor(epic.rule, r.text);
    return { ...r, index, epic, feature, points };
  });
  const featureIndex = (d: (typeof drafts)[number]) =>
    d.feature.feature ? d.epic.rule.features.indexOf(d.feature.feature) + 1 : 0;
  drafts.sort(
    (a, b) =>
      rankOf(a.priority) - rankOf(b.priority) ||
      epicIndex(a.epic.rule.key) - epicIndex(b.epic.rule.key) ||
      featureIndex(a) - featureIndex(b) ||
      a.index - b.index,
  );
  const width = String(drafts.length).length;
  let stories: Story[] = drafts.map((d, i) => {
    const featureKey = d.feature.feature?.key ?? DEFAULT_FEATURE;
    const rule = d.epic.rule;
    const title = titleOf(d.text);
    return {
      id: `S${String(i + 1).padStart(width, '0')}`,
      epic: rule.key,
      feature: `${rule.key}/${featureKey}`,
      requirement: d.text,
      title,
      userStory: `As ${article(rule.persona)} ${
        rule.persona
      }, I want ${lowerFirst(d.text.replace(/[.;]+$/, ''))}, so that ${
        rule.benefit
      }.`,
      acceptanceCriteria: [
        `${title}: done and demonstrated in the dev environment`,
        rule.criterion,
        d.priority === 'must-have'
          ? 'Shown at the sprint review (must-have)'
          : 'Done only after every must-have of its sprint',
      ],
      points: d.points.points,
      priority: d.priority,
      dependsOn: [],
      rule: [d.epic.why, d.feature.why, d.points.why, `priority ${d.priority}`],
    };
  });

  // 3. Edits: removed stories leave, points change (Fibonacci only).
  const known = new Set(stories.map(s => s.id));
  for (const id of [
    ...(edits.remove ?? []),
    ...Object.keys(edits.points ?? {}),
    ...Object.keys(edits.sprint ?? {}),
  ]) {
    if (!known.has(id))
      warnings.push({
        code: 'edit-ignored',
        message: `Edit for unknown story ${id} ignored`,
        storyId: id,
      });
  }
  const removed = new Set(edits.remove ?? []);
  stories = stories.filter(s => !removed.has(s.id));
  for (const story of stories) {
    const p = edits.points?.[story.id];
    if (p === undefined) continue;
    if (FIBONACCI.includes(p)) {
      story.rule.push(`points ${p}: edited (was ${story.points})`);
      story.points = p;
    } else {
      warnings.push({
        code: 'edit-ignored',
        message: `${story.id}: ${p} is not a Fibonacci number (${FIBONACCI.join(
          ', ',
        )}); kept ${story.points}`,
        storyId: story.id,
      });
    }
  }

  // 4. Dependencies: each story waits for the first story of every
  //    prerequisite (same or higher priority, so the order above holds).
  const prerequisitesOf = (s: Story): string[] => {
    const rule = EPICS.find(e => e.key === s.epic)!;
    const list = [...rule.prerequisites];
    // Monitoring before alerting, inside the monitoring epic.
    if (s.feature === 'monitoring/alerting')
      list.push(`monitoring/${DEFAULT_FEATURE}`);
    return list;
  };
  for (const story of stories) {
    for (const prereq of prerequisitesOf(story)) {
      const inScope = (s: Story) =>
        prereq.includes('/') ? s.feature === prereq : s.epic === prereq;
      let candidates = stories.filter(
        s =>
          s !== story &&
          inScope(s) &&
          rankOf(s.priority) <= rankOf(story.priority),
      );
      // A feature with no stories: wait for its epic instead.
      if (candidates.length === 0 && prereq.includes('/')) {
        const epic = prereq.split('/')[0];
        candidates = stories.filter(
          s =>
            s !== story &&
            s.epic === epic &&
            s.feature !== story.feature &&
            rankOf(s.priority) <= rankOf(story.priority) &&
            stories.indexOf(s) < stories.indexOf(story),
        );
      }
      const target = candidates[0];
      if (target && !story.dependsOn.includes(target.id)) {
        story.dependsOn.push(target.id);
        story.rule.push(`depends on ${target.id}: ${prereq} comes first`);
      }
    }
  }

  // 5. Sprints fitted to the timeline and capacity.
  const sprintWeeks = req.sprintWeeks ?? (req.timelineWeeks <= 4 ? 1 : 2);
  const pointsPerSprint = req.pointsPerSprint ?? POINTS_PER_WEEK * sprintWeeks;
  const startDate = req.startDate ?? '2026-01-05';
  const sprints: Sprint[] = [];
  for (let week = 0, n = 1; week < req.timelineWeeks; n++) {
    const weeks = Math.min(sprintWeeks, req.timelineWeeks - week);
    sprints.push({
      number: n,
      weeks,
      capacity: Math.max(
        1,
        Math.round((pointsPerSprint * weeks) / sprintWeeks),
      ),
      points: 0,
      storyIds: [],
      title: `Sprint ${n} (week${weeks > 1 ? 's' : ''} ${week + 1}${
        weeks > 1 ? `-${week + weeks}` : ''
      })`,
      dueOn: addDays(startDate, (week + weeks) * 7 - 1),
    });
    week += weeks;
  }
  const byId = new Map(stories.map(s => [s.id, s]));
  const place = (story: Story, sprint: Sprint) => {
    story.sprint = sprint.number;
    sprint.points += story.points;
    sprint.storyIds.push(story.id);
  };
  // Stories moved by the user go where they were put.
  for (const story of stories) {
    const n = edits.sprint?.[story.id];
    if (n === undefined) continue;
    const sprint = sprints.find(s => s.number === n);
    if (!sprint) {
      warnings.push({
        code: 'edit-ignored',
        message: `${story.id}: there is no sprint ${n} (1-${sprints.length}); planned by the rules`,
        storyId: story.id,
      });
      continue;
    }
    place(story, sprint);
    story.rule.push(`sprint ${n}: moved there in the preview`);
  }
  for (const story of stories) {
    if (story.sprint !== undefined) continue;
    const deps = story.dependsOn.map(id => byId.get(id)!);
    const unplaced = deps.find(d => d.sprint === undefined);
    if (unplaced) {
      warnings.push({
        code: 'not-scheduled',
        message: `${story.id} (${story.priority}) waits for ${unplaced.id}, which has no sprint`,
        storyId: story.id,
      });
      continue;
    }
    const earliest = Math.max(1, ...deps.map(d => d.sprint!));
    const sprint = sprints.find(
      s => s.number >= earliest && s.points + story.points <= s.capacity,
    );
    if (!sprint) {
      warnings.push({
        code: 'not-scheduled',
        message: `${story.id} (${story.priority}, ${story.points} points) does not fit in the ${req.timelineWeeks}-week timeline at ${pointsPerSprint} points per sprint`,
        storyId: story.id,
      });
      continue;
    }
    place(story, sprint);
    story.rule.push(
      `sprint ${sprint.number}: first with room${
        earliest > 1 ? ` from sprint ${earliest} (dependencies)` : ''
      }`,
    );
  }
  for (const sprint of sprints) {
    if (sprint.points > sprint.capacity)
      warnings.push({
        code: 'over-capacity',
        message: `${sprint.title} holds ${sprint.points} of ${sprint.capacity} points`,
      });
  }
  for (const story of stories) {
    for (const dep of story.dependsOn.map(id => byId.get(id)!)) {
      if (
        story.sprint !== undefined &&
        dep.sprint !== undefined &&
        dep.sprint > story.sprint
      )
        warnings.push({
          code: 'edit-ignored',
          message: `${story.id} is in sprint ${story.sprint} but depends on ${dep.id} in sprint ${dep.sprint}`,
          storyId: story.id,
        });
    }
  }

  // 6. Epics and features as they hold the stories.
  const epics: Epic[] = [];
  for (const rule of EPICS) {
    const mine = stories.filter(s => s.epic === rule.key);
    if (mine.length === 0) continue;
    const featureRules = [
      { key: DEFAULT_FEATURE, title: `${rule.title} foundations` },
      ...rule.features,
    ];
    const features: Feature[] = featureRules
      .map(f => {
        const id = `${rule.key}/${f.key}`;
        return {
          id,
          epic: rule.key,
          title: f.title,
          rule:
            f.key === DEFAULT_FEATURE
              ? `feature ${f.key}: ${rule.key} stories no feature rule matched`
              : `feature ${f.key}: ${String((f as FeatureRule).match)}`,
          storyIds: mine.filter(s => s.feature === id).map(s => s.id),
        };
      })
      .filter(f => f.storyIds.length > 0);
    epics.push({
      id: rule.key,
      title: rule.title,
      rule: `epic ${rule.key}: ${String(rule.match).slice(0, 120)}`,
      features,
    });
  }

  // 7. Constraints: budget, subscription, SKUs.
  const constraints = req.constraints ?? '';
  const budget = parseBudget(constraints);
  const subscriptionId = parseSubscriptionId(constraints);
  const cost = checkCost(constraints, budget);
  if (!budget)
    warnings.push({
      code: 'no-budget',
      message:
        'No monthly budget in the constraints (e.g. "Maximum 120€/month"): the System gets no budget annotation',
    });
  if (!subscriptionId)
    warnings.push({
      code: 'no-subscription',
      message:
        'No Azure subscription id in the constraints: add the resource-group annotation once the stack exists',
    });
  for (const sku of cost?.overBudget ?? [])
    warnings.push({
      code: 'over-budget',
      message: `${sku} alone costs ${
        cost!.lines.find(l => l.sku === sku)!.monthly
      } EUR a month, over the ${budget!.amount} ${budget!.currency} budget`,
    });
  if (
    cost &&
    budget?.currency === 'EUR' &&
    cost.monthly > budget.amount &&
    cost.overBudget.length === 0
  )
    warnings.push({
      code: 'over-budget',
      message: `The named SKUs cost ${cost.monthly} EUR a month together, over the ${budget.amount} EUR budget`,
    });

  const annotations: Record<string, string> = {
    [ANNOTATION_GITHUB_PROJECT_SLUG]: `${owner}/${repoName}`,
  };
  if (subscriptionId)
    annotations[
      ANNOTATION_AZURE_RESOURCE_GROUP
    ] = `/subscriptions/${subscriptionId}/resourceGroups/rg-${systemName}-dev`;
  if (budget) {
    annotations[ANNOTATION_BUDGET] = `budget-${systemName}-dev`;
    annotations[
      ANNOTATION_BUDGET_AMOUNT
    ] = `${budget.amount} ${budget.currency}`;
  }

  // 8. Labels: type, priority and the points in use.
  const labels: LabelSpec[] = [
    ...(['epic', 'feature', 'story'] as const).map(t => ({
      name: `type: ${t}`,
      color: LABEL_COLORS.type,
      description: `Plan ${t}`,
    })),
    ...(['must-have', 'nice-to-have'] as const).map(p => ({
      name: `priority: ${p}`,
      color: LABEL_COLORS.priority[p],
      description:
        p === 'must-have' ? 'Planned first' : 'Planned after the must-haves',
    })),
    ...[...new Set(stories.map(s => s.points))]
      .sort((a, b) => a - b)
      .map(p => ({
        name: `points: ${p}`,
        color: LABEL_COLORS.points,
        description: `${p} story point${p > 1 ? 's' : ''}`,
      })),
  ];

  const points = stories.reduce((t, s) => t + s.points, 0);
  const plan: ProjectPlan = {
    version: 1,
    name: req.name.trim(),
    systemName,
    description: req.description?.trim() || req.name.trim(),
    repository: {
      owner,
      name: repoName,
      description: (req.description?.trim() || req.name.trim()).slice(0, 350),
    },
    owner: req.owner?.trim() || 'group:default/sre-owners',
    timelineWeeks: req.timelineWeeks,
    sprintWeeks,
    pointsPerSprint,
    budget,
    subscriptionId,
    annotations,
    epics,
    stories,
    sprints,
    labels,
    cost,
    warnings,
    files: [],
    totals: {
      epics: epics.length,
      features: epics.reduce((t, e) => t + e.features.length, 0),
      stories: stories.length,
      points,
      scheduledPoints: sprints.reduce((t, s) => t + s.points, 0),
      mustHavePoints: stories
        .filter(s => s.priority === 'must-have')
        .reduce((t, s) => t + s.points, 0),
    },
  };
  plan.files = renderFiles(plan);
  return plan;
}
