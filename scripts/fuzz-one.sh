#!/usr/bin/env bash
# fuzz-one.sh GO PACKAGE TARGET FUZZTIME: fuzz one target for FUZZTIME.
#
# Go 1.26's fuzzing coordinator can end a run with "context deadline exceeded"
# at the -fuzztime boundary although no input failed (golang/go#75804, fixed
# in Go 1.27): a worker still busy when the deadline fires. Such a run, which
# writes no failing input, is run once more; a run that writes a failing input
# ("Failing input written to ...") fails at once, as does a second failure.
set -uo pipefail
go=$1 pkg=$2 target=$3 fuzztime=$4
for attempt in 1 2; do
	out=$(mktemp)
	"$go" test -run='^$' -fuzz="^${target}\$" -fuzztime="$fuzztime" "$pkg" 2>&1 | tee "$out"
	status=${PIPESTATUS[0]}
	if [ "$status" -eq 0 ]; then
		rm -f "$out"
		exit 0
	fi
	if [ "$attempt" -eq 1 ] && grep -q 'context deadline exceeded' "$out" && ! grep -q 'Failing input written' "$out"; then
		echo "fuzz $target: the run stopped with 'context deadline exceeded' and no failing input (golang/go#75804); running it again"
		rm -f "$out"
		continue
	fi
	rm -f "$out"
	exit "$status"
done
