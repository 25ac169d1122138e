// Every stage runs on a Document holding only the layers its needs() declares:
// what it adds is then the same as inside the full pipeline. A stage that
// reads a layer it does not declare gives a different result here.
// Uses the committed models; skips when one is missing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "relgraph/pipeline.hpp"

namespace relgraph {
namespace {

// An invented article: headline, byline, date line, then a body with names,
// values, a title, pronouns and relations.
const char* kArticle =
    "Harbour Council Approves Ferry Link\n"
    "By Mara Quint\n"
    "Published 14 March 2024\n"
    "\n"
    "Delmont City Council approved a ferry link to Orrin Island on Tuesday. The mayor, Ellen Hartwig, said "
    "the service would start in May. She met Tomas Brandt, the director of Northline Ferries, in Delmont. "
    "Brandt said his company would buy two boats for $12 million.\n";

bool has(const std::vector<Layer>& layers, Layer l) {
  return std::find(layers.begin(), layers.end(), l) != layers.end();
}

// Clears every layer not in `keep` (the text and id are the input, not layers).
void keep_only(Document& doc, const std::vector<Layer>& keep) {
  if (!has(keep, Layer::Metadata)) doc.metadata = Metadata{};
  if (!has(keep, Layer::Tokens) && !has(keep, Layer::Sentences)) doc.sentences.clear();
  for (auto& s : doc.sentences)
    for (auto& t : s.tokens) {
      if (!has(keep, Layer::Tags)) t.upos.clear(), t.xpos.clear();
      if (!has(keep, Layer::Lemmas)) t.lemma.clear();
      if (!has(keep, Layer::Deps)) t.head = -1, t.deprel.clear();
      if (!has(keep, Layer::Entities)) t.ner.clear();
    }
  if (!has(keep, Layer::Coref)) {
    doc.entities.clear();
    std::erase_if(doc.mentions, [](const EntityMention& m) {
      return m.subtype == "Nominal" || m.subtype == "Pronoun" || m.subtype == "Role";
    });
    for (auto& m : doc.mentions) m.entity = -1;
  }
  if (!has(keep, Layer::Entities)) doc.mentions.clear();
  if (!has(keep, Layer::Propositions)) doc.propositions.clear();
  if (!has(keep, Layer::TypedRelations)) doc.typed_facts.clear();
}

// The layers in `layers`, as text.
std::string dump(const Document& doc, const std::vector<Layer>& layers) {
  std::ostringstream o;
  if (has(layers, Layer::Metadata)) {
    const auto& m = doc.metadata;
    o << "metadata " << m.title << '|' << m.author << '|' << m.publisher << '|' << m.date_published << '|' << m.dateline
      << '|' << m.section << '|' << m.body_begin << '-' << m.body_end << '\n';
  }
  for (const auto& s : doc.sentences) {
    if (has(layers, Layer::Sentences)) o << "sentence " << s.begin << '-' << s.end << '\n';
    for (const auto& t : s.tokens) {
      if (has(layers, Layer::Tokens)) o << t.form << ' ' << t.begin << '-' << t.end << ' ';
      if (has(layers, Layer::Tags)) o << t.upos << ' ' << t.xpos << ' ';
      if (has(layers, Layer::Lemmas)) o << t.lemma << ' ';
      if (has(layers, Layer::Deps)) o << t.head << ' ' << t.deprel << ' ';
      if (has(layers, Layer::Entities)) o << t.ner;
      o << '\n';
    }
  }
  if (has(layers, Layer::Entities) || has(layers, Layer::Coref))
    for (const auto& m : doc.mentions)
      o << "mention " << m.text << '|' << m.type << '|' << m.subtype << '|' << m.canonical << '|' << m.value << '|'
        << m.span.sentence << ':' << m.span.first << '-' << m.span.last << '|' << m.entity << '\n';
  if (has(layers, Layer::Coref))
    for (const auto& e : doc.entities) {
      o << "entity " << e.label << '|' << e.type;
      for (int m : e.mentions) o << ' ' << m;
      for (const auto& a : e.aliases) o << '|' << a;
      o << '\n';
    }
  if (has(layers, Layer::Propositions))
    for (const auto& p : doc.propositions) {
      o << "proposition " << p.relation << '|' << p.lemma << '|' << p.canonical << '|' << p.negated << '|' << p.modality
        << '|' << p.attribution;
      for (const auto& a : p.args) o << " (" << a.role << ' ' << a.text << ' ' << a.head << ' ' << a.mention << ')';
      for (const auto& [k, v] : p.attributes) o << ' ' << k << '=' << v;
      o << '\n';
    }
  if (has(layers, Layer::TypedRelations))
    for (const auto& f : doc.typed_facts)
      o << "typed " << f.subject << ' ' << f.property << ' ' << f.object << ' ' << f.confidence << ' ' << f.sentence
        << '\n';
  return o.str();
}

TEST(Stages, EachRunsOnItsDeclaredLayersAlone) {
  const std::string models = std::string(RELGRAPH_SOURCE_DIR) + "/models";
  for (const char* m : {"tagger.bin", "parser.bin", "ner.bin"})
    if (!std::filesystem::exists(models + "/" + m)) GTEST_SKIP() << "models/" << m << " is missing";
  PipelineOptions options;
  options.models_dir = models;
  options.schemas_dir = std::string(RELGRAPH_SOURCE_DIR) + "/schemas";
  auto pipeline = make_pipeline(options);
  ASSERT_EQ(pipeline.stages().size(), 8u);
  Document full;
  full.id = "invented.txt";
  full.text = kArticle;
  for (const auto& stage : pipeline.stages()) {
    Document alone = full;
    keep_only(alone, stage->needs());
    stage->process(full);
    stage->process(alone);
    const auto adds = stage->adds();
    ASSERT_FALSE(adds.empty()) << stage->name();
    EXPECT_EQ(dump(alone, adds), dump(full, adds)) << stage->name() << " reads a layer it does not declare";
    EXPECT_NE(dump(full, adds), dump(Document{}, adds)) << stage->name() << " added nothing";
  }
}

}  // namespace
}  // namespace relgraph
