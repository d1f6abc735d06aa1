"""Seeds the local AWS emulator with the demo incident.

The story: at about 55 minutes ago a new version of the payments service started timing out against
the card processor. Orders placed since then are stuck in PAYMENT_PENDING. An on-call engineer (or
their agent) should find the stuck orders through the status index and see the shared last_error.

Run (listed in seed-demo.list) by `mcp-gateway local-aws --seed demo` and `mcp-gateway demo` as
`python3 - --endpoint URL --region REGION` with this file on stdin. Needs boto3 (moto[server] ships it).
Idempotent: existing tables are dropped and recreated.
"""
import argparse
import datetime as dt
import random
import sys

import boto3
from botocore.config import Config


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def seed_dynamodb(session, endpoint, now):
    ddb = session.client("dynamodb", endpoint_url=endpoint, config=Config(retries={"max_attempts": 2}))
    for name in ("payments-orders", "payments-idempotency-keys", "inventory-stock"):
        try:
            ddb.delete_table(TableName=name)
        except ddb.exceptions.ResourceNotFoundException:
            pass

    ddb.create_table(
        TableName="payments-orders",
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[
            {"AttributeName": "order_id", "AttributeType": "S"},
            {"AttributeName": "status", "AttributeType": "S"},
            {"AttributeName": "created_at", "AttributeType": "S"},
        ],
        KeySchema=[{"AttributeName": "order_id", "KeyType": "HASH"}],
        GlobalSecondaryIndexes=[{
            "IndexName": "status-created_at-index",
            "KeySchema": [
                {"AttributeName": "status", "KeyType": "HASH"},
                {"AttributeName": "created_at", "KeyType": "RANGE"},
            ],
            "Projection": {"ProjectionType": "ALL"},
        }],
    )
    ddb.create_table(
        TableName="payments-idempotency-keys",
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": "idempotency_key", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "idempotency_key", "KeyType": "HASH"}],
    )
    ddb.create_table(
        TableName="inventory-stock",
        BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[
            {"AttributeName": "sku", "AttributeType": "S"},
            {"AttributeName": "warehouse", "AttributeType": "S"},
        ],
        KeySchema=[
            {"AttributeName": "sku", "KeyType": "HASH"},
            {"AttributeName": "warehouse", "KeyType": "RANGE"},
        ],
    )

    rng = random.Random(1405)
    incident_start = now - dt.timedelta(minutes=55)
    orders = 0
    stuck = 0
    for i in range(60):
        created = now - dt.timedelta(minutes=180 - i * 3)
        order_id = "ord-%05d" % (31000 + i)
        amount = "%d.%02d" % (rng.randint(5, 400), rng.randint(0, 99))
        item = {
            "order_id": {"S": order_id},
            "customer_id": {"S": "cus-%04d" % rng.randint(1, 900)},
            "created_at": {"S": iso(created)},
            "amount": {"N": amount},
            "currency": {"S": "EUR"},
            "items": {"L": [{"M": {"sku": {"S": "SKU-%03d" % rng.randint(1, 40)}, "qty": {"N": str(rng.randint(1, 3))}}}]},
            "service_version": {"S": "payments-api@2024.11.2" if created < incident_start else "payments-api@2024.11.3"},
        }
        if created >= incident_start and i % 5 != 0:
            item["status"] = {"S": "PAYMENT_PENDING"}
            item["payment_attempts"] = {"N": str(rng.randint(3, 5))}
            item["last_error"] = {"S": "PaymentProviderTimeout: card-processor did not answer within 3000 ms"}
            stuck += 1
        else:
            item["status"] = {"S": "COMPLETED"}
            item["payment_attempts"] = {"N": "1"}
            item["completed_at"] = {"S": iso(created + dt.timedelta(seconds=rng.randint(1, 4)))}
        ddb.put_item(TableName="payments-orders", Item=item)
        ddb.put_item(TableName="payments-idempotency-keys", Item={
            "idempotency_key": {"S": "idem-" + order_id},
            "order_id": {"S": order_id},
            "expires_at": {"N": str(int((created + dt.timedelta(days=1)).timestamp()))},
        })
        orders += 1

    for sku in range(1, 41):
        for warehouse in ("FRA1", "DUB2"):
            ddb.put_item(TableName="inventory-stock", Item={
                "sku": {"S": "SKU-%03d" % sku},
                "warehouse": {"S": warehouse},
                "on_hand": {"N": str(rng.randint(0, 500))},
            })
    return {"tables": 3, "orders": orders, "stuck_orders": stuck}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=args.region)
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    summary = seed_dynamodb(session, args.endpoint, now)
    print("seeded demo incident: " + ", ".join("%s=%s" % kv for kv in summary.items()))


if __name__ == "__main__":
    sys.exit(main())
