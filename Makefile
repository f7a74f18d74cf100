# Two commands do the whole set-up on a fresh Debian 12 or Ubuntu machine:
#   make run    installs what is missing, builds, runs iooi on the example plan
#   make test   installs what is missing, builds with sanitizers, runs every test
#   make package  builds the Debian package build/release/iooi_VERSION_ARCH.deb
JOBS ?= $(shell nproc)
PACKAGES := cmake g++ make libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev scdoc libgraphviz-dev pkgconf libgit2-dev
# The .deb: dpkg-shlibdeps (dpkg-dev) works out its Depends, CPack needs `file`.
PACKAGE_PACKAGES := dpkg-dev file
# Tests also drive real tools: Mermaid in headless Chromium, JSON Schema and SARIF validators.
# clang-format and clang-tidy check the code style (tests lint.clang-format, lint.clang-tidy).
# Packaging tests: the .deb, man -l, and the completions driven in bash, zsh and fish.
TEST_PACKAGES := chromium graphviz libxml2-utils nodejs npm python3 python3-yaml clang-format clang-tidy \
  $(PACKAGE_PACKAGES) man-db zsh fish git tmux
EXAMPLE := examples/civic-coding
EXAMPLE_AS_OF := 2026-03-20

.PHONY: all deps test-deps build run test package fuzz bench clean

all: build

deps:
	@./.ci/install-packages $(PACKAGES)

test-deps: deps
	@./.ci/install-packages $(TEST_PACKAGES)
	@./.ci/install-node-tools

# Warnings are errors in `make test` (and so in CI), not in a user's build: a
# newer compiler's new warning must not stop `make run`.
WERROR ?= OFF
test: WERROR = ON

build: deps
	cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release -DIOOI_WERROR=$(WERROR)
	cmake --build build/release -j$(JOBS)

run: build
	build/release/iooi check $(EXAMPLE) --as-of $(EXAMPLE_AS_OF)
	build/release/iooi report $(EXAMPLE) --period 2026-Q1 --as-of $(EXAMPLE_AS_OF)

# Every test runs twice: on the optimised build users get (which also catches
# warnings only the optimiser sees) and under AddressSanitizer + UBSan; the
# lint tests (clang-format, clang-tidy, layering) once, in the first.
test: test-deps build
	cd build/release && IOOI_REQUIRE_TOOLS=1 ctest --output-on-failure -j$(JOBS)
	cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=Debug -DIOOI_SANITIZE=ON -DIOOI_WERROR=ON
	cmake --build build/asan -j$(JOBS)
	cd build/asan && IOOI_REQUIRE_TOOLS=1 ctest --output-on-failure -j$(JOBS) --label-exclude lint

# The Debian package: binary, man pages, completions, README and licence, with
# Depends from the libraries the binary links. Install it with
#   sudo apt install ./build/release/iooi_*.deb
package: deps
	@./.ci/install-packages $(PACKAGE_PACKAGES)
	cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release
	cmake --build build/release -j$(JOBS)
	cd build/release && cpack -G DEB
	@ls build/release/iooi_*.deb

# libFuzzer over reader, decoder, checks and roll-up (clang, ASan + UBSan), seeded
# from the examples, the fixtures and the hostile-input corpus. Findings land in
# build/fuzz/ as crash-*/timeout-*/oom-*; see docs/fuzzing.md.
FUZZ_SECONDS ?= 600
FUZZ_DIR := build/fuzz
FUZZ_FLAGS ?=
fuzz:
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_DIR) -DIOOI_FUZZ=ON -DIOOI_SANITIZE=ON \
	  -DIOOI_WERROR=OFF -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(FUZZ_DIR) -j$(JOBS) --target iooi_fuzz
	mkdir -p $(FUZZ_DIR)/corpus
	$(FUZZ_DIR)/iooi_fuzz $(FUZZ_DIR)/corpus examples tests/fixtures tests/hostile/corpus \
	  -dict=tests/hostile/fuzz.dict -max_total_time=$(FUZZ_SECONDS) -timeout=5 \
	  -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=$(FUZZ_DIR)/ -print_final_stats=1 $(FUZZ_FLAGS)

# Benchmarks (docs/performance.md): check, report and the yaml-cpp floor.
bench: deps
	python3 bench/run.py

clean:
	rm -rf build
