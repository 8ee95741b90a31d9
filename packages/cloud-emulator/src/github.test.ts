import { Octokit } from 'octokit';
import { Webhooks } from '@octokit/webhooks';
import {
  GITHUB_OWNER,
  GITHUB_REPO,
  RunningEmulator,
  SRE_AGENT_LOGIN,
  startCloudEmulator,
} from './index';
import { startReceiver } from './testUtils';

const repo = { owner: GITHUB_OWNER, repo: GITHUB_REPO };
const SECRET = 'webhook-secret';

describe('GitHub REST through octokit', () => {
  let emulator: RunningEmulator;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let octokit: Octokit;

  beforeAll(async () => {
    receiver = await startReceiver();
    emulator = await startCloudEmulator({
      githubWebhookUrl: receiver.url,
      githubWebhookSecret: SECRET,
    });
    // octokit's throttling plugin spaces write requests one second apart; not needed locally.
    octokit = new Octokit({
      baseUrl: emulator.url,
      auth: 'ghp_emulator',
      throttle: { enabled: false },
    });
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });

  it('lists issues including pull requests, with Link paging', async () => {
    const first = await octokit.rest.issues.listForRepo({
      ...repo,
      state: 'all',
      per_page: 3,
    });
    expect(first.data).toHaveLength(3);
    expect(first.headers.link).toContain('rel="next"');
    const all = await octokit.paginate(octokit.rest.issues.listForRepo, {
      ...repo,
      state: 'all',
      per_page: 3,
    });
    expect(all.map(i => i.number).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(all.find(i => i.number === 3)?.pull_request?.url).toContain(
      '/pulls/3',
    );
    const open = await octokit.rest.issues.listForRepo({ ...repo });
    expect(open.data.every(i => i.state === 'open')).toBe(true);
  });

  it('lists the SRE agent issues that name their alerts', async () => {
    const { data } = await octokit.rest.issues.listForRepo({
      ...repo,
      state: 'all',
      creator: SRE_AGENT_LOGIN,
      labels: 'incident',
    });
    expect(data.map(i => i.title)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('alert-high-response-time'),
        expect.stringContaining('alert-db-connection-failures'),
      ]),
    );
    expect(data.every(i => i.user?.type === 'Bot')).toBe(true);
    // The report template; odd issues carry the Control Center's marker lines.
    expect(
      data.every(i =>
        /## References\n- Target resource: \/subscriptions\//.test(
          i.body ?? '',
        ),
      ),
    ).toBe(true);
    const marked = data.filter(i => i.number % 2 === 1);
    expect(marked.length).toBeGreaterThan(0);
    for (const i of marked) {
      expect(i.body).toMatch(/^- Alert: \/subscriptions\/.+\/alerts\//m);
      expect(i.body).toMatch(/<!-- sre-control-center:alert=\/subscriptions\//);
    }
    for (const i of data.filter(d => d.number % 2 === 0)) {
      expect(i.body).not.toMatch(/alertsmanagement\/alerts/i);
    }
  });

  it('answers 304 to a conditional request that matches, without counting it against the rate limit', async () => {
    const first = await octokit.rest.issues.listForRepo({
      ...repo,
      state: 'all',
    });
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    const status = await octokit.rest.issues
      .listForRepo({
        ...repo,
        state: 'all',
        headers: { 'if-none-match': etag },
      })
      .then(
        r => r.status as number,
        (e: { status: number }) => e.status,
      );
    expect(status).toBe(304);
    const after = await octokit.rest.issues.listForRepo({
      ...repo,
      state: 'all',
    });
    // The 304 cost nothing; this request cost one.
    expect(Number(after.headers['x-ratelimit-remaining'])).toBe(remaining - 1);
    expect(after.headers.etag).toBe(etag);
  });

  it('gets an issue and 404s an unknown one', async () => {
    const { data } = await octokit.rest.issues.get({
      ...repo,
      issue_number: 1,
    });
    expect(data.title).toBe('Add a daily breathing reminder');
    expect(data.labels).toEqual([
      expect.objectContaining({ name: 'enhancement' }),
    ]);
    await expect(
      octokit.rest.issues.get({ ...repo, issue_number: 999 }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('creates, comments, labels and closes an issue and sends signed webhooks', async () => {
    const before = receiver.received.length;
    const created = await octokit.rest.issues.create({
      ...repo,
      title: 'Investigate slow sign-in',
      body: 'p95 above 2 s',
      labels: ['incident'],
    });
    expect(created.status).toBe(201);
    const number = created.data.number;
    expect(number).toBe(9);

    const comment = await octokit.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: 'Restarted the app',
    });
    expect(comment.data.body).toBe('Restarted the app');
    const comments = await octokit.rest.issues.listComments({
      ...repo,
      issue_number: number,
    });
    expect(comments.data.map(c => c.body)).toEqual(['Restarted the app']);

    const labels = await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: number,
      labels: ['severity:sev2'],
    });
    expect(labels.data.map(l => l.name)).toEqual(['incident', 'severity:sev2']);
    const closed = await octokit.rest.issues.update({
      ...repo,
      issue_number: number,
      state: 'closed',
      state_reason: 'completed',
    });
    expect(closed.data.state).toBe('closed');

    const deliveries = await receiver.waitFor(before + 4);
    const events = deliveries
      .slice(before)
      .map(
        d =>
          `${d.headers['x-github-event']}.${
            (d.json as { action: string }).action
          }`,
      );
    expect(events).toEqual([
      'issues.opened',
      'issue_comment.created',
      'issues.labeled',
      'issues.closed',
    ]);
    for (const d of deliveries.slice(before)) {
      expect(d.headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      await expect(
        new Webhooks({ secret: SECRET }).verify(
          d.body,
          String(d.headers['x-hub-signature-256']),
        ),
      ).resolves.toBe(true);
    }
    const opened = deliveries[before].json as {
      issue: { number: number };
      repository: { full_name: string };
      sender: { login: string };
    };
    expect(opened.issue.number).toBe(number);
    expect(opened.repository.full_name).toBe(`${GITHUB_OWNER}/${GITHUB_REPO}`);
  });

  it('validates like GitHub', async () => {
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/issues', {
        ...repo,
        body: 'no title',
      } as never),
    ).rejects.toMatchObject({ status: 422 });
    const anonymous = new Octokit({
      baseUrl: emulator.url,
      throttle: { enabled: false },
    });
    await expect(
      anonymous.rest.issues.create({ ...repo, title: 'x' }),
    ).rejects.toMatchObject({ status: 401 });
  });
});
