# ctest peers.edge_lists: a generated model's CSV edge lists load in NetworkX, igraph, graph-tool
# and SciPy with the vertex and edge counts orgmodel reports (manifest.json).
# Skipped (exit 77) when /usr/bin/python3 or its modules are missing.
# -DORGMODEL=<orgmodel program> -DPYTHON=<python> -DSCRIPT=<edge_lists.py> -DDIR=<work dir>
# -DTOOLS=<comma-separated peers>
if(NOT EXISTS "${PYTHON}")
  message("skipped: ${PYTHON} not found (Debian's python3 with python3-networkx, python3-igraph)")
  message(FATAL_ERROR "SKIPPED-BY-ORGMODEL")  # ctest reads this as a skip (SKIP_REGULAR_EXPRESSION)
endif()
file(REMOVE_RECURSE "${DIR}")
execute_process(COMMAND "${ORGMODEL}" synth --municipalities 600 --seed 42 --quiet --edges-dir "${DIR}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "orgmodel synth failed (${rc}): ${out}")
endif()
execute_process(COMMAND "${PYTHON}" "${SCRIPT}" "${DIR}" --tools=${TOOLS}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(rc EQUAL 77)
  message(FATAL_ERROR "SKIPPED-BY-ORGMODEL")  # cmake_language(EXIT) needs CMake 3.29; Debian 12 has 3.25
endif()
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "edge lists do not load with the same counts (${rc})")
endif()
