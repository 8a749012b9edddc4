import { InvalidNextTokenException, ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../../support/aws';
import { createSecret, expectError, expectErrorNamed } from './helpers';

const aws = useEmulator();
const { sm } = aws;

async function seed() {
  await createSecret(sm, 'prod/db/password', 'a', {
    Description: 'Database credentials',
    Tags: [{ Key: 'env', Value: 'prod' }],
  });
  aws.emulator.clock.advance(1_000);
  await createSecret(sm, 'prod/api-key', 'b', {
    Description: 'Partner API key',
    Tags: [{ Key: 'team', Value: 'payments' }],
  });
  aws.emulator.clock.advance(1_000);
  await createSecret(sm, 'dev/db/password', 'c', { Tags: [{ Key: 'env', Value: 'dev' }] });
}

const names = (out: { SecretList?: { Name?: string }[] }) => out.SecretList?.map((s) => s.Name);

describe('ListSecrets', () => {
  it('lists metadata (never values) by creation date', async () => {
    await seed();
    const out = await sm.send(new ListSecretsCommand({}));
    expect(names(out)).toEqual(['prod/db/password', 'prod/api-key', 'dev/db/password']);
    const first = out.SecretList?.[0];
    expect(first).toMatchObject({ Description: 'Database credentials', Tags: [{ Key: 'env', Value: 'prod' }] });
    expect(Object.values(first?.SecretVersionsToStages ?? {})).toEqual([['AWSCURRENT']]);
    expect(JSON.stringify(out)).not.toContain('SecretString');
  });

  it('sorts descending and by name', async () => {
    await seed();
    expect(names(await sm.send(new ListSecretsCommand({ SortOrder: 'desc' })))).toEqual([
      'dev/db/password',
      'prod/api-key',
      'prod/db/password',
    ]);
    expect(names(await sm.send(new ListSecretsCommand({ SortBy: 'name' })))).toEqual([
      'dev/db/password',
      'prod/api-key',
      'prod/db/password',
    ]);
  });

  it('pages with MaxResults and NextToken', async () => {
    await seed();
    const first = await sm.send(new ListSecretsCommand({ MaxResults: 2 }));
    expect(names(first)).toEqual(['prod/db/password', 'prod/api-key']);
    const second = await sm.send(new ListSecretsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    expect(names(second)).toEqual(['dev/db/password']);
    expect(second.NextToken).toBeUndefined();
  });

  it('validates MaxResults (1–100) and NextToken', async () => {
    await expectErrorNamed(
      sm.send(new ListSecretsCommand({ MaxResults: 0 })),
      'ValidationException',
      /greater than or equal to 1/,
    );
    await expectErrorNamed(
      sm.send(new ListSecretsCommand({ MaxResults: 101 })),
      'ValidationException',
      /less than or equal to 100/,
    );
    await expectError(sm.send(new ListSecretsCommand({ NextToken: 'bm90LWEtdG9rZW4=' })), InvalidNextTokenException);
  });

  it('filters by name prefix, case-sensitive', async () => {
    await seed();
    expect(names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['prod/'] }] })))).toEqual([
      'prod/db/password',
      'prod/api-key',
    ]);
    expect(names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['PROD/'] }] })))).toEqual([]);
  });

  it('filters by description words, not case-sensitive: each word of the value begins a word', async () => {
    // The cases AWS was recorded answering (LocalStack's validated test_list_secrets_filtering).
    await createSecret(sm, 'one', 'x', { Description: 'a secret' });
    await createSecret(sm, 'two', 'x', { Description: 'an secret' });
    await createSecret(sm, 'three', 'x', { Description: 'asecret' });
    await createSecret(sm, 'four', 'x', { Description: 'thesecret' });
    const by = async (value: string) =>
      names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'description', Values: [value] }] })));

    expect(await by('a')).toEqual(['one', 'two', 'three']);
    expect(await by('a secret')).toEqual(['one', 'two']);
    expect(await by('SECRET')).toEqual(['one', 'two']);
    expect(await by('!a')).toEqual(['four']);
    expect(await by('!c')).toEqual(['one', 'two', 'three', 'four']);
    expect(names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['one two'] }] })))).toEqual(
      [],
    );
  });

  it('finds a word anywhere in the description, not only at its start', async () => {
    await seed();
    expect(
      names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'description', Values: ['database'] }] }))),
    ).toEqual(['prod/db/password']);
    expect(
      names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'description', Values: ['credentials'] }] }))),
    ).toEqual(['prod/db/password']);
  });

  it('filters by tag key and tag value; several values are OR, several filters AND', async () => {
    await seed();
    expect(names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'tag-key', Values: ['env'] }] })))).toEqual([
      'prod/db/password',
      'dev/db/password',
    ]);
    expect(
      names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'tag-value', Values: ['dev', 'payments'] }] }))),
    ).toEqual(['prod/api-key', 'dev/db/password']);
    expect(
      names(
        await sm.send(
          new ListSecretsCommand({
            Filters: [
              { Key: 'tag-key', Values: ['env'] },
              { Key: 'tag-value', Values: ['prod'] },
            ],
          }),
        ),
      ),
    ).toEqual(['prod/db/password']);
  });

  it('negates a value that starts with "!"', async () => {
    await seed();
    expect(names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['!prod'] }] })))).toEqual([
      'dev/db/password',
    ]);
  });

  it('"all" breaks the value into words and matches any attribute, not case-sensitive', async () => {
    await seed();
    expect(names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'all', Values: ['partner'] }] })))).toEqual([
      'prod/api-key',
    ]);
    expect(
      names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'all', Values: ['DB password'] }] }))),
    ).toEqual(['prod/db/password', 'dev/db/password']);
  });

  it('primary-region and owning-service match nothing here (no replicas, no managed secrets)', async () => {
    await seed();
    expect(
      names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'owning-service', Values: ['rds'] }] }))),
    ).toEqual([]);
    expect(
      names(await sm.send(new ListSecretsCommand({ Filters: [{ Key: 'primary-region', Values: ['!us-east-1'] }] }))),
    ).toHaveLength(3);
  });

  it('rejects an unknown filter key', async () => {
    await expectErrorNamed(
      sm.send(new ListSecretsCommand({ Filters: [{ Key: 'colour' as never, Values: ['red'] }] })),
      'ValidationException',
      /Member must satisfy enum value set/,
    );
  });
});
