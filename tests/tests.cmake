# Unit tests (doctest, beside the code in src/**/*_test.cpp) run from the source
# tree so that fixtures resolve. No unit test reads the clock: a hang (say a
# quadratic scan of a big input) is stopped by the TIMEOUT instead; the whole
# binary takes seconds, under sanitizers too.
add_test(NAME unit COMMAND iooi_unit_tests WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
# `make run` and the docs call build/<type>/iooi by that path, not through CMake.
add_test(NAME build.binary_where_make_run_calls_it COMMAND ${PROJECT_BINARY_DIR}/iooi --version)
set_tests_properties(build.binary_where_make_run_calls_it PROPERTIES PASS_REGULAR_EXPRESSION "^iooi ")
set_tests_properties(unit PROPERTIES TIMEOUT 300)
# End-to-end golden cases drive the real binary.
file(GLOB IOOI_E2E_CASES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/e2e/cases/*/cmd)
foreach(cmd_file ${IOOI_E2E_CASES})
  get_filename_component(case_dir ${cmd_file} DIRECTORY)
  get_filename_component(case_name ${case_dir} NAME)
  add_test(NAME e2e.${case_name}
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/e2e/run_case.sh $<TARGET_FILE:iooi> ${case_dir})
  set_tests_properties(e2e.${case_name} PROPERTIES TIMEOUT 60)
endforeach()
include(${PROJECT_SOURCE_DIR}/tests/hostile/hostile.cmake)
# iooi diff and --history on repositories the test scripts with git (tests/history/).
add_test(NAME history.git
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/history/history_test.sh $<TARGET_FILE:iooi>)
set_tests_properties(history.git PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
# Every Mermaid diagram iooi writes must render with the real mermaid library
# (skipped without Chromium or the npm packages; see tests/mermaid/check.sh).
add_test(NAME mermaid.render
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/mermaid/check.sh $<TARGET_FILE:iooi> ${PROJECT_SOURCE_DIR})
set_tests_properties(mermaid.render PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 240)
include(${PROJECT_SOURCE_DIR}/tests/node/node_tests.cmake)

# DOT output laid out by the real Graphviz (tests/graphviz/check.sh).
add_test(NAME graphviz.render
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/graphviz/check.sh $<TARGET_FILE:iooi> ${PROJECT_SOURCE_DIR})
set_tests_properties(graphviz.render PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60)

# Code habits (CONTRIBUTING.md), label "lint": they do not depend on the build
# type, so `make test` runs them once, in the release build.
# The stage graph of the build is the one docs/architecture.md documents.
add_test(NAME lint.architecture
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/lint/architecture.sh
                 ${PROJECT_BINARY_DIR}/stage-graph.txt ${PROJECT_SOURCE_DIR}/docs/architecture.md)
# Every C++ file is formatted as .clang-format says.
add_test(NAME lint.clang-format
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/lint/clang-format.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(lint.architecture lint.clang-format PROPERTIES TIMEOUT 60 LABELS lint)
# clang-tidy (.clang-tidy) finds nothing in the product sources, compiled as this
# build compiles them (compile_commands.json). Minutes, not seconds: CONTRIBUTING.md.
add_test(NAME lint.clang-tidy
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/lint/clang-tidy.sh ${PROJECT_SOURCE_DIR}
                 ${PROJECT_BINARY_DIR})
set_tests_properties(lint.clang-tidy PROPERTIES TIMEOUT 1800 LABELS lint)
include(${PROJECT_SOURCE_DIR}/tests/packaging/packaging.cmake)

# The IATI export of every example plan validated against the official IATI 2.03
# schema by xmllint (tests/iati/check.sh; the schema and its provenance in tests/iati-2.03).
add_test(NAME iati.schema
         COMMAND bash ${PROJECT_SOURCE_DIR}/tests/iati/check.sh $<TARGET_FILE:iooi> ${PROJECT_SOURCE_DIR})
set_tests_properties(iati.schema PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60)

# `iooi checkin` against PyYAML on the examples and on generated plans (docs/checkins.md).
add_test(NAME checkin.crosscheck
         COMMAND python3 ${PROJECT_SOURCE_DIR}/tests/checkin/crosscheck.py $<TARGET_FILE:iooi> ${PROJECT_SOURCE_DIR})
set_tests_properties(checkin.crosscheck PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
