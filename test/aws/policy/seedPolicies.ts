/**
 * The IAM policies of the course's seed document ("Secrets Manager and Parameter Store"), verbatim.
 * `SSM_DEV_PATH` is the "Access control by path" example; `SSM_READ` the "For Parameter Store"
 * policy (every PetTracker parameter, plus kms:Decrypt through SSM only); `SM_READ` the "For Secrets
 * Manager" policy.
 */
export const SSM_DEV_PATH = `{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": [
            "ssm:GetParameter",
            "ssm:GetParameters",
            "ssm:GetParametersByPath"
        ],
        "Resource": "arn:aws:ssm:us-east-1:123456789012:parameter/pettracker/dev/*"
    }]
}`;

export const SM_READ = `{
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Action": "secretsmanager:GetSecretValue",
        "Resource": "arn:aws:secretsmanager:us-east-1:123456789012:secret:pettracker/*"
    }]
}`;

export const SSM_READ = `{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": [
                "ssm:GetParameter",
                "ssm:GetParameters",
                "ssm:GetParametersByPath"
            ],
            "Resource": "arn:aws:ssm:us-east-1:123456789012:parameter/pettracker/*"
        },
        {
            "Effect": "Allow",
            "Action": "kms:Decrypt",
            "Resource": "arn:aws:kms:us-east-1:123456789012:key/*",
            "Condition": {
                "StringEquals": {
                    "kms:ViaService": "ssm.us-east-1.amazonaws.com"
                }
            }
        }
    ]
}`;
