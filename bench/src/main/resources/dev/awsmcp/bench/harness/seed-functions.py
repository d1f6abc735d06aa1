# Creates the benchmark's Lambda functions in moto (COUNT and PREFIX are prepended by DataSet.java).
# Run as `python3 - --endpoint URL --region REGION` by the testkit's SeedScripts; needs boto3.
import argparse
import io
import json
import zipfile

import boto3

parser = argparse.ArgumentParser()
parser.add_argument("--endpoint", required=True)
parser.add_argument("--region", required=True)
args = parser.parse_args()
session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=args.region)
iam = session.client("iam", endpoint_url=args.endpoint)
lam = session.client("lambda", endpoint_url=args.endpoint)
trust = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
role = iam.create_role(RoleName="bench-fn-role", AssumeRolePolicyDocument=trust)["Role"]["Arn"]
buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w") as archive:
    archive.writestr("handler.py", "def handler(event, context):\n    return {'ok': True}\n")
for i in range(COUNT):  # noqa: F821 (prepended)
    lam.create_function(FunctionName="%s%02d" % (PREFIX, i), Runtime="python3.12", Role=role,  # noqa: F821
                        Handler="handler.handler", Code={"ZipFile": buffer.getvalue()}, MemorySize=256, Timeout=30,
                        Description="benchmark function %d" % i,
                        Environment={"Variables": {"STAGE": "bench", "TABLE": "bench-orders"}})
print("seeded %d Lambda functions" % COUNT)  # noqa: F821
