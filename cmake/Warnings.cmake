# knp_set_warnings(target): the project's warning level; errors with KNP_WERROR (CI).
function(knp_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
    # GCC 12 reports -Wrestrict inside libstdc++'s string concatenation (GCC bug 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  # With the sanitizers' instrumentation GCC 12 reports -Wmaybe-uninitialized inside
  # libstdc++ (std::function in <regex>): flow-analysis noise; the release build keeps it.
  if(KNP_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
  if(KNP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
