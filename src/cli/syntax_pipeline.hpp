// The syntactic pipeline shared by `relgraph parse`, `relgraph eval ud` and
// the benchmark: tokenizer (or the words already in the document), tagger,
// parser, up to a chosen layer.
#pragma once
#include <memory>
#include <string>

#include "relgraph/pipeline.hpp"

namespace relgraph::cli {

// `until`: Layer::Tokens (tokenizer only), Layer::Tags / Layer::Lemmas (+ tagger)
// or Layer::Deps (+ parser). With `given_tokens` the documents already hold
// their sentences and words (gold tokenization) and no tokenizer runs.
// Throws Error(Model) when a model is missing or corrupt.
Pipeline make_syntax_pipeline(const PipelineOptions& options, Layer until, bool given_tokens = false);

// A stage that adds Layer::Metadata with the whole text as the body: for
// commands that read plain sentences, not articles (parse, entities).
std::unique_ptr<Stage> make_whole_text_stage();

// "tokens", "tags", "deps" -> Layer; throws Error(InvalidArgument) otherwise.
Layer syntax_layer(const std::string& name);

}  // namespace relgraph::cli
