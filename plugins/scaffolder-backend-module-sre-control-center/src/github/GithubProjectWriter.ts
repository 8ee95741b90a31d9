import { InputError } from '@backstage/errors';
import type { Octokit } from 'octokit';
import { ProjectPlan, Story } from '../planner/types';
import { parseIssueNumber } from './repoRef';

/**
 * Runs a step once per task: the scaffolder's `ctx.checkpoint` (a recovered
 * task returns the stored result instead of calling GitHub again).
 */
export type Json =
  | string
  | number
  | boolean
  | null
  | Json[]
  | { [key: string]: Json };

/** @public */
export type Checkpoint = <T extends Json>(
  key: string,
  fn: () => Promise<T>,
) => Promise<T>;

export interface WriterLog {
  info(message: string): void;
  warn(message: string): void;
}

/** @public */
export interface ProjectIssue {
  number: number;
  id: number;
  url: string;
}

/** @public */
export interface WriteResult {
  repoUrl: string;
  catalogInfoUrl: string;
  defaultBranch: string;
  /** Plan item key (`epic:…`, `feature:…`, `story:…`) → issue. */
  issues: Record<string, ProjectIssue>;
  milestones: Record<string, number>;
  created: string[];
  existing: string[];
}

/**
 * Hidden in each issue body: which plan item the issue is, for re-runs.
 *
 * @public
 */
export const planItemMarker = (key: string) =>
  `<!-- sre-control-center:plan-item=${key} -->`;
const MARKER = /<!-- sre-control-center:plan-item=([^ ]+) -->/;
const MAX_SUB_ISSUES = 100;

const status = (e: unknown) =>
  typeof e === 'object' && e !== null && 'status' in e
    ? Number((e as { status: unknown }).status)
    : undefined;

/**
 * Creates the planned project on GitHub: repository, files, labels, one
 * milestone per sprint, one issue per epic, feature and story, and the
 * sub-issue links. Every step first looks at what GitHub already has, so a
 * new run with the same plan creates nothing twice, and runs inside a
 * checkpoint, so a recovered task skips what it did before.
 *
 * @public
 */
export class GithubProjectWriter {
  private readonly created: string[] = [];
  private readonly existing: string[] = [];
  private readonly pending: string[] = [];
  private linked = false;

  constructor(
    private readonly octokit: Octokit,
    private readonly plan: ProjectPlan,
    private readonly checkpoint: Checkpoint,
    private readonly log: WriterLog,
  ) {}

  private get repo() {
    return {
      owner: this.plan.repository.owner,
      repo: this.plan.repository.name,
    };
  }

  private note(item: string, wasCreated: boolean) {
    (wasCreated ? this.created : this.existing).push(item);
    const index = this.pending.indexOf(item);
    if (index >= 0) this.pending.splice(index, 1);
    this.log.info(`${wasCreated ? 'Created' : 'Already there'}: ${item}`);
  }

  async write(): Promise<WriteResult> {
    const plan = this.plan;
    this.pending.push(
      `repository ${this.repo.owner}/${this.repo.repo}`,
      ...plan.files.map(f => `file ${f.path}`),
      ...plan.labels.map(l => `label ${l.name}`),
      ...plan.sprints.map(s => `milestone ${s.title}`),
      ...this.itemKeys().map(k => `issue ${k}`),
    );
    try {
      return await this.writeAll();
    } catch (e) {
      this.log.warn(
        `Stopped: ${e instanceof Error ? e.message : String(e)}. Created: ${
          this.created.join('; ') || 'nothing'
        }. Already there: ${this.existing.length} items. Not done: ${[
          ...this.pending,
          ...(this.linked ? [] : ['sub-issue links']),
        ].join(
          '; ',
        )}. Running the template again with the same inputs completes the project without duplicates.`,
      );
      throw e;
    }
  }

  private itemKeys(): string[] {
    return [
      ...this.plan.epics.map(e => `epic:${e.id}`),
      ...this.plan.epics.flatMap(e => e.features.map(f => `feature:${f.id}`)),
      ...this.plan.stories.map(s => `story:${s.id}`),
    ];
  }

  private async writeAll(): Promise<WriteResult> {
    const repo = await this.ensureRepository();
    for (const file of this.plan.files)
      await this.ensureFile(file.path, file.content, repo.defaultBranch);
    await this.ensureLabels();
    const milestones = await this.ensureMilestones();
    const issues = await this.ensureIssues(milestones);
    await this.ensureSubIssues(issues);
    this.linked = true;
    return {
      repoUrl: repo.htmlUrl,
      catalogInfoUrl: `${repo.htmlUrl}/blob/${repo.defaultBranch}/catalog-info.yaml`,
      defaultBranch: repo.defaultBranch,
      issues,
      milestones,
      created: this.created,
      existing: this.existing,
    };
  }

  private async ensureRepository() {
    const item = `repository ${this.repo.owner}/${this.repo.repo}`;
    return this.checkpoint(
      `repo:${this.repo.owner}/${this.repo.repo}`,
      async () => {
        try {
          const { data } = await this.octokit.rest.repos.get(this.repo);
          this.note(item, false);
          return { htmlUrl: data.html_url, defaultBranch: data.default_branch };
        } catch (e) {
          if (status(e) !== 404) throw e;
        }
        const { data: owner } = await this.octokit.rest.users.getByUsername({
          username: this.repo.owner,
        });
        const options = {
          name: this.repo.repo,
          description: this.plan.repository.description,
          private: true,
          auto_init: true,
          has_issues: true,
        };
        let data;
        if (owner.type === 'Organization') {
          ({ data } = await this.octokit.rest.repos.createInOrg({
            org: this.repo.owner,
            ...options,
          }));
        } else {
          const { data: me } = await this.octokit.rest.users.getAuthenticated();
          if (me.login.toLowerCase() !== this.repo.owner.toLowerCase())
            throw new InputError(
              `${this.repo.owner} is a user account other than the one the GitHub credentials belong to (${me.login}): create the repository there first, or use an organisation`,
            );
          ({ data } = await this.octokit.rest.repos.createForAuthenticatedUser(
            options,
          ));
        }
        this.note(item, true);
        return {
          htmlUrl: data.html_url,
          defaultBranch: data.default_branch ?? 'main',
        };
      },
    );
  }

  private async ensureFile(path: string, content: string, branch: string) {
    const item = `file ${path}`;
    await this.checkpoint(`file:${path}`, async () => {
      let sha: string | undefined;
      try {
        const { data } = await this.octokit.rest.repos.getContent({
          ...this.repo,
          path,
          ref: branch,
        });
        if (!Array.isArray(data) && data.type === 'file') {
          sha = data.sha;
          const current = Buffer.from(data.content ?? '', 'base64').toString(
            'utf8',
          );
          if (current === content) {
            this.note(item, false);
            return sha;
          }
        }
      } catch (e) {
        if (status(e) !== 404) throw e;
      }
      const { data } = await this.octokit.rest.repos.createOrUpdateFileContents(
        {
          ...this.repo,
          path,
          branch,
          message: `${
            sha ? 'Update' : 'Add'
          } ${path} (SRE Control Center project plan)`,
          content: Buffer.from(content, 'utf8').toString('base64'),
          ...(sha && { sha }),
        },
      );
      this.note(item, true);
      return data.content?.sha ?? '';
    });
  }

  private async ensureLabels() {
    const existing = await this.checkpoint('labels:list', async () =>
      (
        await this.octokit.paginate(
          this.octokit.rest.issues.listLabelsForRepo,
          { ...this.repo, per_page: 100 },
        )
      ).map(l => l.name.toLowerCase()),
    );
    for (const label of this.plan.labels) {
      const item = `label ${label.name}`;
      if (existing.includes(label.name.toLowerCase())) {
        this.note(item, false);
        continue;
      }
      await this.checkpoint(`label:${label.name}`, async () => {
        try {
          await this.octokit.rest.issues.createLabel({
            ...this.repo,
            ...label,
          });
          this.note(item, true);
        } catch (e) {
          // Created meanwhile (GitHub answers 422 already_exists).
          if (status(e) !== 422) throw e;
          this.note(item, false);
        }
        return label.name;
      });
    }
  }

  private async ensureMilestones(): Promise<Record<string, number>> {
    const existing = await this.checkpoint('milestones:list', async () => {
      const all = await this.octokit.paginate(
        this.octokit.rest.issues.listMilestones,
        {
          ...this.repo,
          state: 'all',
          per_page: 100,
        },
      );
      return Object.fromEntries(all.map(m => [m.title, m.number]));
    });
    const numbers: Record<string, number> = {};
    for (const sprint of this.plan.sprints) {
      const item = `milestone ${sprint.title}`;
      const found = existing[sprint.title];
      if (found !== undefined) {
        numbers[String(sprint.number)] = parseIssueNumber(found);
        this.note(item, false);
        continue;
      }
      numbers[String(sprint.number)] = await this.checkpoint(
        `milestone:${sprint.number}`,
        async () => {
          const { data } = await this.octokit.rest.issues.createMilestone({
            ...this.repo,
            title: sprint.title,
            description: `${sprint.points} of ${sprint.capacity} points: ${
              sprint.storyIds.join(', ') || 'no stories'
            }`,
            due_on: `${sprint.dueOn}T23:59:59Z`,
          });
          this.note(item, true);
          return parseIssueNumber(data.number);
        },
      );
    }
    return numbers;
  }

  private storyBody(
    story: Story,
    issues: Record<string, ProjectIssue>,
  ): string {
    const deps = story.dependsOn.map(id => {
      const issue = issues[`story:${id}`];
      const title = this.plan.stories.find(s => s.id === id)?.title ?? id;
      return issue
        ? `- #${issue.number} (${id}: ${title})`
        : `- ${id}: ${title}`;
    });
    return [
      story.userStory,
      '',
      '## Acceptance criteria',
      ...story.acceptanceCriteria.map(c => `- [ ] ${c}`),
      '',
      `**Points:** ${story.points} · **Priority:** ${
        story.priority
      } · **Sprint:** ${story.sprint ?? 'not scheduled'}`,
      '',
      '## Depends on',
      ...(deps.length > 0 ? deps : ['- nothing']),
      '',
      '<details><summary>Why the planner put it here</summary>',
      '',
      ...story.rule.map(r => `- ${r}`),
      '</details>',
      '',
      planItemMarker(`story:${story.id}`),
    ].join('\n');
  }

  private async ensureIssues(
    milestones: Record<string, number>,
  ): Promise<Record<string, ProjectIssue>> {
    const found = await this.checkpoint('issues:list', async () => {
      const all = await this.octokit.paginate(
        this.octokit.rest.issues.listForRepo,
        {
          ...this.repo,
          state: 'all',
          per_page: 100,
        },
      );
      const byKey: Record<string, { number: number; id: number; url: string }> =
        {};
      for (const issue of all) {
        const key = MARKER.exec(issue.body ?? '')?.[1];
        if (key && !issue.pull_request && !byKey[key])
          byKey[key] = {
            number: issue.number,
            id: issue.id,
            url: issue.html_url,
          };
      }
      return byKey;
    });
    const issues: Record<string, ProjectIssue> = {};
    const ensure = async (
      key: string,
      title: string,
      labels: string[],
      body: string,
      milestone?: number,
    ) => {
      const item = `issue ${key}`;
      const known = found[key];
      if (known) {
        issues[key] = known;
        this.note(item, false);
        return;
      }
      issues[key] = await this.checkpoint(`issue:${key}`, async () => {
        const { data } = await this.octokit.rest.issues.create({
          ...this.repo,
          title,
          body,
          labels,
          ...(milestone !== undefined && { milestone }),
        });
        this.note(item, true);
        return {
          number: parseIssueNumber(data.number),
          id: parseIssueNumber(data.id),
          url: data.html_url,
        };
      });
    };
    for (const epic of this.plan.epics) {
      await ensure(
        `epic:${epic.id}`,
        `Epic: ${epic.title}`,
        ['type: epic'],
        [
          `Epic of ${this.plan.name}.`,
          '',
          ...epic.features.map(f => `- ${f.title}: ${f.storyIds.join(', ')}`),
          '',
          `Rule: ${epic.rule}`,
          '',
          planItemMarker(`epic:${epic.id}`),
        ].join('\n'),
      );
    }
    for (const feature of this.plan.epics.flatMap(e => e.features)) {
      await ensure(
        `feature:${feature.id}`,
        `Feature: ${feature.title}`,
        ['type: feature'],
        [
          `Feature of the ${feature.epic} epic.`,
          '',
          ...feature.storyIds.map(
            id =>
              `- ${id}: ${
                this.plan.stories.find(s => s.id === id)?.title ?? id
              }`,
          ),
          '',
          `Rule: ${feature.rule}`,
          '',
          planItemMarker(`feature:${feature.id}`),
        ].join('\n'),
      );
    }
    for (const story of this.plan.stories) {
      await ensure(
        `story:${story.id}`,
        `${story.id} ${story.title}`,
        [
          'type: story',
          `priority: ${story.priority}`,
          `points: ${story.points}`,
        ],
        this.storyBody(story, issues),
        story.sprint === undefined
          ? undefined
          : milestones[String(story.sprint)],
      );
    }
    return issues;
  }

  private async ensureSubIssues(issues: Record<string, ProjectIssue>) {
    const links: Array<[string, string]> = [];
    for (const epic of this.plan.epics) {
      for (const feature of epic.features) {
        links.push([`epic:${epic.id}`, `feature:${feature.id}`]);
        for (const id of feature.storyIds)
          links.push([`feature:${feature.id}`, `story:${id}`]);
      }
    }
    const byParent = new Map<string, string[]>();
    for (const [parent, child] of links)
      byParent.set(parent, [...(byParent.get(parent) ?? []), child]);
    for (const [parentKey, childKeys] of byParent) {
      const parent = issues[parentKey];
      const linked = await this.checkpoint(
        `sub-issues:list:${parentKey}`,
        async () =>
          (
            await this.octokit.paginate(
              this.octokit.rest.issues.listSubIssues,
              {
                ...this.repo,
                issue_number: parent.number,
                per_page: 100,
              },
            )
          ).map(i => i.id),
      );
      let count = linked.length;
      for (const childKey of childKeys) {
        const child = issues[childKey];
        const item = `sub-issue ${childKey} of ${parentKey}`;
        if (linked.includes(child.id)) {
          this.note(item, false);
          continue;
        }
        if (count >= MAX_SUB_ISSUES) {
          this.log.warn(
            `${item} not linked: GitHub allows ${MAX_SUB_ISSUES} sub-issues per issue (its body still names the feature)`,
          );
          continue;
        }
        await this.checkpoint(
          `sub-issue:${parentKey}:${childKey}`,
          async () => {
            // GitHub takes the child's id here, not its number.
            await this.octokit.rest.issues.addSubIssue({
              ...this.repo,
              issue_number: parent.number,
              sub_issue_id: child.id,
            });
            this.note(item, true);
            return child.id;
          },
        );
        count++;
      }
    }
  }
}
