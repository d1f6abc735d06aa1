"""Seeds the local AWS emulator with the Lambda side of the demo incident.

The story: about 55 minutes ago payments-api 2024.11.3 was deployed. It lowered the card processor
timeout from 10000 ms to 3000 ms; since then card payments time out and orders are stuck in
PAYMENT_PENDING (DynamoDB table payments-orders). payments-refund-worker shows the change: version 1
(2024.11.2) and version 2 (2024.11.3, alias live) differ in code and in CARD_PROCESSOR_TIMEOUT_MS, whose
value config/demo.yaml lists in showEnvironment; the fake CARD_PROCESSOR_API_KEY next to it stays [REDACTED]. The worker drains the
SQS queue payments-refunds with reserved concurrency 5. payments-card-webhook belongs to the same team;
inventory-reconciler to another one.

Run (once listed in seed-demo.list, after seed-demo-dynamodb.py) by `mcp-gateway local-aws --seed demo` and `mcp-gateway demo` as
`python3 - --endpoint URL --region REGION` with this file on stdin. Needs boto3 (moto[server] ships it).
Switches moto's Lambda to its Docker-less mode first (functions are stored, invocations answer canned
results). Idempotent: the functions and their event source mappings are dropped and recreated.
"""
import argparse
import io
import json
import sys
import urllib.request
import zipfile

import boto3
from botocore.config import Config

TRUST = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}],
})
CARD_PROCESSOR_URL = "https://api.card-processor.example/v2/charges"
FAKE_API_KEY = "sk_live_51HxDemoOnlyNotARealKey9f8e7d6c5b4a"


def use_moto_without_docker(endpoint):
    # Must precede CreateFunction: moto keeps functions in the backend chosen at creation time.
    request = urllib.request.Request(
        endpoint.rstrip("/") + "/moto-api/config",
        data=json.dumps({"lambda": {"use_docker": False}}).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        response.read()


def code_zip(filename, source):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(filename, source)
    return buffer.getvalue()


def refund_worker_code(release, timeout_ms):
    return code_zip("handler.py", (
        "# payments-api@%s\n"
        "import os\n\n"
        "DEFAULT_TIMEOUT_MS = %d\n\n"
        "def handler(event, context):\n"
        "    timeout = int(os.environ.get('CARD_PROCESSOR_TIMEOUT_MS', DEFAULT_TIMEOUT_MS)) / 1000\n"
        "    refunds = [record['body'] for record in event.get('Records', [])]\n"
        "    return {'refunded': len(refunds), 'timeout_s': timeout}\n"
    ) % (release, timeout_ms))


def ensure_role(iam, name):
    # Moto refuses CreateFunction unless the execution role exists.
    try:
        return iam.get_role(RoleName=name)["Role"]["Arn"]
    except iam.exceptions.NoSuchEntityException:
        return iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST)["Role"]["Arn"]


def drop_functions(lam, names):
    for name in names:
        for mapping in lam.list_event_source_mappings(FunctionName=name).get("EventSourceMappings", []):
            lam.delete_event_source_mapping(UUID=mapping["UUID"])
        try:
            lam.delete_function(FunctionName=name)
        except lam.exceptions.ResourceNotFoundException:
            pass


def seed_lambda(session, endpoint):
    config = Config(retries={"max_attempts": 2})
    lam = session.client("lambda", endpoint_url=endpoint, config=config)
    iam = session.client("iam", endpoint_url=endpoint, config=config)
    sqs = session.client("sqs", endpoint_url=endpoint, config=config)

    use_moto_without_docker(endpoint)
    role = ensure_role(iam, "payments-lambda-execution")
    inventory_role = ensure_role(iam, "inventory-lambda-execution")
    names = ("payments-refund-worker", "payments-card-webhook", "inventory-reconciler")
    drop_functions(lam, names)

    # Version 1: the release before the incident, 10 s card processor timeout.
    lam.create_function(
        FunctionName="payments-refund-worker",
        Runtime="python3.12",
        Role=role,
        Handler="handler.handler",
        Description="Refunds card payments queued on payments-refunds",
        Timeout=30,
        MemorySize=512,
        Code={"ZipFile": refund_worker_code("2024.11.2", 10000)},
        Environment={"Variables": {
            "CARD_PROCESSOR_URL": CARD_PROCESSOR_URL,
            "CARD_PROCESSOR_TIMEOUT_MS": "10000",
            "CARD_PROCESSOR_API_KEY": FAKE_API_KEY,
            "ORDERS_TABLE": "payments-orders",
            "SERVICE_VERSION": "payments-api@2024.11.2",
        }},
        Tags={"team": "payments", "service": "payments-api"},
    )
    lam.publish_version(FunctionName="payments-refund-worker", Description="payments-api@2024.11.2")

    # Version 2: the deploy ~55 minutes ago that lowered the timeout to 3 s.
    lam.update_function_code(FunctionName="payments-refund-worker",
                             ZipFile=refund_worker_code("2024.11.3", 3000))
    lam.update_function_configuration(FunctionName="payments-refund-worker", Environment={"Variables": {
        "CARD_PROCESSOR_URL": CARD_PROCESSOR_URL,
        "CARD_PROCESSOR_TIMEOUT_MS": "3000",
        "CARD_PROCESSOR_API_KEY": FAKE_API_KEY,
        "ORDERS_TABLE": "payments-orders",
        "SERVICE_VERSION": "payments-api@2024.11.3",
    }})
    latest = lam.publish_version(FunctionName="payments-refund-worker",
                                 Description="payments-api@2024.11.3")["Version"]
    lam.create_alias(FunctionName="payments-refund-worker", Name="live", FunctionVersion=latest,
                     Description="production traffic")
    lam.put_function_concurrency(FunctionName="payments-refund-worker", ReservedConcurrentExecutions=5)

    queue_url = sqs.create_queue(QueueName="payments-refunds")["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    lam.create_event_source_mapping(EventSourceArn=queue_arn, FunctionName="payments-refund-worker",
                                    BatchSize=10, Enabled=True)

    lam.create_function(
        FunctionName="payments-card-webhook",
        Runtime="nodejs20.x",
        Role=role,
        Handler="index.handler",
        Description="Receives card processor webhooks and completes orders",
        Timeout=10,
        MemorySize=256,
        Code={"ZipFile": code_zip("index.js", "exports.handler = async (event) => ({ statusCode: 202 });\n")},
        Environment={"Variables": {
            "ORDERS_TABLE": "payments-orders",
            "WEBHOOK_SIGNING_SECRET": "whsec_DemoOnlyNotARealSecret0123456789",
        }},
        Tags={"team": "payments", "service": "payments-api"},
    )
    lam.create_function(
        FunctionName="inventory-reconciler",
        Runtime="python3.12",
        Role=inventory_role,
        Handler="reconcile.handler",
        Description="Nightly stock reconciliation (inventory team)",
        Timeout=300,
        MemorySize=1024,
        Code={"ZipFile": code_zip("reconcile.py", "def handler(event, context):\n    return {'reconciled': 0}\n")},
        Environment={"Variables": {"STOCK_TABLE": "inventory-stock"}},
        Tags={"team": "inventory"},
    )
    return {"functions": len(names), "versions": 2, "aliases": 1, "event_source_mappings": 1,
            "reserved_concurrency": 5}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=args.region)
    summary = seed_lambda(session, args.endpoint)
    print("seeded demo lambda: " + ", ".join("%s=%s" % kv for kv in summary.items()))


if __name__ == "__main__":
    sys.exit(main())
