// expect: denies-untagged: not StringEqualsIfExists
// IfExists matches when the key is missing: every untagged secret is open to every role.
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: '*',
      Condition: { StringEqualsIfExists: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    },
  ],
};
