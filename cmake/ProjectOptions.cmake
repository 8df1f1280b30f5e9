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

# Helper: every first-party target gets both, privately.
function(footfall_target_defaults target)
  target_link_libraries(${target} PRIVATE footfall_warnings footfall_options)
endfunction()
