import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { planProject } from '../planner/planProject';
import { requirementsInput } from './requirementsInput';

/**
 * `sre-control-center:plan`: the project's plan from its requirements. Pure,
 * so a dry run does exactly what a real run does (the preview uses it).
 *
 * @public
 */
export function createPlanAction(options: { today?: () => string } = {}) {
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  return createTemplateAction({
    id: 'sre-control-center:plan',
    description:
      'Plans a project from its requirements: epics, features and stories with points, priorities, dependencies and sprints; budget and cost check; the repository files. No external calls.',
    supportsDryRun: true,
    schema: {
      input: requirementsInput,
      output: {
        plan: z =>
          // any, not unknown: an action's input and output types must be
          // JSON (TemplateAction's JsonObject bound), and a record of
          // unknown is not, which adopters' `tsc --skipLibCheck false` sees.
          z.record(z.any(), {
            description: 'The plan (see the package README)',
          }),
        summary: z =>
          z.string({
            description:
              'One line: counts per level, sprints, points, warnings',
          }),
        systemName: z =>
          z.string({ description: 'Catalog name of the new System' }),
      },
    },
    async handler(ctx) {
      const plan = planProject({
        ...ctx.input,
        startDate: ctx.input.startDate ?? today(),
      });
      const summary = `${plan.totals.epics} epics, ${plan.totals.features} features, ${plan.totals.stories} stories (${plan.totals.points} points, ${plan.totals.scheduledPoints} scheduled) in ${plan.sprints.length} sprints; ${plan.warnings.length} warnings`;
      ctx.logger.info(`Plan for ${plan.name}: ${summary}`);
      for (const warning of plan.warnings) ctx.logger.warn(warning.message);
      ctx.output('plan', JSON.parse(JSON.stringify(plan)));
      ctx.output('summary', summary);
      ctx.output('systemName', plan.systemName);
    },
  });
}
