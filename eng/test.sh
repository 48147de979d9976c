#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, runs every test project against
# real Postgres + pgvector and Redis (started by the launcher code), and ends with the line
# "N passed, N failed". Exits non-zero when anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

bash eng/install-prerequisites.sh

results="TestResults"
rm -rf "$results"

dotnet build FeatureStore.sln -nologo -clp:ErrorsOnly

status=0
# One project at a time: each starts its own Postgres and Redis (the AppHost tests whole stacks),
# and two cores host one such set well, several badly. A stuck test fails the run (hang timeout).
for project in tests/*.Tests/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build -nologo \
    --logger "trx;LogFileName=${name}.trx" --results-directory "$results" \
    --blame-hang-timeout 10m || status=$?
done

passed=0
failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with code $status although no test reported a failure (a test host crashed or hung?)"
fi
echo "${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
