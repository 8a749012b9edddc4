const REGION = 'us-east-1';
const ACCOUNT = '123456789012';

/** The dev API function's execution role: read its own configuration and secret, nothing else. */
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadDevParameters',
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
      // GetParametersByPath is authorized on the path itself, the others on each parameter.
      Resource: [
        `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/pettracker/dev`,
        `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/pettracker/dev/*`,
      ],
    },
    {
      Sid: 'DecryptThroughParameterStore',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: `arn:aws:kms:${REGION}:${ACCOUNT}:key/*`,
      Condition: { StringEquals: { 'kms:ViaService': `ssm.${REGION}.amazonaws.com` } },
    },
    {
      Sid: 'ReadDevSecrets',
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      // The ARN ends in -<six random characters>: match it with a wildcard.
      Resource: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:pettracker/dev/*`,
    },
  ],
};

console.log(JSON.stringify(policy, null, 2));
