# One static library per pipeline stage (docs/architecture.md).
#
#   iooi_add_stage(<stage>
#     SOURCES <file.cpp>...            listed one by one: no globbing
#     [DEPENDS <stage>...]             the stages whose headers this one includes
#     [PRIVATE_LIBRARIES <target>...]) third-party libraries used only inside
#
# makes the target iooi_<stage>. Its include root holds only include/iooi/<stage>
# (a symbolic link under the build tree), and DEPENDS links the other stages
# PUBLIC, so a stage sees its own headers and those of the stages it depends on,
# directly or through them, and nothing else: an include that breaks the layering
# fails to compile ("iooi/load/load_plan.h: No such file or directory").
# DEPENDS is exactly the stage's arrows in docs/architecture.md; the test
# lint.architecture compares the two.
function(iooi_add_stage stage)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES;DEPENDS;PRIVATE_LIBRARIES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "iooi_add_stage(${stage}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  foreach(dependency IN LISTS arg_DEPENDS)
    if(NOT TARGET iooi_${dependency})
      message(FATAL_ERROR "iooi_add_stage(${stage}): stage '${dependency}' is not defined yet; "
                          "add_subdirectory(src/${dependency}) must come first")
    endif()
  endforeach()

  add_library(iooi_${stage} STATIC ${arg_SOURCES})
  set(include_root ${PROJECT_BINARY_DIR}/stage-include/${stage})
  file(MAKE_DIRECTORY ${include_root}/iooi)
  if(IS_DIRECTORY ${PROJECT_SOURCE_DIR}/include/iooi/${stage})
    file(REMOVE ${include_root}/iooi/${stage})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/iooi/${stage} ${include_root}/iooi/${stage}
         SYMBOLIC)
  endif()
  target_include_directories(iooi_${stage} PUBLIC ${include_root})
  list(TRANSFORM arg_DEPENDS PREPEND iooi_ OUTPUT_VARIABLE dependency_targets)
  target_link_libraries(iooi_${stage} PUBLIC ${dependency_targets}
                        PRIVATE ${arg_PRIVATE_LIBRARIES})

  set_property(GLOBAL APPEND PROPERTY IOOI_STAGES ${stage})
  set_property(GLOBAL PROPERTY IOOI_STAGE_DEPENDS_${stage} "${arg_DEPENDS}")
endfunction()

# iooi_add_unit_tests(<file_test.cpp>...): the stage's doctest files, compiled
# into the one test binary iooi_unit_tests (which links every stage).
function(iooi_add_unit_tests)
  if(BUILD_TESTING)
    target_sources(iooi_unit_tests PRIVATE ${ARGN})
  endif()
endfunction()

# Writes the stage graph as CMake knows it, one "stage: dependencies" line per
# stage, for the test that compares it with docs/architecture.md.
function(iooi_write_stage_graph file)
  get_property(stages GLOBAL PROPERTY IOOI_STAGES)
  set(text "")
  foreach(stage IN LISTS stages)
    get_property(dependencies GLOBAL PROPERTY IOOI_STAGE_DEPENDS_${stage})
    list(JOIN dependencies " " dependencies)
    string(APPEND text "${stage}: ${dependencies}\n")
  endforeach()
  file(WRITE ${file} "${text}")
endfunction()
