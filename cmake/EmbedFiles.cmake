# knp_embed_files(target NAMESPACE ns FILES a.glsl b.glsl ...)
# Generates a header and source that hold each file's bytes as a std::string_view named after
# the file (dots and dashes become underscores), so shaders and fonts ship inside the binary.
function(knp_embed_files target)
  cmake_parse_arguments(ARG "" "NAMESPACE;HEADER" "FILES" ${ARGN})
  set(out_dir ${CMAKE_BINARY_DIR}/generated/embedded)
  set(header ${out_dir}/${ARG_HEADER})
  string(REPLACE ".hpp" ".cpp" source ${header})
  set(script ${CMAKE_SOURCE_DIR}/cmake/EmbedFilesRun.cmake)
  string(REPLACE ";" "|" file_list "${ARG_FILES}")
  add_custom_command(
    OUTPUT ${header} ${source}
    COMMAND ${CMAKE_COMMAND} -DHEADER=${header} -DSOURCE=${source} -DNAMESPACE=${ARG_NAMESPACE}
            "-DFILES=${file_list}" -P ${script}
    DEPENDS ${ARG_FILES} ${script}
    COMMENT "Embedding ${ARG_HEADER}" VERBATIM)
  target_sources(${target} PRIVATE ${header} ${source})
  target_include_directories(${target} PUBLIC ${out_dir})
endfunction()
