# Stages the linked web app into DIST_DIR: app.<hash8>.{js,wasm,data} and the photo decoder
# net_worker.<hash8>.js, the spin preparer spin_worker.<hash8>.js and the loader boot.<hash8>.js named by their own content (the server caches those forever),
# index.html filled in from TEMPLATE (only the file names: {{LANG}}, {{TITLE}}, {{HEAD}} and
# {{CONTENT}} stay for the server, which fills them per page), the favicon.
# Usage: cmake -DAPP_DIR=... -DWORKER_JS=.../net_worker.js -DSPIN_WORKER_JS=.../spin_worker.js -DDIST_DIR=... -DTEMPLATE=index.html
#              -DBOOT_JS=boot.js -DFAVICON=favicon.svg -P stage_dist.cmake
foreach(_var APP_DIR WORKER_JS SPIN_WORKER_JS BOOT_JS DIST_DIR TEMPLATE FAVICON)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "stage_dist.cmake: ${_var} is required")
  endif()
endforeach()

# Copies SRC into the staging folder _tmp as <STEM>.<first 8 hex of its SHA-256>.<EXT>; OUT gets that name.
function(stage_hashed SRC STEM EXT OUT)
  if(NOT EXISTS "${SRC}")
    message(FATAL_ERROR "stage_dist.cmake: ${SRC} missing")
  endif()
  file(SHA256 "${SRC}" _hash)
  string(SUBSTRING "${_hash}" 0 8 _hash8)
  set(_name "${STEM}.${_hash8}.${EXT}")
  file(COPY_FILE "${SRC}" "${_tmp}/${_name}")
  set(${OUT} "${_name}" PARENT_SCOPE)
endfunction()

# Build into a sibling folder, then swap, so a server reading DIST_DIR never sees half a copy.
set(_tmp "${DIST_DIR}.staging")
file(REMOVE_RECURSE "${_tmp}")
file(MAKE_DIRECTORY "${_tmp}")
foreach(_ext wasm data)
  stage_hashed("${APP_DIR}/app.${_ext}" app ${_ext} _name_${_ext})
endforeach()
# Emscripten's preload package stamps app.js with a random package_uuid on every link, which
# would give an unchanged app a new name and cost every visitor a download. The .data file's
# own hash identifies the package just as well, and is the same for the same content.
file(SHA256 "${APP_DIR}/app.data" _data_hash)
file(READ "${APP_DIR}/app.js" _js)
string(REGEX REPLACE "package_uuid\":\"[0-9a-f-]+\"" "package_uuid\":\"${_data_hash}\"" _js "${_js}")
file(WRITE "${_tmp}.app.js" "${_js}")
stage_hashed("${_tmp}.app.js" app js _name_js)
file(REMOVE "${_tmp}.app.js")
stage_hashed("${WORKER_JS}" net_worker js _name_worker)
stage_hashed("${SPIN_WORKER_JS}" spin_worker js _name_spin_worker)
stage_hashed("${BOOT_JS}" boot js _name_boot)

file(READ "${TEMPLATE}" _html)
string(REPLACE "{{APP_JS}}" "${_name_js}" _html "${_html}")
string(REPLACE "{{APP_WASM}}" "${_name_wasm}" _html "${_html}")
string(REPLACE "{{APP_DATA}}" "${_name_data}" _html "${_html}")
string(REPLACE "{{NET_WORKER_JS}}" "${_name_worker}" _html "${_html}")
string(REPLACE "{{SPIN_WORKER_JS}}" "${_name_spin_worker}" _html "${_html}")
string(REPLACE "{{BOOT_JS}}" "${_name_boot}" _html "${_html}")
file(WRITE "${_tmp}/index.html" "${_html}")
file(COPY_FILE "${FAVICON}" "${_tmp}/favicon.svg")

file(REMOVE_RECURSE "${DIST_DIR}")
file(RENAME "${_tmp}" "${DIST_DIR}")
message(STATUS "Staged ${DIST_DIR}: index.html ${_name_js} ${_name_wasm} ${_name_data} ${_name_worker} ${_name_spin_worker} ${_name_boot} favicon.svg")
