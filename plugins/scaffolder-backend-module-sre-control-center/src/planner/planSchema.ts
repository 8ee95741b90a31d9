import { InputError } from '@backstage/errors';
import { z } from 'zod';
import { parseRepositoryName, parseRepositoryOwner } from '../github/repoRef';
import { ProjectPlan } from './types';

const story = z.object({
  id: z.string().regex(/^S\d{1,3}$/),
  epic: z.string(),
  feature: z.string(),
  requirement: z.string(),
  title: z.string().min(1).max(256),
  userStory: z.string(),
  acceptanceCriteria: z.array(z.string()),
  points: z.number().int().positive(),
  priority: z.enum(['must-have', 'nice-to-have']),
  dependsOn: z.array(z.string()),
  sprint: z.number().int().positive().optional(),
  rule: z.array(z.string()),
});

/**
 * What `sre-control-center:github:project` accepts: a plan as
 * `sre-control-center:plan` outputs it (checked, since it crosses a
 * template step and could be hand-written).
 */
export const projectPlanSchema = z
  .object({
    version: z.literal(1),
    name: z.string().min(1),
    systemName: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    description: z.string(),
    repository: z.object({
      owner: z.string(),
      name: z.string(),
      description: z.string(),
    }),
    owner: z.string(),
    epics: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        rule: z.string(),
        features: z.array(
          z.object({
            id: z.string(),
            epic: z.string(),
            title: z.string(),
            rule: z.string(),
            storyIds: z.array(z.string()),
          }),
        ),
      }),
    ),
    stories: z.array(story).max(200),
    sprints: z.array(
      z.object({
        number: z.number().int().positive(),
        title: z.string().min(1),
        dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
        points: z.number(),
        capacity: z.number(),
        storyIds: z.array(z.string()),
      }),
    ),
    labels: z.array(
      z.object({
        name: z.string().min(1).max(50),
        color: z.string().regex(/^[0-9a-f]{6}$/i),
        description: z.string().max(100),
      }),
    ),
    files: z.array(
      z.object({
        path: z.string().regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/),
        content: z.string(),
      }),
    ),
  })
  .passthrough();

/**
 * The plan, checked in shape and in its references; InputError otherwise.
 *
 * @public
 */
export function parsePlan(value: unknown): ProjectPlan {
  const result = projectPlanSchema.safeParse(value);
  if (!result.success)
    throw new InputError(
      `Not a project plan: ${z.prettifyError(result.error)}`,
    );
  const plan = result.data as unknown as ProjectPlan;
  parseRepositoryOwner(plan.repository.owner);
  parseRepositoryName(plan.repository.name);
  const ids = new Set(plan.stories.map(s => s.id));
  const sprints = new Set(plan.sprints.map(s => s.number));
  const refs = [
    ...plan.stories.flatMap(s => s.dependsOn),
    ...plan.epics.flatMap(e => e.features.flatMap(f => f.storyIds)),
    ...plan.sprints.flatMap(s => s.storyIds),
  ];
  const dangling = refs.find(id => !ids.has(id));
  if (dangling)
    throw new InputError(
      `The plan refers to a story it does not have: ${dangling}`,
    );
  const lost = plan.stories.find(
    s => s.sprint !== undefined && !sprints.has(s.sprint),
  );
  if (lost)
    throw new InputError(
      `${lost.id} is in sprint ${lost.sprint}, which the plan does not have`,
    );
  return plan;
}
