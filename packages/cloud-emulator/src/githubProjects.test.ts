import { Octokit } from 'octokit';
import { RunningEmulator, startCloudEmulator } from './index';

describe('GitHub project routes through octokit', () => {
  let emulator: RunningEmulator;
  let octokit: Octokit;
  const repo = { owner: 'acme', repo: 'new-project' };

  beforeAll(async () => {
    emulator = await startCloudEmulator();
    octokit = new Octokit({
      baseUrl: emulator.url,
      auth: 'ghp_emulator',
      throttle: { enabled: false },
    });
  });
  afterAll(() => emulator.close());

  it('creates a repository in an organisation, once', async () => {
    const { data: owner } = await octokit.rest.users.getByUsername({
      username: 'acme',
    });
    expect(owner.type).toBe('Organization');
    const { data, status } = await octokit.rest.repos.createInOrg({
      org: 'acme',
      name: 'new-project',
      private: true,
      auto_init: true,
    });
    expect(status).toBe(201);
    expect(data).toEqual(
      expect.objectContaining({
        full_name: 'acme/new-project',
        private: true,
        default_branch: 'main',
        html_url: 'https://github.com/acme/new-project',
      }),
    );
    await expect(
      octokit.rest.repos.createInOrg({ org: 'acme', name: 'new-project' }),
    ).rejects.toMatchObject({ status: 422 });
  });

  it('creates and updates files, with the sha guarding updates', async () => {
    const content = Buffer.from('kind: System\n').toString('base64');
    const created = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path: 'catalog-info.yaml',
      message: 'Add',
      content,
    });
    expect(created.status).toBe(201);
    const { data } = await octokit.rest.repos.getContent({
      ...repo,
      path: 'catalog-info.yaml',
    });
    expect(!Array.isArray(data) && data.type === 'file' && data.sha).toBe(
      created.data.content?.sha,
    );
    await expect(
      octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: 'catalog-info.yaml',
        message: 'Update without sha',
        content,
      }),
    ).rejects.toMatchObject({ status: 422 });
    // What the catalog's URL reader asks for.
    const raw = await fetch(
      `${emulator.url}/repos/acme/new-project/contents/catalog-info.yaml?ref=main`,
      {
        headers: {
          accept: 'application/vnd.github.v3.raw',
          authorization: 'token x',
        },
      },
    );
    expect(await raw.text()).toBe('kind: System\n');
  });

  it('links sub-issues by id, not number, and shows milestones on issues', async () => {
    const { data: milestone } = await octokit.rest.issues.createMilestone({
      ...repo,
      title: 'Sprint 1',
      due_on: '2026-12-20T23:59:59Z',
    });
    await expect(
      octokit.rest.issues.createMilestone({ ...repo, title: 'Sprint 1' }),
    ).rejects.toMatchObject({ status: 422 });
    const { data: parent } = await octokit.rest.issues.create({
      ...repo,
      title: 'Epic',
    });
    const { data: child } = await octokit.rest.issues.create({
      ...repo,
      title: 'Story',
      milestone: milestone.number,
    });
    expect(child.milestone?.title).toBe('Sprint 1');
    await expect(
      octokit.rest.issues.addSubIssue({
        ...repo,
        issue_number: parent.number,
        sub_issue_id: child.number,
      }),
    ).rejects.toMatchObject({ status: 422 });
    const linked = await octokit.rest.issues.addSubIssue({
      ...repo,
      issue_number: parent.number,
      sub_issue_id: child.id,
    });
    expect(linked.status).toBe(201);
    const { data: children } = await octokit.rest.issues.listSubIssues({
      ...repo,
      issue_number: parent.number,
    });
    expect(children.map(i => i.id)).toEqual([child.id]);
    const { data: again } = await octokit.rest.issues.get({
      ...repo,
      issue_number: parent.number,
    });
    expect(again).toMatchObject({ sub_issues_summary: { total: 1 } });
    const { data: milestones } = await octokit.rest.issues.listMilestones({
      ...repo,
      state: 'all',
    });
    expect(milestones).toEqual([
      expect.objectContaining({ title: 'Sprint 1', open_issues: 1 }),
    ]);
  });
});
