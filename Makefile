# The two commands of the README: `make build` builds the site from content/
# into public/; `make test` runs the whole test suite (unit, golden, browser,
# short fuzzing). `.ci/run` installs what the tests need, then runs `make test`.

GO ?= go
FUZZTIME ?= 15s

.PHONY: build test fuzz bench check serve

build:
	@echo "make build: compiling factsheet (the first time, Go compiles its dependencies: a few minutes, with no output), then building content/ into public/"
	$(GO) run ./cmd/factsheet build -content content -out public

check:
	$(GO) run ./cmd/factsheet check -content content

serve:
	$(GO) run ./cmd/factsheet serve -content content

test:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 20m ./...
	$(GO) test -race -count=1 -run 'TestConcurrentExecute|TestAsTextTemplate|TestCompiled|TestBuild' ./site/internal/tmplexec ./site/render ./site
	$(MAKE) fuzz

# Every fuzz target of the tree (func FuzzXxx in a _test.go file) runs briefly;
# run longer locally with `make fuzz FUZZTIME=10m`. scripts/fuzz-one.sh runs a
# target again once when Go stops it at the deadline with no failing input.
fuzz:
	@grep -rl --include='*_test.go' '^func Fuzz' site cmd | sort | while read -r file; do \
		for target in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$$file"); do \
			echo "fuzz $$target in ./$$(dirname $$file) for $(FUZZTIME)"; \
			scripts/fuzz-one.sh "$(GO)" "./$$(dirname $$file)" "$$target" "$(FUZZTIME)" || exit 1; \
		done; \
	done

# Every benchmark, then the whole-process rebuild against Hugo where hugo and
# hyperfine are installed (prints "ratio factsheet/hugo").
bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...
	@if command -v hugo >/dev/null && command -v hyperfine >/dev/null; then \
		scripts/bench-hugo/bench.sh; \
	else \
		echo "bench: hugo or hyperfine is not installed; skipping the comparison with Hugo (apt-get install -y hugo hyperfine)"; \
	fi
