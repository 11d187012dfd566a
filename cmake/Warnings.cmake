# knp_set_warnings(target): the project's warning level; errors with KNP_WERROR (CI).
function(knp_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough
    # GCC 12 reports -Wrestrict inside libstdc++'s string concatenation (GCC bug 105329).
    $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
  if(KNP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
