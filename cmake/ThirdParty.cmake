# Third-party code, all from Debian packages (binary or `apt-get source`), never
# committed. scripts/setup.sh fetches and builds what is not a plain package and
# passes the locations as IMGUI_DIR and SDL2_WEB_PREFIX.

# Header-only libraries from /usr/include, re-exported through a private folder so the
# Emscripten build can use them without putting all of /usr/include on its path.
set(_dk_hdr "${CMAKE_BINARY_DIR}/third_party_include")
foreach(_dir nlohmann stb)
  if(NOT EXISTS "/usr/include/${_dir}")
    message(FATAL_ERROR "/usr/include/${_dir} missing: run scripts/setup.sh")
  endif()
  if(NOT EXISTS "${_dk_hdr}/${_dir}")
    file(MAKE_DIRECTORY "${_dk_hdr}")
    file(CREATE_LINK "/usr/include/${_dir}" "${_dk_hdr}/${_dir}" SYMBOLIC)
  endif()
endforeach()
add_library(dongelek_third_party_headers INTERFACE)
target_include_directories(dongelek_third_party_headers SYSTEM INTERFACE "${_dk_hdr}")
add_library(dongelek::headers ALIAS dongelek_third_party_headers)

if(NOT DONGELEK_BUILD_APP)
  return()
endif()

# SDL2: Debian's libsdl2-dev natively; built from Debian's source for the web.
if(EMSCRIPTEN)
  if(NOT SDL2_WEB_PREFIX OR NOT EXISTS "${SDL2_WEB_PREFIX}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2_WEB_PREFIX must point at SDL2 built for Emscripten: run scripts/setup.sh")
  endif()
  add_library(dongelek_sdl2 INTERFACE)
  target_include_directories(dongelek_sdl2 SYSTEM INTERFACE "${SDL2_WEB_PREFIX}/include" "${SDL2_WEB_PREFIX}/include/SDL2")
  target_link_libraries(dongelek_sdl2 INTERFACE "${SDL2_WEB_PREFIX}/lib/libSDL2.a")
else()
  find_package(SDL2 REQUIRED)
  find_package(OpenGL REQUIRED)
  add_library(dongelek_sdl2 INTERFACE)
  target_link_libraries(dongelek_sdl2 INTERFACE SDL2::SDL2 OpenGL::GL ${CMAKE_DL_LIBS})
endif()

# Dear ImGui 1.90.1 from Debian's source package, same version on both platforms.
if(NOT IMGUI_DIR OR NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "IMGUI_DIR must point at the ImGui 1.90.1 sources: run scripts/setup.sh")
endif()
add_library(dongelek_imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/imgui_demo.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp"
  "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
target_include_directories(dongelek_imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends" "${IMGUI_DIR}/misc/cpp")
target_link_libraries(dongelek_imgui PUBLIC dongelek_sdl2)
target_compile_definitions(dongelek_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
# ImGui's triangles are drawn by our own renderer (src/ui/imgui_renderer.cpp), not its OpenGL 3
# backend: the app owns the GL context, so no state is saved and restored around each frame.
