# Packaging (cmake/packaging.cmake): the install tree and the .deb, man pages that
# cover --help, shell completions driven in each shell, the GitHub Action's script
# and the GitLab template. Skipped (77) without the tools, unless IOOI_REQUIRE_TOOLS.
set(IOOI_PACKAGING_TESTS ${PROJECT_SOURCE_DIR}/tests/packaging)
find_program(IOOI_PYTHON3 python3)

add_test(NAME packaging.install
         COMMAND bash ${IOOI_PACKAGING_TESTS}/install_test.sh ${PROJECT_BINARY_DIR})
set_tests_properties(packaging.install PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)

add_test(NAME packaging.github_action
         COMMAND bash ${IOOI_PACKAGING_TESTS}/github_action.sh $<TARGET_FILE:iooi> ${PROJECT_SOURCE_DIR})
set_tests_properties(packaging.github_action PROPERTIES TIMEOUT 120)

if(IOOI_PYTHON3)
  add_test(NAME packaging.man_covers_help
           COMMAND ${IOOI_PYTHON3} ${IOOI_PACKAGING_TESTS}/man_covers_help.py $<TARGET_FILE:iooi>
                   ${PROJECT_SOURCE_DIR}/man/iooi.1.scd)
  set_tests_properties(packaging.man_covers_help PROPERTIES TIMEOUT 60)
  foreach(shell bash zsh fish)
    add_test(NAME packaging.completion.${shell}
             COMMAND ${IOOI_PYTHON3} ${IOOI_PACKAGING_TESTS}/completion_test.py $<TARGET_FILE:iooi>
                     ${PROJECT_SOURCE_DIR} ${shell})
    set_tests_properties(packaging.completion.${shell} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
  endforeach()
endif()
