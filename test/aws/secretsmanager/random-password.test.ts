import { GetRandomPasswordCommand, InvalidParameterException } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { PUNCTUATION } from '../../../src/aws/secretsmanager/operations/randomPassword';
import { useEmulator } from '../../support/aws';
import { expectError, expectErrorNamed } from './helpers';

const aws = useEmulator();
const { sm } = aws;
const password = async (input: ConstructorParameters<typeof GetRandomPasswordCommand>[0] = {}) =>
  (await sm.send(new GetRandomPasswordCommand(input))).RandomPassword ?? '';

describe('GetRandomPassword', () => {
  it("uses AWS's punctuation set", () => {
    expect(PUNCTUATION).toBe('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');
  });

  it('defaults to 32 characters with at least one of each type', async () => {
    for (let i = 0; i < 20; i++) {
      const p = await password();
      expect(p).toHaveLength(32);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[0-9]/);
      expect([...p].some((c) => PUNCTUATION.includes(c))).toBe(true);
      expect(p).not.toContain(' ');
    }
  });

  it('honours PasswordLength from 1 to 4096', async () => {
    expect(await password({ PasswordLength: 4096 })).toHaveLength(4096);
    expect(await password({ PasswordLength: 1, RequireEachIncludedType: false })).toHaveLength(1);
    await expectErrorNamed(sm.send(new GetRandomPasswordCommand({ PasswordLength: 0 })), 'ValidationException');
    await expectErrorNamed(
      sm.send(new GetRandomPasswordCommand({ PasswordLength: 4097 })),
      'ValidationException',
      "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096",
    );
  });

  it('excludes character types and listed characters', async () => {
    const p = await password({
      PasswordLength: 200,
      ExcludeNumbers: true,
      ExcludePunctuation: true,
      ExcludeCharacters: 'aeiouAEIOU',
    });
    expect(p).toMatch(/^[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z]{200}$/);
    expect(
      await password({ PasswordLength: 50, ExcludeLowercase: true, ExcludeUppercase: true, ExcludePunctuation: true }),
    ).toMatch(/^[0-9]{50}$/);
  });

  it('adds the space character only with IncludeSpace', async () => {
    const p = await password({ PasswordLength: 2000, IncludeSpace: true });
    expect(p).toContain(' ');
  });

  it('refuses a length too short for the required types, and a fully excluded alphabet', async () => {
    await expectError(sm.send(new GetRandomPasswordCommand({ PasswordLength: 3 })), InvalidParameterException);
    expect(await password({ PasswordLength: 3, RequireEachIncludedType: false })).toHaveLength(3);
    await expectError(
      sm.send(
        new GetRandomPasswordCommand({
          ExcludeLowercase: true,
          ExcludeUppercase: true,
          ExcludeNumbers: true,
          ExcludePunctuation: true,
        }),
      ),
      InvalidParameterException,
    );
  });

  it('is reproducible from the emulator seed', async () => {
    const first = await password();
    aws.emulator.reset();
    expect(await password()).toBe(first);
  });
});
