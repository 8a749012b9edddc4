/** One policy, attached to every team's role: a role reads the secrets whose team tag equals its own. */
export const policy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'ReadSecretsOfMyTeam',
      Effect: 'Allow',
      // Reads only: a role that could tag or write secrets could move them between teams.
      Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
      Resource: '*',
      Condition: {
        // A secret without the tag, or a role without it, matches nothing.
        StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' },
      },
    },
  ],
};

console.log(JSON.stringify(policy, null, 2));
