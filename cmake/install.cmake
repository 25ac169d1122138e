# Installed data, pkg-config file, man page and bash completion (included from
# CMakeLists.txt after the library and CLI targets exist).
#   <prefix>/share/relgraph/{models,schemas}  found by an installed binary
#   <prefix>/lib/pkgconfig/relgraph.pc        pkg-config --cflags --libs relgraph
#   <prefix>/share/man/man1/relgraph.1        generated with help2man when present
#   <prefix>/share/bash-completion/completions/relgraph
# find_package(relgraph) also sets relgraph_DATA_DIR to <prefix>/share/relgraph,
# for programs outside <prefix>/bin that need the models and schemas.
file(RELATIVE_PATH RELGRAPH_CONFIG_TO_DATA /${CMAKE_INSTALL_LIBDIR}/cmake/relgraph /${CMAKE_INSTALL_DATADIR}/relgraph)
file(APPEND ${PROJECT_BINARY_DIR}/relgraphConfig.cmake
     "get_filename_component(relgraph_DATA_DIR \"\${CMAKE_CURRENT_LIST_DIR}/${RELGRAPH_CONFIG_TO_DATA}\" ABSOLUTE)\n")
install(DIRECTORY ${PROJECT_SOURCE_DIR}/models ${PROJECT_SOURCE_DIR}/schemas
        DESTINATION ${CMAKE_INSTALL_DATADIR}/relgraph)

# Static libraries in link order: users before what they use.
set(RELGRAPH_PC_LIBS "-lrelgraph_corpus -lrelgraph_query -lrelgraph_pipeline -lrelgraph_io\
 -lrelgraph_graph -lrelgraph_coref -lrelgraph_relations -lrelgraph_ner -lrelgraph_parse\
 -lrelgraph_tag -lrelgraph_text -lrelgraph_article -lrelgraph_core -lboost_graph -pthread")
# Relocatable: the prefix is found from the .pc file's own directory.
file(RELATIVE_PATH RELGRAPH_PC_UP /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" RELGRAPH_PC_UP "${RELGRAPH_PC_UP}")
set(RELGRAPH_PC_PREFIX "\${pcfiledir}/${RELGRAPH_PC_UP}")
configure_file(${PROJECT_SOURCE_DIR}/cmake/relgraph.pc.in ${PROJECT_BINARY_DIR}/relgraph.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/relgraph.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(FILES ${PROJECT_SOURCE_DIR}/tools/relgraph-completion.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME relgraph)

find_program(RELGRAPH_HELP2MAN help2man)
if(RELGRAPH_HELP2MAN)
  add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/relgraph.1
    COMMAND ${RELGRAPH_HELP2MAN} --no-info --section=1
            "--name=English news articles to knowledge graphs"
            --output=${PROJECT_BINARY_DIR}/relgraph.1 $<TARGET_FILE:relgraph_cli>
    DEPENDS relgraph_cli VERBATIM)
  add_custom_target(relgraph_man ALL DEPENDS ${PROJECT_BINARY_DIR}/relgraph.1)
  install(FILES ${PROJECT_BINARY_DIR}/relgraph.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
