# Installation layout, man pages, shell completions and the Debian package
# (README.md: Installing). `cmake --install` and the .deb put the same files in
# the same places: the .deb is CPack's copy of the install tree under /usr.
include(GNUInstallDirs)

set(IOOI_SHARE_DIR ${CMAKE_INSTALL_DATAROOTDIR})
set(IOOI_DOC_DIR ${CMAKE_INSTALL_DATAROOTDIR}/doc/iooi)

# Man pages: written in scdoc (man/*.scd), rendered and gzipped at build time.
# Without scdoc the build still works, only without man pages (make test and
# make package install scdoc).
find_program(IOOI_SCDOC scdoc)
find_program(IOOI_GZIP gzip)
if(IOOI_SCDOC AND IOOI_GZIP)
  set(IOOI_MAN_PAGES)
  foreach(page iooi.1 iooi-plan.5)
    set(source ${PROJECT_SOURCE_DIR}/man/${page}.scd)
    set(page_gz ${PROJECT_BINARY_DIR}/man/${page}.gz)
    add_custom_command(
      OUTPUT ${page_gz}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
      COMMAND sh -c "'${IOOI_SCDOC}' < '${source}' > '${PROJECT_BINARY_DIR}/man/${page}'"
      COMMAND ${IOOI_GZIP} -9nf ${PROJECT_BINARY_DIR}/man/${page}
      DEPENDS ${source}
      COMMENT "scdoc ${page}"
      VERBATIM)
    list(APPEND IOOI_MAN_PAGES ${page_gz})
    string(REGEX REPLACE "^.*\\.([0-9])$" "\\1" section ${page})
    install(FILES ${page_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
  endforeach()
  add_custom_target(iooi_man ALL DEPENDS ${IOOI_MAN_PAGES})
  set(IOOI_HAVE_MAN ON)
else()
  message(STATUS "scdoc not found: man pages are not built or installed")
  set(IOOI_HAVE_MAN OFF)
endif()

# Completions where each shell looks for packaged ones.
install(FILES ${PROJECT_SOURCE_DIR}/completions/iooi.bash
        DESTINATION ${IOOI_SHARE_DIR}/bash-completion/completions RENAME iooi)
install(FILES ${PROJECT_SOURCE_DIR}/completions/_iooi
        DESTINATION ${IOOI_SHARE_DIR}/zsh/vendor-completions)
install(FILES ${PROJECT_SOURCE_DIR}/completions/iooi.fish
        DESTINATION ${IOOI_SHARE_DIR}/fish/vendor_completions.d)

# Debian keeps the licence as doc/PACKAGE/copyright.
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/LICENSE
        DESTINATION ${IOOI_DOC_DIR})
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${IOOI_DOC_DIR} RENAME copyright)

# The Debian package. Depends come from the libraries the binary links
# (dpkg-shlibdeps), so they match whatever Debian release built it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME iooi)
set(CPACK_PACKAGE_VENDOR "the iooi authors")
set(CPACK_PACKAGE_CONTACT "the iooi authors")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "check impact plans and roll OKR progress up the impact chain")
set(CPACK_PACKAGE_DESCRIPTION
    "iooi checks impact-chain (input, output, outcome, impact) and OKR plans kept as YAML
files, rolls key-result progress up to the impact goals, and prints reports and
diagrams (terminal, Markdown, JSON, CSV, Mermaid, Graphviz) and CI formats
(GitHub annotations, SARIF, GitLab Code Quality, JUnit).")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "the iooi authors")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
include(CPack)
