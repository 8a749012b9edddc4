// Alex's first draft of the dev API role's policy. It works, and it allows far too much.
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadConfig',
      Effect: 'Allow',
      // TODO: only the three read actions, and only for the dev branch.
      Action: 'ssm:*',
      Resource: 'arn:aws:ssm:us-east-1:123456789012:parameter/pettracker/*',
    },
    {
      Sid: 'DecryptConfig',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      // TODO: only when Parameter Store calls KMS on the function's behalf.
      Resource: 'arn:aws:kms:us-east-1:123456789012:key/*',
    },
    {
      Sid: 'ReadDbSecret',
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      // TODO: does this match the secret's real ARN?
      Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker/dev/db-credentials',
    },
  ],
};

console.log(JSON.stringify(policy, null, 2));
