# The two commands of the README: `make build` builds the site from content/
# into public/; `make test` runs the whole test suite (unit, golden, browser,
# short fuzzing). `.ci/run` installs what the tests need, then runs `make test`.

GO ?= go
FUZZTIME ?= 15s

.PHONY: build test fuzz bench check serve

build:
	$(GO) run ./cmd/factsheet build -content content -out public

check:
	$(GO) run ./cmd/factsheet check -content content

serve:
	$(GO) run ./cmd/factsheet serve -content content

test:
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(MAKE) fuzz

# Each fuzz target runs briefly; run longer locally with `make fuzz FUZZTIME=10m`.
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=$(FUZZTIME) ./site/factsheet
	@if grep -qs 'func FuzzQuery' site/search/*_test.go; then \
		$(GO) test -run='^$$' -fuzz='^FuzzQuery$$' -fuzztime=$(FUZZTIME) ./site/search; \
	fi

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...
