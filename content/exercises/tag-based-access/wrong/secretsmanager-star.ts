// expect: read-only: secretsmanager:PutSecretValue by pettracker-reminders
// Every Secrets Manager action on the team's secrets: the role can overwrite, retag or delete them.
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: 'secretsmanager:*',
      Resource: '*',
      Condition: { StringEquals: { 'secretsmanager:ResourceTag/team': '${aws:PrincipalTag/team}' } },
    },
  ],
};
