# Warnings and sanitizer flags live in interface targets linked PRIVATE to every target,
# so third-party headers included as SYSTEM stay quiet and our own code stays strict.
add_library(footfall_warnings INTERFACE)
target_compile_options(footfall_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
  -Wnull-dereference -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  $<$<BOOL:${FOOTFALL_WARNINGS_AS_ERRORS}>:-Werror>
  # GCC 12 at -O2 reports std::string concatenation as overlapping memcpy (GCC PR 105329): noise, not a finding.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)

add_library(footfall_options INTERFACE)
if(FOOTFALL_SANITIZE)
  target_compile_options(footfall_options INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(footfall_options INTERFACE -fsanitize=address,undefined)
endif()
# The camera, writer, metrics and import threads share queues and snapshots: races show here.
if(FOOTFALL_SANITIZE_THREAD)
  target_compile_options(footfall_options INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
  target_link_options(footfall_options INTERFACE -fsanitize=thread)
endif()

# The fuzz preset instruments every first-party library for coverage; the fuzzers link them as they are.
if(FOOTFALL_BUILD_FUZZERS)
  target_compile_options(footfall_options INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(footfall_options INTERFACE -fsanitize=address,undefined)
endif()

# Hardening for what ships (Debian's and the OpenSSF's compiler options for C and C++): fortified libc
# and bounds-checked standard containers, stack protector and clash protection, control-flow
# protection, a read-only GOT and a position-independent executable. Off under the sanitizers, which
# have their own checks; _FORTIFY_SOURCE only where the optimiser runs, since it needs it.
option(FOOTFALL_HARDENING "Build with hardening flags" ON)
add_library(footfall_hardening INTERFACE)
if(FOOTFALL_HARDENING AND NOT FOOTFALL_SANITIZE AND NOT FOOTFALL_SANITIZE_THREAD AND NOT FOOTFALL_BUILD_FUZZERS)
  include(CheckPIESupported)
  check_pie_supported()
  set(CMAKE_POSITION_INDEPENDENT_CODE ON)
  target_compile_options(footfall_hardening INTERFACE
    $<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3>
    -D_GLIBCXX_ASSERTIONS -fstack-protector-strong -fstack-clash-protection
    $<$<STREQUAL:${CMAKE_SYSTEM_PROCESSOR},x86_64>:-fcf-protection=full>)
  target_link_options(footfall_hardening INTERFACE -Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
endif()

# Helper: every first-party target gets all three, privately.
function(footfall_target_defaults target)
  target_link_libraries(${target} PRIVATE footfall_warnings footfall_options footfall_hardening)
endfunction()
