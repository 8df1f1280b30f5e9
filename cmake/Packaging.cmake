# `cmake --build --preset release --target package` makes footfall_<version>_<arch>.deb: the binary,
# the assets and shipped models (with their licences) and the systemd user unit, installed under /usr.
include(GNUInstallDirs)

install(TARGETS footfall RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# assets_dir() finds these beside the binary: <prefix>/share/footfall/assets.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/footfall/assets
        PATTERN systemd EXCLUDE)

# The packaged unit is the developer's unit with the installed binary in place of the build tree's,
# reading the user's config when there is one and the shipped one otherwise.
set(FOOTFALL_DEV_UNIT ${PROJECT_SOURCE_DIR}/assets/systemd/footfall-kiosk.service)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${FOOTFALL_DEV_UNIT})
file(READ ${FOOTFALL_DEV_UNIT} FOOTFALL_UNIT_TEXT)
string(REPLACE "%h/footfall/build/release/src/footfall" "/usr/bin/footfall" FOOTFALL_UNIT_TEXT "${FOOTFALL_UNIT_TEXT}")
string(REPLACE " --config %h/.config/footfall/config.toml" "" FOOTFALL_UNIT_TEXT "${FOOTFALL_UNIT_TEXT}")
string(REGEX REPLACE "# Install:[^\n]*\n#[^\n]*\n" "# Enable: systemctl --user enable --now footfall-kiosk\n" FOOTFALL_UNIT_TEXT
       "${FOOTFALL_UNIT_TEXT}")
file(WRITE ${PROJECT_BINARY_DIR}/packaging/footfall-kiosk.service "${FOOTFALL_UNIT_TEXT}")
install(FILES ${PROJECT_BINARY_DIR}/packaging/footfall-kiosk.service DESTINATION lib/systemd/user)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME footfall)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "Footfall")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "People counter and offline conversion screen for shops")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Footfall maintainers <maintainers@footfall.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
# The shared libraries it links (OpenCV, SQLite, GLFW, ...) are found by dpkg-shlibdeps; the data
# it reads at run time is named here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, tzdata")
include(CPack)
