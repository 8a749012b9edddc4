"""What the seed's Python snippets do, with boto3 pointed at the emulator endpoint.

Usage: python3 boto3_seed.py http://127.0.0.1:4566
Prints one JSON object that test/emulator/boto3.test.ts asserts on.
"""
import json
import sys

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
session = boto3.session.Session(
    aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
)


def get_secret(secret_name: str) -> dict:
    client = session.client("secretsmanager", endpoint_url=endpoint)
    response = client.get_secret_value(SecretId=secret_name)
    # Secret can be string or binary
    if "SecretString" in response:
        return json.loads(response["SecretString"])
    return {"binary": len(response["SecretBinary"])}


ssm = session.client("ssm", endpoint_url=endpoint)
out = {}

credentials = get_secret("pettracker/prod/db-credentials")
out["credentials"] = credentials

response = ssm.get_parameter(Name="/pettracker/prod/db-password", WithDecryption=True)
out["password"] = response["Parameter"]["Value"]

response = ssm.get_parameters_by_path(Path="/pettracker/prod/", WithDecryption=True)
out["by_path"] = {p["Name"]: p["Value"] for p in response["Parameters"]}

response = ssm.get_parameters(
    Names=["/pettracker/prod/db-password", "/pettracker/prod/api-key"],
    WithDecryption=True,
)
out["several"] = {p["Name"]: p["Value"] for p in response["Parameters"]}
out["invalid"] = response["InvalidParameters"]

try:
    session.client("secretsmanager", endpoint_url=endpoint).get_secret_value(SecretId="pettracker/prod/nope")
    out["missing"] = None
except ClientError as e:
    out["missing"] = e.response["Error"]["Code"]

print(json.dumps(out))
