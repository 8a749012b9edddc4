// Alex's policy for the reminders team's role: a list of ARNs, edited for every new secret, and a
// copy of it for every team.
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadRemindersSecrets',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      // TODO: one policy for every team: Resource "*" and a Condition comparing the secret's team tag
      //       (aws:ResourceTag/team) with the calling role's (${aws:PrincipalTag/team}).
      Resource: [
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker/prod/reminders-sms-key-??????',
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker/prod/reminders-push-key-??????',
      ],
    },
  ],
};

console.log(JSON.stringify(policy, null, 2));
