// expect: denies-other-environments: /pettracker/development/api-url
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
      // Covers the path and everything under it... and every name that starts with "dev".
      Resource: 'arn:aws:ssm:us-east-1:123456789012:parameter/pettracker/dev*',
    },
    {
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: 'arn:aws:kms:us-east-1:123456789012:key/*',
      Condition: { StringEquals: { 'kms:ViaService': 'ssm.us-east-1.amazonaws.com' } },
    },
    {
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker/dev/*',
    },
  ],
};
