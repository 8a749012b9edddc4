"""The IAM/STS scenario with boto3 against the emulator endpoint.

Usage: python3 boto3_iam.py http://127.0.0.1:4566
An administrator (keys the emulator did not issue) creates a user with a path-based policy, a role
it may assume, and a secret whose resource policy denies the user; then the user's own keys, a wrong
secret key, the role session (and its managed policy's default version switched and back) and the
deactivated key are tried. Prints one JSON object that
test/emulator/boto3.test.ts asserts on.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
ACCOUNT = "123456789012"


def clients(key, secret, token=None):
    session = boto3.session.Session(
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        aws_session_token=token,
        region_name="us-east-1",
    )
    return {
        name: session.client(name, endpoint_url=endpoint)
        for name in ("iam", "sts", "secretsmanager", "ssm", "kms")
    }


def doc(*statements):
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


def outcome(call):
    try:
        call()
        return "allowed"
    except ClientError as e:
        return e.response["Error"]["Code"] + ": " + e.response["Error"]["Message"]


admin = clients("test", "test")
iam = admin["iam"]
iam.create_user(UserName="ops", Path="/team/")
iam.put_user_policy(
    UserName="ops",
    PolicyName="pettracker",
    PolicyDocument=doc(
        {
            "Effect": "Allow",
            "Action": "secretsmanager:GetSecretValue",
            "Resource": f"arn:aws:secretsmanager:us-east-1:{ACCOUNT}:secret:pettracker/*",
        },
        {"Effect": "Allow", "Action": "ssm:GetParameter", "Resource": "*"},
        {
            "Effect": "Allow",
            "Action": "kms:Decrypt",
            "Resource": "*",
            "Condition": {"StringEquals": {"kms:ViaService": "ssm.us-east-1.amazonaws.com"}},
        },
        {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"},
    ),
)
iam.create_role(
    RoleName="auditor",
    AssumeRolePolicyDocument=doc(
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{ACCOUNT}:user/team/ops"},
            "Action": "sts:AssumeRole",
        }
    ),
)
policy = iam.create_policy(
    PolicyName="read-all-secrets",
    PolicyDocument=doc({"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}),
)["Policy"]
iam.attach_role_policy(RoleName="auditor", PolicyArn=policy["Arn"])
sm = admin["secretsmanager"]
sm.create_secret(Name="pettracker/ops/db", SecretString="db")
sm.create_secret(Name="pettracker/ops/frozen", SecretString="frozen")
sm.create_secret(Name="billing/card", SecretString="card")
sm.put_resource_policy(
    SecretId="pettracker/ops/frozen",
    ResourcePolicy=doc(
        {"Effect": "Deny", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}
    ),
)
admin["ssm"].put_parameter(
    Name="/pettracker/ops/api-key", Type="SecureString", KeyId="alias/pettracker", Value="sk_live_xxx"
)
blob = admin["kms"].encrypt(KeyId="alias/pettracker", Plaintext=b"direct")["CiphertextBlob"]
key = iam.create_access_key(UserName="ops")["AccessKey"]

ops = clients(key["AccessKeyId"], key["SecretAccessKey"])
out = {
    "keys": [k["Status"] for k in iam.list_access_keys(UserName="ops")["AccessKeyMetadata"]],
    "who": ops["sts"].get_caller_identity()["Arn"],
    "allowed": ops["secretsmanager"].get_secret_value(SecretId="pettracker/ops/db")["SecretString"],
    "other_path": outcome(lambda: ops["secretsmanager"].get_secret_value(SecretId="billing/card")),
    "resource_deny": outcome(lambda: ops["secretsmanager"].get_secret_value(SecretId="pettracker/ops/frozen")),
    "via_ssm": ops["ssm"].get_parameter(Name="/pettracker/ops/api-key", WithDecryption=True)["Parameter"]["Value"],
    "direct": outcome(lambda: ops["kms"].decrypt(CiphertextBlob=blob)),
    "bad_signature": outcome(
        lambda: clients(key["AccessKeyId"], "wrong")["secretsmanager"].get_secret_value(SecretId="pettracker/ops/db")
    ),
    "bad_signature_sts": outcome(lambda: clients(key["AccessKeyId"], "wrong")["sts"].get_caller_identity()),
}
assumed = ops["sts"].assume_role(
    RoleArn=f"arn:aws:iam::{ACCOUNT}:role/auditor", RoleSessionName="audit", DurationSeconds=900
)
c = assumed["Credentials"]
session = clients(c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"])
out["session_who"] = session["sts"].get_caller_identity()["Arn"]
out["session_read"] = session["secretsmanager"].get_secret_value(SecretId="billing/card")["SecretString"]
out["expiration_after_now"] = c["Expiration"].isoformat()
# A new default version of the role's managed policy decides from the next request; setting v1
# back restores the read.
deny_read = {"Effect": "Deny", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}
iam.create_policy_version(PolicyArn=policy["Arn"], PolicyDocument=doc(deny_read), SetAsDefault=True)
out["new_default"] = outcome(lambda: session["secretsmanager"].get_secret_value(SecretId="billing/card"))
iam.set_default_policy_version(PolicyArn=policy["Arn"], VersionId="v1")
out["default_back"] = session["secretsmanager"].get_secret_value(SecretId="billing/card")["SecretString"]
out["versions"] = [
    [v["VersionId"], v["IsDefaultVersion"]] for v in iam.list_policy_versions(PolicyArn=policy["Arn"])["Versions"]
]
iam.update_access_key(UserName="ops", AccessKeyId=key["AccessKeyId"], Status="Inactive")
out["inactive"] = outcome(lambda: ops["secretsmanager"].get_secret_value(SecretId="pettracker/ops/db"))
out["inactive_sts"] = outcome(lambda: ops["sts"].get_caller_identity())
print(json.dumps(out))
