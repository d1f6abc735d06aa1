"""Seeds the local AWS emulator with the demo incident's CloudWatch Logs.

The story: about 55 minutes ago payments-api 2024.11.3 was deployed. It lowered the card processor
timeout from 10000 ms to 3000 ms; the processor usually answers in 3.5-4.5 s, so since then card payments
time out (PaymentProviderTimeout: card-processor did not answer within 3000 ms) and orders ord-31042 ..
ord-31059 are stuck in PAYMENT_PENDING (the same orders seed-demo-dynamodb.py leaves stuck). The card
webhook Lambda sees the processor's late "succeeded" callbacks for orders already marked timed out; the
refund worker's messages for those orders are redriven to the DLQ. The inventory groups belong to
another team and carry ordinary noise (and one unrelated warning).

Events span the last 3 hours: INFO traffic before the deploy, the deploy line, then ERROR bursts with
multi-line Java stack traces (one event each), JSON lines, ANSI-coloured lines (2024.11.3 also turned on
coloured console output), retries and WARN lines about SQS redrives.

Run (listed in seed-demo.list) by `mcp-gateway local-aws --seed demo` and `mcp-gateway demo` as
`python3 - --endpoint URL --region REGION` with this file on stdin. Needs boto3 (moto[server] ships it).
Idempotent: existing log groups are dropped and recreated.
"""
import argparse
import datetime as dt
import json
import random
import sys

import boto3
from botocore.config import Config

DEPLOY_MINUTES_AGO = 55
OLD_TASKS = ["3f1c9a7be2d04c58a1f6e0b2c4d8e913", "8a2e4d6f0b1c4e7a9d3f5b7c9e1a2b4c"]
NEW_TASKS = ["c7d91e2a5b3f4a6c8e0d2f4b6a8c0e1d", "1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a", "e4f6a8b0c2d44e6f8a1b3c5d7e9f0a2b"]
RED = "\x1b[31m"
YELLOW = "\x1b[33m"
GREEN = "\x1b[32m"
RESET = "\x1b[0m"

STACK = (
    "com.acme.payments.card.PaymentProviderTimeout: card-processor did not answer within 3000 ms\n"
    "\tat com.acme.payments.card.CardProcessorClient.charge(CardProcessorClient.java:142)\n"
    "\tat com.acme.payments.charge.ChargeService.attempt(ChargeService.java:88)\n"
    "\tat com.acme.payments.charge.ChargeService.chargeWithRetry(ChargeService.java:61)\n"
    "\tat com.acme.payments.api.OrderPaymentHandler.handle(OrderPaymentHandler.java:47)\n"
    "\tat io.vertx.core.impl.ContextImpl.lambda$executeBlocking$0(ContextImpl.java:178)\n"
    "Caused by: java.util.concurrent.TimeoutException: Did not observe any item or terminal signal within 3000ms in 'flatMap'\n"
    "\tat reactor.core.publisher.FluxTimeout$TimeoutMainSubscriber.handleTimeout(FluxTimeout.java:296)\n"
    "\t... 12 more"
)


def ms(t):
    return int(t.timestamp() * 1000)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (t.microsecond // 1000)


class Streams:
    """Collects events per (group, stream) and writes each stream in one chronological batch."""

    def __init__(self):
        self.events = {}

    def add(self, group, stream, at, message):
        self.events.setdefault((group, stream), []).append({"timestamp": ms(at), "message": message})

    def write(self, logs):
        total = 0
        for (group, stream), events in sorted(self.events.items()):
            events.sort(key=lambda e: e["timestamp"])
            logs.create_log_stream(logGroupName=group, logStreamName=stream)
            for start in range(0, len(events), 1000):
                logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=events[start:start + 1000])
            total += len(events)
        return len(self.events), total


def order_times(now):
    """Order ids and creation times, as in seed-demo-dynamodb.py: ord-31000 + i, every 3 minutes."""
    return [("ord-%05d" % (31000 + i), now - dt.timedelta(minutes=180 - i * 3), i) for i in range(60)]


def api_log(out, stream, at, level, logger, message, coloured=False):
    label = level
    if coloured:
        label = {"ERROR": RED, "WARN": YELLOW, "INFO": GREEN}[level] + level + RESET
    out.add("/ecs/payments/api", stream, at, "%s %-5s [%s] %s - %s" % (iso(at), label, "vert.x-worker-thread-3", logger, message))


def seed_payments_api(out, now, rng):
    deploy = now - dt.timedelta(minutes=DEPLOY_MINUTES_AGO)
    old = ["payments-api/payments-api/" + t for t in OLD_TASKS]
    new = ["payments-api/payments-api/" + t for t in NEW_TASKS]
    for n, stream in enumerate(old):
        boot = now - dt.timedelta(hours=2, minutes=58 - n)
        api_log(out, stream, boot, "INFO", "c.a.p.Main",
                "starting payments-api 2024.11.2 (git 9b81d03) card_processor.timeout_ms=10000 "
                "card_processor.url=https://card-processor.internal:8443")
        api_log(out, stream, boot + dt.timedelta(seconds=2), "INFO", "c.a.p.Main", "listening on :8080, pool size 32")
        t = boot + dt.timedelta(minutes=4)
        while t < deploy:
            api_log(out, stream, t, "INFO", "c.a.p.a.HealthHandler", "GET /health 200 2ms")
            t += dt.timedelta(minutes=rng.choice([6, 7, 8]))
        api_log(out, stream, deploy + dt.timedelta(seconds=40 + n * 5), "INFO", "c.a.p.Main",
                "SIGTERM received, draining 0 in-flight requests")

    for n, stream in enumerate(new):
        boot = deploy + dt.timedelta(seconds=n * 20)
        api_log(out, stream, boot, "INFO", "c.a.p.Main",
                "starting payments-api 2024.11.3 (git 4f9c2e1) card_processor.timeout_ms=3000 "
                "card_processor.url=https://card-processor.internal:8443 log.console.color=true", coloured=True)
        api_log(out, stream, boot + dt.timedelta(seconds=2), "INFO", "c.a.p.Main", "listening on :8080, pool size 32",
                coloured=True)
        t = boot + dt.timedelta(minutes=3)
        while t < now:
            api_log(out, stream, t, "INFO", "c.a.p.a.HealthHandler", "GET /health 200 3ms", coloured=True)
            t += dt.timedelta(minutes=rng.choice([6, 7, 8]))

    for order, created, i in order_times(now):
        amount = "%d.%02d" % (rng.randint(5, 400), rng.randint(0, 99))
        request = "req-%08x" % rng.getrandbits(32)
        if created < deploy:
            stream = old[i % len(old)]
            api_log(out, stream, created, "INFO", "c.a.p.a.OrderPaymentHandler",
                    "POST /orders/%s/pay amount=%s EUR %s" % (order, amount, request))
            latency = rng.randint(3400, 4600)
            api_log(out, stream, created + dt.timedelta(milliseconds=latency), "INFO", "c.a.p.c.ChargeService",
                    "charge ok order=%s attempt=1 latency_ms=%d" % (order, latency))
            continue
        stream = new[i % len(new)]
        api_log(out, stream, created, "INFO", "c.a.p.a.OrderPaymentHandler",
                "POST /orders/%s/pay amount=%s EUR %s" % (order, amount, request), coloured=True)
        if i % 5 == 0:
            latency = rng.randint(2700, 2950)
            api_log(out, stream, created + dt.timedelta(milliseconds=latency), "INFO", "c.a.p.c.ChargeService",
                    "charge ok order=%s attempt=1 latency_ms=%d" % (order, latency), coloured=True)
            continue
        attempts = rng.randint(3, 5)
        t = created
        for attempt in range(1, attempts + 1):
            t += dt.timedelta(milliseconds=3000 + rng.randint(1, 40))
            if attempt < attempts:
                api_log(out, stream, t, "WARN", "c.a.p.c.ChargeService",
                        "charge attempt %d/%d for order=%s timed out after 3000 ms, retrying in %d ms"
                        % (attempt, attempts, order, 250 * 2 ** attempt), coloured=True)
                t += dt.timedelta(milliseconds=250 * 2 ** attempt)
        api_log(out, stream, t, "ERROR", "c.a.p.a.OrderPaymentHandler",
                "charge failed order=%s attempts=%d %s status=PAYMENT_PENDING\n%s" % (order, attempts, request, STACK),
                coloured=True)
        out.add("/ecs/payments/api", stream, t + dt.timedelta(milliseconds=3), json.dumps({
            "level": "ERROR", "event": "payment_timeout", "order_id": order, "attempts": attempts,
            "timeout_ms": 3000, "provider": "card-processor", "service_version": "2024.11.3", "request_id": request}))


def lambda_stream(at, rng):
    return "%s/[$LATEST]%032x" % (at.strftime("%Y/%m/%d"), rng.getrandbits(128))


def uuid(rng):
    return "%08x-%04x-4%03x-a%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12),
                                           rng.getrandbits(12), rng.getrandbits(48))


def lambda_invocation(out, group, stream, at, rng, lines, duration_ms):
    request = uuid(rng)
    out.add(group, stream, at, "START RequestId: %s Version: $LATEST" % request)
    for offset, message in lines:
        out.add(group, stream, at + dt.timedelta(milliseconds=offset), message)
    end = at + dt.timedelta(milliseconds=duration_ms)
    out.add(group, stream, end, "END RequestId: %s" % request)
    out.add(group, stream, end, "REPORT RequestId: %s\tDuration: %d.%02d ms\tBilled Duration: %d ms\tMemory Size: 512 MB\t"
            "Max Memory Used: %d MB" % (request, duration_ms, rng.randint(0, 99), duration_ms + 1, rng.randint(120, 180)))


def seed_card_webhook(out, now, rng):
    group = "/aws/lambda/payments-card-webhook"
    deploy = now - dt.timedelta(minutes=DEPLOY_MINUTES_AGO)
    streams = [lambda_stream(now - dt.timedelta(hours=3), rng), lambda_stream(deploy, rng)]
    for order, created, i in order_times(now)[30:]:
        callback = created + dt.timedelta(milliseconds=rng.randint(3500, 4600))
        late = created >= deploy and i % 5 != 0
        record = {"level": "WARN" if late else "INFO", "msg": "late processor callback: order already timed out"
                  if late else "processor callback applied", "event": "charge.succeeded", "order_id": order,
                  "processor_latency_ms": int((callback - created).total_seconds() * 1000)}
        if late:
            record["order_status"] = "PAYMENT_PENDING"
            record["action"] = "ignored (no matching in-flight charge)"
        lambda_invocation(out, group, streams[0 if created < deploy else 1], callback, rng,
                          [(5, json.dumps(record))], rng.randint(20, 60))


def seed_refund_worker(out, now, rng):
    group = "/aws/lambda/payments-refund-worker"
    stream = lambda_stream(now - dt.timedelta(hours=3), rng)
    t = now - dt.timedelta(hours=3) + dt.timedelta(minutes=7)
    while t < now - dt.timedelta(minutes=DEPLOY_MINUTES_AGO):
        refund = "rfd-%05d" % rng.randint(1000, 9999)
        lambda_invocation(out, group, stream, t, rng, [
            (8, "INFO  processing 1 SQS message(s) from payments-refunds"),
            (140, json.dumps({"level": "INFO", "msg": "refund issued", "refund_id": refund,
                              "order_id": "ord-%05d" % rng.randint(30900, 31040), "amount": "%d.00" % rng.randint(5, 90)})),
        ], rng.randint(150, 300))
        t += dt.timedelta(minutes=rng.randint(14, 22))
    stuck = [o for o in order_times(now) if o[1] >= now - dt.timedelta(minutes=DEPLOY_MINUTES_AGO) and o[2] % 5 != 0]
    stream = lambda_stream(now - dt.timedelta(minutes=40), rng)
    for order, created, _ in stuck[::3]:
        message = uuid(rng)
        for receive in range(1, 6):
            at = created + dt.timedelta(minutes=2, seconds=receive * 30)
            if at >= now:
                break
            lines = [(6, "INFO  processing 1 SQS message(s) from payments-refunds"),
                     (90, "ERROR refund rejected for order %s: order is PAYMENT_PENDING, nothing captured to refund "
                          "(message %s, ApproximateReceiveCount=%d)" % (order, message, receive))]
            if receive == 5:
                lines.append((95, "WARN  message %s redriven to payments-refunds-dlq after 5 receives (maxReceiveCount=5)"
                              % message))
            lambda_invocation(out, group, stream, at, rng, lines, rng.randint(90, 130))


def seed_inventory(out, now, rng):
    sync = "/ecs/inventory/sync"
    stream = "inventory-sync/inventory-sync/5d7f9b1c3e5a4c6e8b0d2f4a6c8e0b1d"
    t = now - dt.timedelta(hours=3)
    while t < now:
        out.add(sync, stream, t, "%s INFO  sync run: 80 sku/warehouse rows checked, 0 changed" % iso(t))
        t += dt.timedelta(minutes=10)
    drift = now - dt.timedelta(minutes=95)
    out.add(sync, stream, drift + dt.timedelta(seconds=4), "%s WARN  stock drift SKU-017/DUB2: expected 41, counted 38; "
            "queued for reconciliation" % iso(drift))
    reconciler = "/aws/lambda/inventory-reconciler"
    stream = lambda_stream(now - dt.timedelta(hours=3), rng)
    t = now - dt.timedelta(hours=3) + dt.timedelta(minutes=2)
    while t < now:
        fixed = 1 if abs((t - drift).total_seconds()) < 15 * 60 else 0
        lambda_invocation(out, reconciler, stream, t, rng, [
            (12, json.dumps({"level": "INFO", "msg": "reconciliation pass", "adjusted": fixed, "scanned": 80}))],
            rng.randint(300, 900))
        t += dt.timedelta(minutes=15)


GROUPS = {
    "/aws/lambda/payments-refund-worker": 30,
    "/aws/lambda/payments-card-webhook": 30,
    "/ecs/payments/api": 30,
    "/ecs/inventory/sync": 14,
    "/aws/lambda/inventory-reconciler": None,
}


def seed_logs(session, endpoint, now):
    logs = session.client("logs", endpoint_url=endpoint, config=Config(retries={"max_attempts": 2}))
    for group, retention in GROUPS.items():
        try:
            logs.delete_log_group(logGroupName=group)
        except logs.exceptions.ResourceNotFoundException:
            pass
        logs.create_log_group(logGroupName=group)
        if retention:
            logs.put_retention_policy(logGroupName=group, retentionInDays=retention)
    rng = random.Random(1405)
    out = Streams()
    seed_payments_api(out, now, rng)
    seed_card_webhook(out, now, rng)
    seed_refund_worker(out, now, rng)
    seed_inventory(out, now, rng)
    streams, events = out.write(logs)
    return {"groups": len(GROUPS), "streams": streams, "events": events}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=args.region)
    now = dt.datetime.now(dt.timezone.utc)
    summary = seed_logs(session, args.endpoint, now)
    print("seeded demo logs: " + ", ".join("%s=%s" % kv for kv in summary.items()))


if __name__ == "__main__":
    sys.exit(main())
