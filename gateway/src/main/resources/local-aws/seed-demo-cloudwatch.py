"""Seeds the local AWS emulator with the demo incident's CloudWatch alarms and metrics.

The story: about 55 minutes ago payments-api 2024.11.3 was deployed. It lowered the card processor
timeout from 10000 ms to 3000 ms; the processor usually answers in 3.5-4.5 s, so since then most card
payments time out and the API answers 5xx. CloudWatch shows it first: the alarm payments-api-5xx is in
ALARM (Payments/API 5xxErrors, Sum over a minute above 5 for 3 minutes) and so is
payments-api-latency (Average latency above 2500 ms). payments-refund-worker-errors (AWS/Lambda Errors)
is OK, and inventory-sync-lag belongs to another team.

Metric data covers the last 3 hours at one datapoint a minute, timestamps relative to now: requests
steady, 5xx errors near zero before the deploy and 8-25 a minute after it, latency near 180 ms before
and near 3000 ms (the new timeout) after.

Run (listed in seed-demo.list) by `mcp-gateway local-aws --seed demo` and `mcp-gateway demo` as
`python3 - --endpoint URL --region REGION` with this file on stdin. Needs boto3 (moto[server] ships it)
and moto 5.2.6 or later, the first to serve CloudWatch's CBOR protocol to the gateway. Idempotent:
the alarms are dropped and recreated; metric data is put once (CloudWatch cannot delete it), a second
run leaves it as it is.
"""
import argparse
import datetime as dt
import random
import sys

import boto3
from botocore.config import Config

DEPLOY_MINUTES_AGO = 55
MINUTES = 180
SERVICE = [{"Name": "Service", "Value": "payments-api"}]
REFUND_WORKER = [{"Name": "FunctionName", "Value": "payments-refund-worker"}]
INVENTORY = [{"Name": "Job", "Value": "inventory-sync"}]
PAGE_TOPIC = "arn:aws:sns:%s:123456789012:payments-oncall-page"
ALARMS = ("payments-api-5xx", "payments-api-latency", "payments-refund-worker-errors", "inventory-sync-lag")


def stamp(t):
    """CloudWatch's state-reason time format, e.g. 20/11/24 14:07:00."""
    return t.strftime("%d/%m/%y %H:%M:%S")


def series(now, rng):
    """Per metric: (namespace, name, dimensions, unit, [(time, value)]), one value a minute."""
    deploy = now - dt.timedelta(minutes=DEPLOY_MINUTES_AGO)
    minutes = [now.replace(second=0, microsecond=0) - dt.timedelta(minutes=MINUTES - 1 - i) for i in range(MINUTES)]
    requests, errors, latency, invocations, lambda_errors, lag = [], [], [], [], [], []
    for t in minutes:
        after = t >= deploy
        count = rng.randint(40, 60)
        requests.append((t, count))
        errors.append((t, rng.randint(8, 25) if after else rng.choice([0, 0, 0, 1])))
        latency.append((t, rng.uniform(2850, 3050) if after else rng.uniform(150, 210)))
        invocations.append((t, rng.randint(2, 6)))
        lambda_errors.append((t, 0))
        lag.append((t, rng.uniform(20, 90)))
    return [
        ("Payments/API", "Requests", SERVICE, "Count", requests),
        ("Payments/API", "5xxErrors", SERVICE, "Count", errors),
        ("Payments/API", "Latency", SERVICE, "Milliseconds", latency),
        ("AWS/Lambda", "Invocations", REFUND_WORKER, "Count", invocations),
        ("AWS/Lambda", "Errors", REFUND_WORKER, "Count", lambda_errors),
        ("Inventory/Sync", "LagSeconds", INVENTORY, "Seconds", lag),
    ]


def put_series(cw, metrics):
    """Puts the metric data unless an earlier run did; returns whether it put it."""
    if cw.list_metrics(Namespace="Payments/API", MetricName="5xxErrors")["Metrics"]:
        return False
    for namespace, name, dimensions, unit, points in metrics:
        data = [{"MetricName": name, "Dimensions": dimensions, "Timestamp": t, "Value": float(v), "Unit": unit}
                for t, v in points]
        for start in range(0, len(data), 150):
            cw.put_metric_data(Namespace=namespace, MetricData=data[start:start + 150])
    return True


def last_three(points):
    return ", ".join("%.1f (%s)" % (v, stamp(t)) for t, v in points[-3:])


def put_alarms(cw, region, metrics):
    cw.delete_alarms(AlarmNames=list(ALARMS))
    by_name = {name: points for _, name, _, _, points in metrics}
    page = PAGE_TOPIC % region
    cw.put_metric_alarm(
        AlarmName="payments-api-5xx",
        AlarmDescription="Payments API answers 5xx to more than 5 requests a minute for 3 minutes. "
                         "Runbook: s3://payments-runbooks/runbooks/card-processor-timeouts.md",
        Namespace="Payments/API", MetricName="5xxErrors", Dimensions=SERVICE, Statistic="Sum", Period=60,
        EvaluationPeriods=3, DatapointsToAlarm=3, Threshold=5.0, ComparisonOperator="GreaterThanThreshold",
        TreatMissingData="notBreaching", AlarmActions=[page], OKActions=[page], Unit="Count")
    cw.put_metric_alarm(
        AlarmName="payments-api-latency",
        AlarmDescription="Payments API average latency above 2500 ms for 5 minutes.",
        Namespace="Payments/API", MetricName="Latency", Dimensions=SERVICE, Statistic="Average", Period=60,
        EvaluationPeriods=5, DatapointsToAlarm=5, Threshold=2500.0, ComparisonOperator="GreaterThanThreshold",
        AlarmActions=[page], Unit="Milliseconds")
    cw.put_metric_alarm(
        AlarmName="payments-refund-worker-errors",
        AlarmDescription="payments-refund-worker fails invocations.",
        Namespace="AWS/Lambda", MetricName="Errors", Dimensions=REFUND_WORKER, Statistic="Sum", Period=300,
        EvaluationPeriods=1, Threshold=0.0, ComparisonOperator="GreaterThanThreshold", AlarmActions=[page])
    cw.put_metric_alarm(
        AlarmName="inventory-sync-lag",
        AlarmDescription="Inventory sync more than 10 minutes behind (inventory team).",
        Namespace="Inventory/Sync", MetricName="LagSeconds", Dimensions=INVENTORY, Statistic="Maximum", Period=300,
        EvaluationPeriods=2, Threshold=600.0, ComparisonOperator="GreaterThanThreshold")
    cw.set_alarm_state(
        AlarmName="payments-api-5xx", StateValue="ALARM",
        StateReason="Threshold Crossed: 3 out of the last 3 datapoints [%s] were greater than the threshold (5.0) "
                    "(minimum 3 datapoints for OK -> ALARM transition)." % last_three(by_name["5xxErrors"]))
    cw.set_alarm_state(
        AlarmName="payments-api-latency", StateValue="ALARM",
        StateReason="Threshold Crossed: 5 out of the last 5 datapoints were greater than the threshold (2500.0); "
                    "most recent: [%s]." % last_three(by_name["Latency"]))
    cw.set_alarm_state(
        AlarmName="payments-refund-worker-errors", StateValue="OK",
        StateReason="Threshold Crossed: 1 datapoint [0.0] was not greater than the threshold (0.0).")
    cw.set_alarm_state(
        AlarmName="inventory-sync-lag", StateValue="OK",
        StateReason="Threshold Crossed: 2 datapoints were not greater than the threshold (600.0).")
    return 2


def seed_cloudwatch(session, endpoint, region):
    cw = session.client("cloudwatch", endpoint_url=endpoint, config=Config(retries={"max_attempts": 2}))
    now = dt.datetime.now(dt.timezone.utc)
    metrics = series(now, random.Random(20241120))
    metric_data = "put" if put_series(cw, metrics) else "kept"
    in_alarm = put_alarms(cw, region, metrics)
    return {"alarms": len(ALARMS), "in_alarm": in_alarm, "metrics": len(metrics),
            "datapoints": sum(len(points) for *_, points in metrics), "metric_data": metric_data}


MIN_MOTO = (5, 2, 6)


def require_moto():
    """Stops with the fix when the moto beside this Python is older than the first to serve CloudWatch's CBOR."""
    try:
        import moto
    except ImportError:
        return  # the emulator runs elsewhere; let the requests tell
    version = tuple(int(part) for part in moto.__version__.split(".")[:3] if part.isdigit())
    if version < MIN_MOTO:
        sys.exit("moto %s is too old for the CloudWatch demo data: the gateway's CloudWatch client speaks the Smithy RPC v2 "
                 "CBOR protocol, first served by moto 5.2.6. Run: %s -m pip install 'moto[server]>=5.2.6,<5.3'"
                 % (moto.__version__, sys.executable))


def main():
    require_moto()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--region", default="us-east-1")
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                    region_name=args.region)
    summary = seed_cloudwatch(session, args.endpoint, args.region)
    print("seeded demo cloudwatch: " + ", ".join("%s=%s" % kv for kv in summary.items()))


if __name__ == "__main__":
    sys.exit(main())
