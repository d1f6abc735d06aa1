#!/usr/bin/env bash
# Trains the result guard's semantic head and prints its held-out figures (docs/guard.md, "Semantic detector").
# Writes gateway/src/main/resources/dev/awsmcp/gateway/guard/semantic/semantic-head.json (weights, threshold, figures)
# and gateway/target/semantic-head-report.md. Deterministic: fixed seed, same embeddings as the gateway computes.
# Usage: scripts/train-semantic-head.sh [EVAL_DIR]   (default ../shared/eval: BIPIA and NotInject; see docs/guard.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
eval_dir=${1:-../shared/eval}
mvn -B -ntp -q -pl gateway -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/gateway/target/test.classpath" -Dmdep.includeScope=test
exec java -Xmx2g -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/test.classpath)" \
  dev.awsmcp.gateway.guard.semantic.SemanticHeadTrainer "$eval_dir" \
  gateway/src/main/resources/dev/awsmcp/gateway/guard/semantic/semantic-head.json gateway/target/semantic-head-report.md
