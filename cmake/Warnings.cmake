# knp_set_warnings(target): the project's warning level; errors with KNP_WERROR (CI).
function(knp_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
  if(KNP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
