// Property-graph database exports:
//  - "neo4j-nodes" / "neo4j-relationships": the CSV pair that
//    `neo4j-admin database import full --nodes=nodes.csv
//    --relationships=relationships.csv` reads (headers :ID, :LABEL,
//    :START_ID, :END_ID, :TYPE; arrays split on ';'), also loadable by
//    Kuzu's LOAD FROM;
//  - "cypher": a Neo4j Cypher script (constraint, MERGE per node and fact),
//    idempotent, one statement a line, for cypher-shell -f;
//  - "kuzu-cypher": the same graph as a self-contained Kuzu script (schema
//    DDL, then one CREATE a node or fact: slow on big graphs);
//  - "kuzu-entities" / "kuzu-relations" / "kuzu-load": Kuzu's bulk load, two
//    CSV files with a fixed schema and a script of the schema DDL and two
//    COPY FROM statements reading them (list columns split into STRING[]).
// Node labels are "Entity" plus the entity type; relationship types are the
// predicate in UPPER_SNAKE ("met with" -> MET_WITH), with the predicate itself
// kept as a property. Tests: tests/neo4j_test.cpp, tests/db_test.cpp (real Kuzu).
#pragma once
#include <memory>
#include <string>

#include "relgraph/graph.hpp"
#include "relgraph/io.hpp"

namespace relgraph::detail {

std::unique_ptr<Exporter> make_neo4j_nodes_exporter();
std::unique_ptr<Exporter> make_neo4j_relationships_exporter();
std::unique_ptr<Exporter> make_cypher_exporter();
std::unique_ptr<Exporter> make_kuzu_cypher_exporter();
std::unique_ptr<Exporter> make_kuzu_entities_exporter();
std::unique_ptr<Exporter> make_kuzu_relations_exporter();
std::unique_ptr<Exporter> make_kuzu_load_exporter();

// Writes nodes.csv, relationships.csv, import.cypher, kuzu.cypher,
// kuzu-entities.csv, kuzu-relations.csv and kuzu-load.cypher into directory `dir` (created if missing), each file
// atomically. Throws Error(Io) naming the directory if it cannot be created or written.
void save_neo4j_directory(const KnowledgeGraph& graph, const std::string& dir);

// "met with" -> "MET_WITH"; never empty ("RELATED_TO"), never starts with a digit.
std::string relationship_type(const std::string& predicate);
// An edge's relationship type: a typed edge's from its Wikidata label
// (P108 "employer" -> "EMPLOYER"), the same in every article; else (an open
// edge, or a typed one read from the property's value) the predicate's.
std::string edge_type(const RelationEdge& edge);
// Entity type as a label: letters, digits and '_' only ("Thing" if empty).
std::string node_label(const std::string& type);

}  // namespace relgraph::detail
