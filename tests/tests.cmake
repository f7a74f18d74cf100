# Unit tests (doctest, beside the code in src/**/*_test.cpp) run from the source
# tree so that fixtures resolve; end-to-end golden cases drive the real binary.
add_test(NAME unit COMMAND iooi_unit_tests WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
file(GLOB IOOI_E2E_CASES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/tests/e2e/cases/*/cmd)
foreach(cmd_file ${IOOI_E2E_CASES})
  get_filename_component(case_dir ${cmd_file} DIRECTORY)
  get_filename_component(case_name ${case_dir} NAME)
  add_test(NAME e2e.${case_name}
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/e2e/run_case.sh $<TARGET_FILE:iooi> ${case_dir})
  set_tests_properties(e2e.${case_name} PROPERTIES TIMEOUT 60)
endforeach()
