# Every dependency is a Debian 12 package (see scripts/setup.sh); nothing is downloaded.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc video videoio imgcodecs dnn objdetect)
find_package(SQLiteCpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(date REQUIRED)
find_package(CLI11 REQUIRED)
find_package(tomlplusplus REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(glfw3 REQUIRED)
find_package(OpenGL REQUIRED)
# The end-of-day e-mail goes out through libcurl's SMTP.
find_package(CURL REQUIRED)
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui stb)
# A recording's creation_time: OpenCV's VideoCapture does not expose container metadata.
pkg_check_modules(LIBAV REQUIRED IMPORTED_TARGET libavformat libavutil)

# libcsv ships only a static archive and a header.
find_library(LIBCSV_LIBRARY NAMES libcsv.a csv REQUIRED)
find_path(LIBCSV_INCLUDE_DIR csv.h REQUIRED)
add_library(libcsv::libcsv STATIC IMPORTED)
set_target_properties(libcsv::libcsv PROPERTIES
  IMPORTED_LOCATION "${LIBCSV_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${LIBCSV_INCLUDE_DIR}")

# Dear ImGui's GLFW/OpenGL3 backends are shipped as example sources, not in libimgui.
set(IMGUI_BACKENDS_DIR /usr/share/doc/libimgui-dev/examples/backends)
add_library(imgui_backends STATIC
  ${IMGUI_BACKENDS_DIR}/imgui_impl_glfw.cpp
  ${IMGUI_BACKENDS_DIR}/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_BACKENDS_DIR} /usr/include/imgui/backends)
target_link_libraries(imgui_backends PUBLIC PkgConfig::IMGUI glfw OpenGL::GL ${CMAKE_DL_LIBS})
target_link_libraries(imgui_backends PRIVATE footfall_options)
# Debian's 1.86 GL3W loader fills ptr[53] of a 53-slot array that shares a 54-pointer union (fixed in 1.87):
# harmless, but UBSan's bounds check aborts on it. A source property, so it comes after -fsanitize=undefined.
if(FOOTFALL_SANITIZE)
  set_source_files_properties(${IMGUI_BACKENDS_DIR}/imgui_impl_opengl3.cpp PROPERTIES COMPILE_OPTIONS -fno-sanitize=bounds)
endif()

find_package(doctest QUIET)
if(NOT doctest_FOUND)
  include(/usr/lib/cmake/doctest/doctest.cmake)
endif()
