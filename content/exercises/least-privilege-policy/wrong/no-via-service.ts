// expect: decrypts-via-ssm-only: kms:Decrypt called directly (no kms:ViaService)
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath'],
      Resource: [
        'arn:aws:ssm:us-east-1:123456789012:parameter/pettracker/dev',
        'arn:aws:ssm:us-east-1:123456789012:parameter/pettracker/dev/*',
      ],
    },
    // Any kms:Decrypt on any key, however it is called.
    { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'arn:aws:kms:us-east-1:123456789012:key/*' },
    {
      Effect: 'Allow',
      Action: 'secretsmanager:GetSecretValue',
      Resource: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker/dev/*',
    },
  ],
};
