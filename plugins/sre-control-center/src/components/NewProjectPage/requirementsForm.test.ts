import {
  EMPTY_FORM,
  applyEdit,
  formFromQuery,
  toTemplateValues,
  validateRequirements,
} from './requirementsForm';

const valid = {
  ...EMPTY_FORM,
  name: 'P',
  repoOwner: 'acme',
  repoName: 'p.repo_1',
  timelineWeeks: '5',
  mustHave: ' one \n\n two ',
};

describe('requirements form', () => {
  it('accepts a valid form and sends the template names and types', () => {
    expect(validateRequirements(valid)).toEqual({});
    expect(toTemplateValues(valid)).toEqual({
      name: 'P',
      repoOwner: 'acme',
      repoName: 'p.repo_1',
      timelineWeeks: 5,
      mustHave: ['one', 'two'],
    });
  });

  it.each([
    [{ repoOwner: 'a--b' }, 'repoOwner'],
    [{ repoOwner: 'x'.repeat(40) }, 'repoOwner'],
    [{ repoName: '..' }, 'repoName'],
    [{ repoName: 'x.git' }, 'repoName'],
    [{ timelineWeeks: '0' }, 'timelineWeeks'],
    [{ timelineWeeks: '-1' }, 'timelineWeeks'],
    [{ mustHave: ' \n ' }, 'mustHave'],
    [{ name: ' ' }, 'name'],
  ])('refuses %p', (patch, key) => {
    expect(Object.keys(validateRequirements({ ...valid, ...patch }))).toEqual([
      key,
    ]);
  });

  it('sends edits only when there are some', () => {
    expect(toTemplateValues(valid, {}).edits).toBeUndefined();
    const edits = applyEdit(
      applyEdit(applyEdit({}, { kind: 'remove', storyId: 'S1' }), {
        kind: 'points',
        storyId: 'S2',
        points: 8,
      }),
      { kind: 'sprint', storyId: 'S2', sprint: 2 },
    );
    expect(toTemplateValues(valid, edits).edits).toEqual({
      remove: ['S1'],
      points: { S2: 8 },
      sprint: { S2: 2 },
    });
  });

  it('reads ?formData and ignores what is not JSON', () => {
    expect(formFromQuery('?formData=%7Bbroken')).toEqual(EMPTY_FORM);
    expect(
      formFromQuery(
        `?formData=${encodeURIComponent(
          JSON.stringify({ niceToHave: ['a', 1, 'b'] }),
        )}`,
      ).niceToHave,
    ).toBe('a\nb');
  });
});
