# ctest peers.edge_lists: a generated model's CSV edge lists load in NetworkX, igraph, graph-tool
# and SciPy with the vertex and edge counts orgmodel reports (manifest.json).
# Skipped (exit 77) when /usr/bin/python3 or its modules are missing.
# -DORGMODEL=<orgmodel program> -DPYTHON=<python> -DSCRIPT=<edge_lists.py> -DDIR=<work dir>
if(NOT EXISTS "${PYTHON}")
  message("skipped: ${PYTHON} not found (Debian's python3 with python3-networkx, python3-igraph)")
  file(WRITE "${DIR}.skip" "")
  cmake_language(EXIT 77)
endif()
file(REMOVE_RECURSE "${DIR}")
execute_process(COMMAND "${ORGMODEL}" synth --municipalities 600 --seed 42 --quiet --edges-dir "${DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "orgmodel synth failed (${rc}): ${out}")
endif()
execute_process(COMMAND "${PYTHON}" "${SCRIPT}" "${DIR}" --tools=networkx,igraph,graph_tool,scipy
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(rc EQUAL 77)
  cmake_language(EXIT 77)
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "edge lists do not load with the same counts (${rc})")
endif()
