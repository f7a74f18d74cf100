# Validators that need npm packages (tests/node/package-lock.json, installed by
# `make test` through .ci/install-node-tools). They exit 77 - reported by CTest as
# skipped - only when tests/node/node_modules is absent; any other problem fails.
find_program(IOOI_NODE node)
if(NOT IOOI_NODE)
  message(STATUS "node not found: the SARIF, JUnit, GitLab and JSON Schema validators are not registered")
  return()
endif()

set(IOOI_NODE_DIR ${PROJECT_SOURCE_DIR}/tests/node)

# The CI formats of `iooi check` on a broken plan, a clean plan and messages that
# need escaping, checked by sarif-multitool, the SARIF schema and against --format json.
add_test(NAME node.check_formats
         COMMAND ${IOOI_NODE} ${IOOI_NODE_DIR}/check_formats.mjs $<TARGET_FILE:iooi> 2026-03-20
                 examples/broken examples/civic-coding tests/fixtures/ci-formats
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(node.check_formats PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)

# `iooi schema` against every example and fixture plan: structurally valid files
# are accepted, files with a structural finding the schema can express are rejected.
add_test(NAME node.plan_schema
         COMMAND ${IOOI_NODE} ${IOOI_NODE_DIR}/plan_schema.mjs $<TARGET_FILE:iooi> examples tests/fixtures
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(node.plan_schema PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)

# The CI recipes of docs/ci.md and the hooks of .pre-commit-hooks.yaml, run on a
# clean and a broken sample plan (made by `iooi init` on the day of the run).
add_test(NAME node.ci_recipes
         COMMAND ${IOOI_NODE} ${IOOI_NODE_DIR}/ci_recipes.mjs $<TARGET_FILE:iooi>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(node.ci_recipes PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# The HTML report of the example plan in headless Chromium: no script, no request but
# the file, no console error, axe-core clean, a chart per measure with check-ins plus the
# chain, an A4 PDF of several pages (tests/node/html_report.mjs, docs/html.md).
add_test(NAME node.html_report
         COMMAND ${IOOI_NODE} ${IOOI_NODE_DIR}/html_report.mjs $<TARGET_FILE:iooi>
         WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
set_tests_properties(node.html_report PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
