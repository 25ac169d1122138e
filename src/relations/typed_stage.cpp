// The typed-relation stage: DocRED entity types for coreference entities, the
// classifier over their pairs, evidence sentences. Tests: tests/docred_test.cpp
#include "relations/typed_stage.hpp"

#include <map>
#include <set>

namespace relgraph {

std::string docred_type(const EntityMention& m) {
  if (m.subtype == "Nominal" || m.subtype == "Pronoun" || m.subtype == "Role") return "";
  static const std::map<std::string, std::string> kTypes = {
      {"PER", "PER"},      {"ORG", "ORG"},          {"LOC", "LOC"},       {"GPE", "LOC"},   {"FAC", "LOC"},
      {"NORP", "LOC"},     {"TIME", "TIME"},        {"DATE", "TIME"},     {"NUM", "NUM"},   {"CARDINAL", "NUM"},
      {"MONEY", "NUM"},    {"PERCENT", "NUM"},      {"QUANTITY", "NUM"},  {"MISC", "MISC"}, {"EVENT", "MISC"},
      {"PRODUCT", "MISC"}, {"WORK_OF_ART", "MISC"}, {"LANGUAGE", "MISC"}, {"LAW", "MISC"},
  };
  auto it = kTypes.find(m.type);
  return it == kTypes.end() ? "" : it->second;
}

std::vector<PairEntity> entity_pairs_input(const Document& doc) {
  std::vector<PairEntity> out(doc.entities.size());
  for (std::size_t e = 0; e < doc.entities.size(); ++e) {
    std::map<std::string, int> votes;
    for (int mi : doc.entities[e].mentions) {
      if (mi < 0 || mi >= static_cast<int>(doc.mentions.size())) continue;
      const auto& m = doc.mentions[mi];
      std::string type = docred_type(m);
      if (type.empty() || m.span.empty() || m.span.sentence < 0 ||
          m.span.sentence >= static_cast<int>(doc.sentences.size()))
        continue;
      ++votes[type];
      out[e].mentions.push_back(m.span);
    }
    int best = 0;
    for (const auto& [type, n] : votes)
      if (n > best) best = n, out[e].type = type;
  }
  return out;
}

void describe_property(TypedFact& f, const RelationSchema& schema) {
  const WikidataProperty* p = schema.property(f.property);
  f.label = p ? p->label : f.property;
  f.name = p ? p->name : f.property;
  f.explains.clear();
  f.explains_inverse.clear();
  if (p) f.explains = p->explains, f.explains_inverse = p->explains_inverse;
  for (const auto& r : schema.relations()) {
    if (r.wikidata != f.property) continue;
    if (r.symmetric || !r.wikidata_inverse) f.explains.push_back(r.name);
    if (r.symmetric || r.wikidata_inverse) f.explains_inverse.push_back(r.name);
  }
}

void add_typed_facts(Document& doc, const RelationClassifier& classifier, const RelationSchema& schema) {
  doc.typed_facts.clear();
  auto entities = entity_pairs_input(doc);
  // Entities without a typed mention take no part (their type is empty).
  std::vector<PairEntity> kept;
  std::vector<int> index;
  for (std::size_t e = 0; e < entities.size(); ++e)
    if (!entities[e].type.empty()) kept.push_back(entities[e]), index.push_back(static_cast<int>(e));
  if (kept.size() < 2) return;
  for (const auto& r : classifier.classify(doc, kept)) {
    TypedFact f;
    f.subject = index[r.head];
    f.object = index[r.tail];
    f.property = r.property;
    f.confidence = r.score;
    std::set<int> subject_sentences;
    for (const auto& m : kept[r.head].mentions) subject_sentences.insert(m.sentence);
    for (const auto& m : kept[r.tail].mentions)
      if (subject_sentences.count(m.sentence) && (f.sentence < 0 || m.sentence < f.sentence)) f.sentence = m.sentence;
    if (f.sentence < 0 && !subject_sentences.empty()) f.sentence = *subject_sentences.begin();
    describe_property(f, schema);
    doc.typed_facts.push_back(std::move(f));
  }
}

namespace {

class TypedRelationStage : public Stage {
 public:
  TypedRelationStage(RelationClassifier rc, RelationSchema schema, bool enabled)
      : rc_(std::move(rc)), schema_(std::move(schema)), enabled_(enabled) {}
  std::string name() const override { return "typed-relations"; }
  std::vector<std::string> rules() const override { return {kRule}; }
  std::vector<Layer> needs() const override {
    return {Layer::Tokens, Layer::Tags, Layer::Lemmas, Layer::Deps, Layer::Entities, Layer::Coref};
  }
  std::vector<Layer> adds() const override { return {Layer::TypedRelations}; }
  void process(Document& doc) const override {
    doc.typed_facts.clear();
    if (enabled_) add_typed_facts(doc, rc_, schema_);
  }
  static constexpr const char* kRule = "relations.typed";

 private:
  RelationClassifier rc_;
  RelationSchema schema_;
  bool enabled_;
};

}  // namespace

std::unique_ptr<Stage> make_typed_relation_stage(const PipelineOptions& options) {
  // Switched off, the stage loads nothing (and needs no model).
  if (!options.enabled(TypedRelationStage::kRule))
    return std::make_unique<TypedRelationStage>(RelationClassifier{}, RelationSchema{}, false);
  return std::make_unique<TypedRelationStage>(RelationClassifier::load(options.models() + "/relations.bin"),
                                              RelationSchema::load(options.schemas() + "/relations.json"), true);
}

}  // namespace relgraph
