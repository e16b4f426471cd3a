#!/usr/bin/env bash
# CI stage: mutation testing of the rule headers on a bounded random sample (the full run
# and its figures: docs/testing.md, "Mutation testing"). Every mutant in the sample that
# the schemata build can select is run against the core, JSON and property suites; the
# stage fails if one survives that scripts/mutate-equivalent.txt or scripts/mutate-survivors.txt
# (accepted survivors, each with its reason) does not list.
# The seed is fixed (a verdict must not depend on the day the stage runs); MUTATION_SEED
# samples other mutants (docs/testing.md, "The CI sample"), and a failure is reproduced
# with the printed command. MUTATION_SAMPLE (default 150) sets the size. The schemata
# sources do not depend on the sample: build/mutation-ci is reused and recompiled only when
# include/ or tests/ changed.
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$SECONDS
seed=${MUTATION_SEED:-20261202}
sample=${MUTATION_SAMPLE:-150}
args=(--sample "$sample" --seed "$seed" --skip-equivalent --skip-known scripts/mutate-survivors.txt --rebuild none --suites core,json,property
      --work build/mutation-ci --report build/mutation-ci/report.txt --jobs "${CMAKE_BUILD_PARALLEL_LEVEL:-2}")
echo "--- mutation sample: $sample mutants, seed $seed"
echo "    reproduce: python3 scripts/mutate.py ${args[*]}"
mkdir -p build/mutation-ci
status=0
nice -n 15 python3 scripts/mutate.py "${args[@]}" || status=$?
echo "--- mutation sample: $([ $status -eq 0 ] && echo passed || echo FAILED) in $((SECONDS - start)) s" \
     "(report: build/mutation-ci/report.txt)"
exit $status
