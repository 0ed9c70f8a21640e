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
	$(MAKE) fuzz

# Every fuzz target of the tree (func FuzzXxx in a _test.go file) runs briefly;
# run longer locally with `make fuzz FUZZTIME=10m`.
fuzz:
	@grep -rl --include='*_test.go' '^func Fuzz' site cmd | sort | while read -r file; do \
		for target in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$$file"); do \
			echo "fuzz $$target in ./$$(dirname $$file) for $(FUZZTIME)"; \
			$(GO) test -run='^$$' -fuzz="^$$target$$" -fuzztime=$(FUZZTIME) "./$$(dirname $$file)" || exit 1; \
		done; \
	done

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...
