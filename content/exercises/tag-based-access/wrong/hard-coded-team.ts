// expect: reads-own-team: not with one team's name
// Compares the secret's tag with the reminders team's name: right for one role, wrong for the others.
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceTag/team': 'reminders' } },
    },
  ],
};
