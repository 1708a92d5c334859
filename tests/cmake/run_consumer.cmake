# Configures, builds and runs one consumer project; for MODE=find_package it first builds and
# installs orgmodel into a fresh prefix. Fails unless the consumer prints EXPECTED (a regex).
# Variables: MODE, SOURCE_DIR (orgmodel), WORK_DIR, GENERATOR, CXX, LAUNCHER, FIXTURE, EXPECTED.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
# No build type (no -g, no optimisation): the check is the packaging, and -g adds a third to the compile.
set(common -G ${GENERATOR} -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER=${CXX})
if(LAUNCHER)
  list(APPEND common -DCMAKE_CXX_COMPILER_LAUNCHER=${LAUNCHER})
endif()

function(run)
  execute_process(COMMAND ${ARGV} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGV}")
    message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

set(consumer_args)
if(MODE STREQUAL "find_package")
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/orgmodel-build ${common}
      -DORGMODEL_BUILD_TESTS=OFF -DORGMODEL_BUILD_EXAMPLES=OFF -DORGMODEL_INSTALL=ON
      -DORGMODEL_CONSUMER_TESTS=OFF -DORGMODEL_HEADER_CHECKS=OFF)
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/orgmodel-build --prefix ${WORK_DIR}/prefix)
  # Only the installed copy may be used: the headers and config must come from the prefix.
  if(NOT EXISTS ${WORK_DIR}/prefix/include/orgmodel/orgmodel.hpp OR NOT EXISTS ${WORK_DIR}/prefix/share/orgmodel/model.schema.json)
    message(FATAL_ERROR "install is missing the umbrella header or the schema")
  endif()
  list(APPEND consumer_args -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
else()
  list(APPEND consumer_args -DORGMODEL_SOURCE_DIR=${SOURCE_DIR})
endif()

run(${CMAKE_COMMAND} -S ${SOURCE_DIR}/tests/cmake/${MODE} -B ${WORK_DIR}/consumer-build ${common} ${consumer_args})
run(${CMAKE_COMMAND} --build ${WORK_DIR}/consumer-build)
run(${WORK_DIR}/consumer-build/consumer ${FIXTURE})
message(STATUS "consumer printed:\n${last_output}")
if(NOT last_output MATCHES "${EXPECTED}")
  message(FATAL_ERROR "output does not match ${EXPECTED}")
endif()
