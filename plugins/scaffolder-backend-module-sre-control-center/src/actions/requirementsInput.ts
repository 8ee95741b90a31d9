import type { z as zod } from 'zod/v3';

/**
 * The template's parameters, as action input (scaffolder-node's zod 3 API).
 * Scripts and other plugins start the template with these names.
 */
export const requirementsInput = {
  name: (z: typeof zod) =>
    z.string({ description: 'Project name' }).min(1).max(120),
  description: (z: typeof zod) =>
    z.string({ description: 'What the project is' }).max(2000).optional(),
  repoOwner: (z: typeof zod) =>
    z.string({
      description: 'GitHub user or organisation owning the repository',
    }),
  repoName: (z: typeof zod) => z.string({ description: 'Repository name' }),
  timelineWeeks: (z: typeof zod) =>
    z.number({ description: 'Timeline, weeks' }).int().positive().max(104),
  constraints: (z: typeof zod) =>
    z
      .string({
        description:
          'Free text: a monthly budget ("Maximum 120€/month"), SKUs, the Azure subscription id',
      })
      .max(5000)
      .optional(),
  mustHave: (z: typeof zod) =>
    z
      .array(z.string().max(500), { description: 'Must-have requirements' })
      .min(1)
      .max(200),
  niceToHave: (z: typeof zod) =>
    z
      .array(z.string().max(500), { description: 'Nice-to-have requirements' })
      .max(200)
      .optional(),
  owner: (z: typeof zod) =>
    z
      .string({ description: 'Catalog owner of the new System (entity ref)' })
      .optional(),
  pointsPerSprint: (z: typeof zod) =>
    z
      .number({ description: 'Story points one sprint holds' })
      .int()
      .positive()
      .max(500)
      .optional(),
  sprintWeeks: (z: typeof zod) =>
    z
      .number({ description: 'Weeks per sprint (1-4)' })
      .int()
      .min(1)
      .max(4)
      .optional(),
  startDate: (z: typeof zod) =>
    z
      .string({
        description: 'First day of sprint 1, yyyy-mm-dd (default: today)',
      })
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
  edits: (z: typeof zod) =>
    z
      .object(
        {
          remove: z.array(z.string()).optional(),
          points: z.record(z.number()).optional(),
          sprint: z.record(z.number()).optional(),
        },
        {
          description:
            'Changes made in the preview: remove, re-point or move stories',
        },
      )
      .optional(),
};
