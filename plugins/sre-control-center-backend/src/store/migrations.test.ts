import type { Knex } from 'knex';
import { migrateWhenUnlocked } from './migrations';

/** A client whose `migrate.latest` fails with the given errors first, then succeeds. */
function clientFailingWith(...errors: object[]) {
  let calls = 0;
  const client = {
    migrate: {
      latest: async () => {
        const error = errors[calls++];
        if (error) throw error;
        return [1, []];
      },
    },
  } as unknown as Knex;
  return { client, calls: () => calls };
}

// The lock itself is tested on real databases in src/tests/migrations.test.ts.
describe('migrateWhenUnlocked', () => {
  it('tries again when another replica created knex’s own tables at the same moment (PostgreSQL)', async () => {
    const { client, calls } = clientFailingWith(
      { code: '23505', constraint: 'pg_type_typname_nsp_index' },
      { code: '23505', constraint: 'pg_class_relname_nsp_index' },
      { code: '42P07' },
    );
    await migrateWhenUnlocked(client, 5_000);
    expect(calls()).toBe(4);
  });

  it('passes any other duplicate on at once', async () => {
    const duplicate = { code: '23505', constraint: 'alerts_pkey' };
    const { client, calls } = clientFailingWith(duplicate);
    await expect(migrateWhenUnlocked(client, 5_000)).rejects.toEqual(duplicate);
    expect(calls()).toBe(1);
  });

  it('passes any other error on at once', async () => {
    const { client, calls } = clientFailingWith({ code: '42601' });
    await expect(migrateWhenUnlocked(client, 5_000)).rejects.toEqual({
      code: '42601',
    });
    expect(calls()).toBe(1);
  });
});
