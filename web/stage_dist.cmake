# Stages the linked web app into DIST_DIR: app.<hash8>.{js,wasm,data} named by their own
# content (the server caches those forever), index.html filled in from TEMPLATE, the favicon.
# Usage: cmake -DAPP_DIR=... -DDIST_DIR=... -DTEMPLATE=index.html -DFAVICON=favicon.svg -P stage_dist.cmake
foreach(_var APP_DIR DIST_DIR TEMPLATE FAVICON)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "stage_dist.cmake: ${_var} is required")
  endif()
endforeach()

# Build into a sibling folder, then swap, so a server reading DIST_DIR never sees half a copy.
set(_tmp "${DIST_DIR}.staging")
file(REMOVE_RECURSE "${_tmp}")
file(MAKE_DIRECTORY "${_tmp}")
foreach(_ext js wasm data)
  set(_src "${APP_DIR}/app.${_ext}")
  if(NOT EXISTS "${_src}")
    message(FATAL_ERROR "stage_dist.cmake: ${_src} missing")
  endif()
  file(SHA256 "${_src}" _hash)
  string(SUBSTRING "${_hash}" 0 8 _hash8)
  set(_name_${_ext} "app.${_hash8}.${_ext}")
  file(COPY_FILE "${_src}" "${_tmp}/${_name_${_ext}}")
endforeach()

file(READ "${TEMPLATE}" _html)
string(REPLACE "{{APP_JS}}" "${_name_js}" _html "${_html}")
string(REPLACE "{{APP_WASM}}" "${_name_wasm}" _html "${_html}")
string(REPLACE "{{APP_DATA}}" "${_name_data}" _html "${_html}")
file(WRITE "${_tmp}/index.html" "${_html}")
file(COPY_FILE "${FAVICON}" "${_tmp}/favicon.svg")

file(REMOVE_RECURSE "${DIST_DIR}")
file(RENAME "${_tmp}" "${DIST_DIR}")
message(STATUS "Staged ${DIST_DIR}: index.html ${_name_js} ${_name_wasm} ${_name_data} favicon.svg")
