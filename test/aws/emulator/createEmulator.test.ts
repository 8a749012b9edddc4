import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../../src/aws/emulator';
import { handleAwsJson } from '../../../src/aws/protocol/json';

const call = (emulator: ReturnType<typeof createEmulator>, target: string, body: object) =>
  handleAwsJson(emulator, { method: 'POST', target, body: JSON.stringify(body) });
/** The SDK and the CLI always send a ClientRequestToken; a raw call must too. */
const token = (n: number) => `${n}`.padStart(32, '0');

describe('createEmulator wires the simulations once', () => {
  it('reports a background job that throws in the call log and to onInternalError', async () => {
    const reported: [string, unknown][] = [];
    const emulator = createEmulator({ onInternalError: (where, error) => reported.push([where, error]) });

    emulator.work.enqueue(() => {
      throw new TypeError('a bug in a background job');
    });
    await emulator.idle();

    expect(reported).toEqual([['background job', expect.any(TypeError)]]);
    expect(emulator.log.entries()).toMatchObject([
      {
        service: 'emulator',
        operation: 'InternalError',
        outcome: 'InternalFailure',
        message: 'TypeError: a bug in a background job',
        source: 'event',
      },
    ]);
  });

  it('registers the rotation templates once, in the account and default region (and the seed’s function)', () => {
    const emulator = createEmulator({ accountId: '111122223333', defaultRegion: 'eu-west-1' });
    const world = createEmulator({ accountId: '111122223333', defaultRegion: 'eu-west-1', preset: 'pettracker' });

    const arns = emulator.lambdas.list().map((f) => f.arn);
    const worldArns = world.lambdas.list().map((f) => f.arn);

    expect(arns).toHaveLength(4);
    for (const arn of arns) expect(arn).toMatch(/^arn:aws:lambda:eu-west-1:111122223333:function:SecretsManagerRDS/);
    expect(worldArns).toEqual([...arns, 'arn:aws:lambda:eu-west-1:111122223333:function:SecretsManagerRotation']);
  });

  it('applies the preset at creation and again after reset, not on an empty emulator', () => {
    const pettracker = createEmulator({ preset: 'pettracker' });
    const empty = createEmulator();

    expect(Object.keys(pettracker.databases.state.servers)).toEqual([
      'pettracker-db.cluster-xxx.us-east-1.rds.amazonaws.com:5432',
    ]);
    expect(pettracker.preloaded).toEqual([
      expect.stringMatching(
        /^KMS key alias\/pettracker \(customer managed\): arn:aws:kms:us-east-1:123456789012:key\//,
      ),
      expect.stringMatching(/^PostgreSQL pettracker-db/),
    ]);
    pettracker.databases.reset();
    pettracker.reset();
    expect(Object.keys(pettracker.databases.state.servers)).toHaveLength(1);
    expect(Object.keys(empty.databases.state.servers)).toEqual([]);
  });

  it('a restored emulator continues the random sequence, so new ids never repeat saved ones', async () => {
    const original = createEmulator({ seed: 5 });
    await call(original, 'secretsmanager.CreateSecret', {
      Name: 'a',
      SecretString: 'x',
      ClientRequestToken: 't'.repeat(32),
    });
    const copy = createEmulator({ seed: 5 });
    copy.restore(original.snapshot());

    const next = await call(original, 'secretsmanager.CreateSecret', {
      Name: 'b',
      SecretString: 'y',
      ClientRequestToken: token(2),
    });
    const fromCopy = await call(copy, 'secretsmanager.CreateSecret', {
      Name: 'b',
      SecretString: 'y',
      ClientRequestToken: token(2),
    });
    const fresh = await call(createEmulator({ seed: 5 }), 'secretsmanager.CreateSecret', {
      Name: 'b',
      SecretString: 'y',
    });

    expect(JSON.parse(fromCopy.body).ARN).toBe(JSON.parse(next.body).ARN);
    expect(JSON.parse(fromCopy.body).ARN).not.toBe(JSON.parse(fresh.body).ARN);
  });

  it('keeps a secret named __proto__ through a snapshot and restore', async () => {
    const emulator = createEmulator();
    await call(emulator, 'secretsmanager.CreateSecret', {
      Name: '__proto__',
      SecretString: 'p',
      ClientRequestToken: token(1),
    });
    const copy = createEmulator();
    copy.restore(JSON.parse(JSON.stringify(emulator.snapshot())));

    const read = await call(copy, 'secretsmanager.GetSecretValue', { SecretId: '__proto__' });

    expect(JSON.parse(read.body)).toMatchObject({ Name: '__proto__', SecretString: 'p' });
  });
});
