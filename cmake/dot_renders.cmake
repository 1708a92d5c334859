# Exports every relation layer of MODEL with PROGRAM (example_export_dot) and pipes it through
# DOT -Tsvg; fails unless both succeed, dot prints no warning, and the result is an SVG document.
foreach(layer governance escalation ownership funding membership affiliation)
  execute_process(COMMAND ${PROGRAM} ${MODEL} ${layer}
                  COMMAND ${DOT} -Tsvg
                  OUTPUT_VARIABLE svg ERROR_VARIABLE err RESULTS_VARIABLE rcs)
  if(NOT rcs STREQUAL "0;0")
    message(FATAL_ERROR "${MODEL} ${layer}: exit codes ${rcs}\n${err}")
  endif()
  if(NOT err STREQUAL "")
    message(FATAL_ERROR "${MODEL} ${layer}: dot complained:\n${err}")
  endif()
  if(NOT svg MATCHES "<svg" OR NOT svg MATCHES "</svg>")
    message(FATAL_ERROR "${MODEL} ${layer}: no SVG document in dot's output")
  endif()
  message(STATUS "${layer}: rendered (${MODEL})")
endforeach()
