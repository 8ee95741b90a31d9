import { createGroupCommit } from './groupCommit';

describe('createGroupCommit', () => {
  it('writes the first item alone and batches those that arrive meanwhile', async () => {
    const batches: number[][] = [];
    const add = createGroupCommit(
      async (items: number[]) => {
        batches.push(items);
        await new Promise(r => setTimeout(r, 5));
        return items.map(i => i * 10);
      },
      { maxBatch: 3 },
    );
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map(add));
    expect(results).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([[1], [2, 3, 4], [5, 6]]);
  });

  it('fails every caller of a failed batch and keeps going', async () => {
    let calls = 0;
    const add = createGroupCommit(
      async (items: string[]) => {
        calls++;
        if (calls === 1) throw new Error('disk full');
        return items;
      },
      { maxBatch: 10 },
    );
    const first = add('a');
    const second = add('b');
    await expect(first).rejects.toThrow('disk full');
    await expect(second).resolves.toBe('b');
  });

  it('refuses a write that returns the wrong number of results', async () => {
    const add = createGroupCommit(async (_items: string[]) => [], {
      maxBatch: 10,
    });
    await expect(add('a')).rejects.toThrow(/wrote 0 of 1/);
  });
});
