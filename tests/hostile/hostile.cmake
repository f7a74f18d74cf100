# Hostile-input regression suite (docs/limits.md): one CTest test per case of
# tests/hostile/cases.sh, each running the real binary under a time and memory limit.
file(STRINGS ${PROJECT_SOURCE_DIR}/tests/hostile/cases.sh IOOI_HOSTILE_CASE_LINES
     REGEX "^case_[a-z0-9_]+\\(\\)")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${PROJECT_SOURCE_DIR}/tests/hostile/cases.sh)
foreach(line ${IOOI_HOSTILE_CASE_LINES})
  string(REGEX REPLACE "^case_([a-z0-9_]+)\\(\\).*" "\\1" case_name "${line}")
  add_test(NAME hostile.${case_name}
           COMMAND bash ${PROJECT_SOURCE_DIR}/tests/hostile/run_hostile.sh $<TARGET_FILE:iooi>
                   ${case_name})
  # 77: the case cannot be set up here (e.g. chmod 000 as root); the reason is in the log.
  set_tests_properties(hostile.${case_name} PROPERTIES TIMEOUT 300 SKIP_RETURN_CODE 77
                       LABELS hostile)
endforeach()
