#!/usr/bin/env bash
# The soak: steady load through the whole pipeline — a local news site publishing RATE new articles
# a second, `khabar ingest` and `khabar process` as their own JVMs, an embedded broker — for MINUTES,
# sampling each service's live heap (after a forced GC) and both consumer lags every 30 s. At the
# end the load stops, both lags must drain to zero, and no article may be published or enriched twice.
#
#   scripts/soak.sh [MINUTES] [RATE]        # defaults: 30 minutes, 5 new articles/s
#   SOAK_OFFLINE=1 scripts/soak.sh 5        # build with Maven offline (-o)
#   SOAK_PROCESSOR_PROPERTIES=k=v,k2=v2      # raw Kafka/Streams properties for the processor
#
# Results: target/soak/<UTC time>/summary.txt (also printed), samples.csv, processor.log, ingest.log.
# Record the latest summary in RELIABILITY.md, with the duration it really ran.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes="${1:-30}"
rate="${2:-5}"
out="target/soak/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"

mvn_flags=(-q -B)
if [ -n "${SOAK_OFFLINE:-}" ]; then
  mvn_flags+=(-o)
fi
./mvnw "${mvn_flags[@]}" -DskipTests install
./mvnw "${mvn_flags[@]}" -pl console dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$out/classpath.txt" >/dev/null
classpath="console/target/test-classes:console/target/classes:$(cat "$out/classpath.txt")"

echo "soak: ${minutes} min at ${rate} new articles/s; results in ${out}" >&2
exec java -Xmx512m -XX:+UseSerialGC -cp "$classpath" dev.khabar.console.reliability.SoakDriver "$minutes" "$rate" "$out"
