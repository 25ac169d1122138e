// The entity pipeline stage: recognizer mentions (PER/ORG/LOC), completed
// and typed from the gazetteer (countries, regions, organisations,
// demonyms), plus rule-based values. Tests: tests/ner_test.cpp
#include <cstdlib>
#include <filesystem>

#include "core/resources.hpp"
#include "ner/entity_typing.hpp"
#include "ner/gazetteer.hpp"
#include "ner/name_rules.hpp"
#include "ner/recognizer.hpp"

namespace relgraph {

namespace {

class EntityStage : public Stage {
 public:
  EntityStage(EntityRecognizer recognizer, ner::Gazetteer gazetteer, ner::AnnotateOptions options)
      : recognizer_(std::move(recognizer)), gazetteer_(std::move(gazetteer)), options_(options) {}
  std::string name() const override { return "entities"; }
  std::vector<Layer> needs() const override {
    if (recognizer_.model().use_pos) return {Layer::Tokens, Layer::Tags};
    return {Layer::Tokens};
  }
  std::vector<Layer> adds() const override { return {Layer::Entities}; }
  std::vector<std::string> rules() const override {
    return {ner::kHyphenNameRule,    ner::kCueNamesRule,      ner::kProperNounsRule,   ner::kCoordinatedNamesRule,
            ner::kCountrySuffixRule, ner::kKindNounNamesRule, ner::kAffiliationOrgRule};
  }
  void process(Document& doc) const override { ner::annotate_entities(doc, recognizer_, gazetteer_, options_); }

 private:
  EntityRecognizer recognizer_;
  ner::Gazetteer gazetteer_;
  ner::AnnotateOptions options_;
};

}  // namespace

ner::AnnotateOptions ner::annotate_options(const PipelineOptions& options) {
  AnnotateOptions annotate;
  annotate.hyphen_names = options.enabled(kHyphenNameRule);
  annotate.cue_names = options.enabled(kCueNamesRule);
  annotate.proper_nouns = options.enabled(kProperNounsRule);
  annotate.coordinated_names = options.enabled(kCoordinatedNamesRule);
  annotate.country_suffix = options.enabled(kCountrySuffixRule);
  annotate.kind_noun_names = options.enabled(kKindNounNamesRule);
  annotate.affiliation_org = options.enabled(kAffiliationOrgRule);
  return annotate;
}

std::unique_ptr<Stage> make_entity_stage(const PipelineOptions& options) {
  return std::make_unique<EntityStage>(EntityRecognizer::load(options.models() + "/ner.bin"),
                                       ner::Gazetteer::from(detail::Resources::shared(options.schemas()).gazetteer()),
                                       ner::annotate_options(options));
}

}  // namespace relgraph
