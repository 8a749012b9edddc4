// expect: denies-other-teams: by pettracker-reminders (team=reminders) on pettracker/prod/reporting
// Checks that the secret has a team tag, not that it is the caller's team.
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: '*',
      Condition: { StringLike: { 'aws:ResourceTag/team': '*' } },
    },
  ],
};
