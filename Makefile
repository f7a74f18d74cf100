# Two commands do the whole set-up on a fresh Debian 12 or Ubuntu machine:
#   make run    installs what is missing, builds, runs iooi on the example plan
#   make test   installs what is missing, builds with sanitizers, runs every test
JOBS ?= $(shell nproc)
PACKAGES := cmake g++ make libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev
# Tests also drive real tools: Mermaid in headless Chromium, JSON Schema and SARIF validators.
TEST_PACKAGES := chromium nodejs npm python3 python3-yaml
EXAMPLE := examples/civic-coding
EXAMPLE_AS_OF := 2026-03-20

.PHONY: all deps test-deps build run test fuzz bench clean

all: build

deps:
	@./.ci/install-packages $(PACKAGES)

test-deps: deps
	@./.ci/install-packages $(TEST_PACKAGES)
	@./.ci/install-node-tools

build: deps
	cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release
	cmake --build build/release -j$(JOBS)

run: build
	build/release/iooi check $(EXAMPLE) --as-of $(EXAMPLE_AS_OF)
	build/release/iooi report $(EXAMPLE) --period 2026-Q1 --as-of $(EXAMPLE_AS_OF)

test: test-deps
	cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DIOOI_SANITIZE=ON
	cmake --build build/asan -j$(JOBS)
	cd build/asan && ctest --output-on-failure -j$(JOBS)

clean:
	rm -rf build
