import {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { createOctokit } from '../github/createOctokit';
import { Checkpoint, GithubProjectWriter } from '../github/GithubProjectWriter';
import { parsePlan } from '../planner/planSchema';

/**
 * `sre-control-center:github:project`: creates the planned project on
 * GitHub (repository, files, labels, milestones, issues, sub-issues).
 * Idempotent: what exists is found and kept; each call sits in a checkpoint
 * so a task the scaffolder recovers does not repeat it.
 *
 * @public
 */
export function createGithubProjectAction(options: {
  integrations: ScmIntegrationRegistry;
  githubCredentialsProvider?: GithubCredentialsProvider;
}) {
  return createTemplateAction({
    id: 'sre-control-center:github:project',
    description:
      'Creates a planned project on GitHub: the repository (if missing) with its files, labels, one milestone per sprint, one issue per epic, feature and story linked as sub-issues. Re-runs create nothing twice.',
    supportsDryRun: true,
    schema: {
      input: {
        plan: z =>
          // any, not unknown: an action's input and output types must be
          // JSON (TemplateAction's JsonObject bound), and a record of
          // unknown is not, which adopters' `tsc --skipLibCheck false` sees.
          z.record(z.any(), {
            description: 'Output of sre-control-center:plan',
          }),
        host: z =>
          z
            .string({ description: 'GitHub host (integrations.github)' })
            .default('github.com'),
      },
      output: {
        repoUrl: z => z.string(),
        catalogInfoUrl: z => z.string(),
        created: z => z.number({ description: 'Items created by this run' }),
        existing: z =>
          z.number({ description: 'Items that were already there' }),
        githubCalls: z =>
          z.number({ description: 'GitHub REST requests made' }),
        issues: z =>
          z.record(
            z.object({ number: z.number(), id: z.number(), url: z.string() }),
          ),
      },
    },
    async handler(ctx) {
      const plan = parsePlan(ctx.input.plan);
      const host = ctx.input.host ?? 'github.com';
      const { owner, name } = plan.repository;
      const repoUrl = `https://${host}/${owner}/${name}`;
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would create ${repoUrl} with ${plan.files.length} files, ${
            plan.labels.length
          } labels, ${plan.sprints.length} milestones and ${
            plan.epics.length + plan.totals.features + plan.stories.length
          } issues; no GitHub call made`,
        );
        ctx.output('repoUrl', repoUrl);
        ctx.output('catalogInfoUrl', `${repoUrl}/blob/main/catalog-info.yaml`);
        ctx.output('created', 0);
        ctx.output('existing', 0);
        ctx.output('githubCalls', 0);
        ctx.output('issues', {});
        return;
      }
      const { octokit, calls } = await createOctokit(
        {
          integrations: options.integrations,
          credentialsProvider: options.githubCredentialsProvider,
        },
        { host, owner, repo: name },
      );
      const checkpoint: Checkpoint = (key, fn) =>
        ctx.checkpoint({ key: `sre-cc:${key}`, fn });
      const result = await new GithubProjectWriter(
        octokit,
        plan,
        checkpoint,
        ctx.logger,
      ).write();
      ctx.logger.info(
        `${repoUrl}: ${result.created.length} created, ${
          result.existing.length
        } already there, ${calls()} GitHub requests`,
      );
      ctx.output('repoUrl', result.repoUrl);
      ctx.output('catalogInfoUrl', result.catalogInfoUrl);
      ctx.output('created', result.created.length);
      ctx.output('existing', result.existing.length);
      ctx.output('githubCalls', calls());
      ctx.output('issues', result.issues);
    },
  });
}
