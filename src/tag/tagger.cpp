// Tagger inference, lemma edit scripts, model file and pipeline stage.
// Tests: tests/tagger_test.cpp
#include "tag/tagger.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>

#include "relgraph/error.hpp"
#include "tag/features.hpp"
#include "tag/lemma_rules.hpp"

namespace relgraph {
namespace {
constexpr const char* kComponent = "tagger";
constexpr std::uint64_t kClassOnly = 0x636c617373ull;  // FEATS default of a tag class

std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

}  // namespace

LemmaEdit lemma_edit(std::string_view form, std::string_view lemma) {
  auto make = [&](bool lower, std::string_view from) {
    std::size_t keep = common_prefix(from, lemma);
    LemmaEdit e;
    e.lower = lower;
    e.strip = static_cast<std::uint8_t>(std::min<std::size_t>(from.size() - keep, 255));
    e.append = std::string(lemma.substr(keep));
    return e;
  };
  LemmaEdit keep = make(false, form);
  std::string lower = detail::ascii_lower(form);
  if (lower == form) return keep;
  LemmaEdit low = make(true, lower);
  auto cost = [](const LemmaEdit& e) { return e.strip + e.append.size(); };
  return cost(low) < cost(keep) ? low : keep;
}

std::string apply_lemma_edit(std::string_view form, const LemmaEdit& edit) {
  std::string s = edit.lower ? detail::ascii_lower(form) : std::string(form);
  if (edit.strip > s.size()) return std::string(form);
  s.resize(s.size() - edit.strip);
  return s + edit.append;
}

std::string to_string(const LemmaEdit& edit) {
  return std::string(edit.lower ? "L|" : "K|") + std::to_string(edit.strip) + "|" + edit.append;
}

LemmaEdit parse_lemma_edit(std::string_view label) {
  auto bar = label.find('|', 2);
  unsigned strip = 0;
  if (label.size() < 4 || (label[0] != 'L' && label[0] != 'K') || label[1] != '|' || bar == std::string_view::npos ||
      std::from_chars(label.data() + 2, label.data() + bar, strip).ec != std::errc{} || strip > 255)
    throw Error(ErrorKind::Format, "bad lemma edit script '" + std::string(label) + "'");
  return LemmaEdit{label[0] == 'L', static_cast<std::uint8_t>(strip), std::string(label.substr(bar + 1))};
}

// ---------------------------------------------------------------------------

Tagger::Tagger(Model model) : model_(std::move(model)) { index(); }

void Tagger::index() {
  dict_.clear();
  lemma_table_.clear();
  feats_table_.clear();
  for (std::size_t i = 0; i < model_.dict_keys.size(); ++i) dict_.emplace(model_.dict_keys[i], model_.dict_tags[i]);
  ambiguity_.clear();
  for (std::size_t i = 0; i < model_.amb_keys.size(); ++i) ambiguity_.emplace(model_.amb_keys[i], model_.amb_values[i]);
  for (std::size_t i = 0; i < model_.lemma_keys.size(); ++i)
    lemma_table_.emplace(model_.lemma_keys[i], model_.lemma_edits[i]);
  for (std::size_t i = 0; i < model_.feats_keys.size(); ++i)
    feats_table_.emplace(model_.feats_keys[i], model_.feats_ids[i]);
  clusters_ = detail::WordClusters::shared(model_.cluster_keys, model_.cluster_ids);
  parsed_edits_.clear();
  for (const auto& e : model_.edits) parsed_edits_.push_back(parse_lemma_edit(e));
}

Tagger Tagger::load(const std::string& path) {
  detail::ModelReader in(path, kComponent, kFormatVersion);
  return read(in);
}

Tagger Tagger::from_bytes(std::string bytes, const std::string& name) {
  auto in = detail::ModelReader::from_bytes(std::move(bytes), name, kComponent, kFormatVersion);
  return read(in);
}

Tagger Tagger::read(detail::ModelReader& in) {
  Model m;
  m.upos = in.strings();
  m.xpos = in.strings();
  m.tagger = detail::Perceptron::load(in);
  if (in.version() >= 2 && in.pod<std::uint8_t>() != 0) m.tagger2 = detail::Perceptron::load(in);
  m.dict_keys = in.vec<std::uint64_t>();
  m.dict_tags = in.vec<std::uint16_t>();
  m.amb_keys = in.vec<std::uint64_t>();
  m.amb_values = in.vec<std::uint64_t>();
  m.edits = in.strings();
  m.lemmatizer = detail::Perceptron::load(in);
  m.lemma_keys = in.vec<std::uint64_t>();
  m.lemma_edits = in.vec<std::uint16_t>();
  m.feats = in.strings();
  m.feats_keys = in.vec<std::uint64_t>();
  m.feats_ids = in.vec<std::uint16_t>();
  std::shared_ptr<const detail::WordClusters> clusters;
  if (in.version() >= 5) {
    clusters = std::make_shared<const detail::WordClusters>(detail::WordClusters::load(in));
  } else if (in.version() >= 3) {
    m.cluster_keys = in.vec<std::uint64_t>();
    m.cluster_ids = in.vec<std::uint32_t>();
  }
  in.finish();
  const std::size_t tags = m.upos.size(), edits = m.edits.size(), feats = m.feats.size();
  auto below = [](const std::vector<std::uint16_t>& v, std::size_t n) {
    return std::all_of(v.begin(), v.end(), [n](std::uint16_t x) { return x < n; });
  };
  if (tags == 0 || m.xpos.size() != tags || static_cast<std::size_t>(m.tagger.num_classes()) != tags ||
      (m.tagger2.num_classes() != 0 && static_cast<std::size_t>(m.tagger2.num_classes()) != tags) ||
      static_cast<std::size_t>(m.lemmatizer.num_classes()) != edits || m.dict_keys.size() != m.dict_tags.size() ||
      m.amb_keys.size() != m.amb_values.size() || m.cluster_keys.size() != m.cluster_ids.size() ||
      m.lemma_keys.size() != m.lemma_edits.size() || m.feats_keys.size() != m.feats_ids.size() ||
      !below(m.dict_tags, tags) || !below(m.lemma_edits, edits) || !below(m.feats_ids, feats))
    in.fail("inconsistent tagger tables");
  try {
    Tagger t(std::move(m));
    if (clusters) t.clusters_ = std::move(clusters);
    return t;
  } catch (const Error& e) {
    in.fail(e.what());
  }
}

detail::ModelWriter Tagger::writer() const {
  detail::ModelWriter out(kComponent, kFormatVersion);
  out.strings(model_.upos);
  out.strings(model_.xpos);
  model_.tagger.save(out);
  out.pod<std::uint8_t>(model_.tagger2.num_classes() > 0);
  if (model_.tagger2.num_classes() > 0) model_.tagger2.save(out);
  out.vec(model_.dict_keys);
  out.vec(model_.dict_tags);
  out.vec(model_.amb_keys);
  out.vec(model_.amb_values);
  out.strings(model_.edits);
  model_.lemmatizer.save(out);
  out.vec(model_.lemma_keys);
  out.vec(model_.lemma_edits);
  out.strings(model_.feats);
  out.vec(model_.feats_keys);
  out.vec(model_.feats_ids);
  (clusters_ ? *clusters_ : detail::WordClusters()).save(out);
  return out;
}

std::string Tagger::to_bytes() const { return writer().bytes(); }
void Tagger::save(const std::string& path) const { writer().save(path); }

int Tagger::tag_class(std::string_view upos, std::string_view xpos) const {
  for (std::size_t i = 0; i < model_.upos.size(); ++i)
    if (model_.upos[i] == upos && model_.xpos[i] == xpos) return static_cast<int>(i);
  return -1;
}

std::vector<int> Tagger::predict(const Sentence& sentence) const {
  std::vector<detail::WordInfo> words;
  detail::describe_words(sentence, ambiguity_, words, clusters_.get());
  std::vector<int> tags = detail::greedy_tags(words, dict_, model_.tagger, nullptr);
  if (model_.tagger2.num_classes() > 0) tags = detail::greedy_tags(words, dict_, model_.tagger2, &tags);
  return tags;
}

void Tagger::tag_only(Sentence& sentence) const {
  auto tags = predict(sentence);
  for (std::size_t i = 0; i < tags.size(); ++i) {
    sentence.tokens[i].upos = model_.upos[tags[i]];
    sentence.tokens[i].xpos = model_.xpos[tags[i]];
  }
}

void Tagger::tag(Sentence& sentence) const {
  auto tags = predict(sentence);
  for (std::size_t i = 0; i < tags.size(); ++i) {
    Token& t = sentence.tokens[i];
    t.upos = model_.upos[tags[i]];
    t.xpos = model_.xpos[tags[i]];
    t.lemma = lemmatize(t.form, tags[i]);
    t.feats = feats_for(detail::ascii_lower(t.form), tags[i]);
  }
}

std::string Tagger::lemmatize(std::string_view form, int tag) const {
  if (tag < 0 || tag >= num_tags()) return std::string(form);
  if (auto it = lemma_table_.find(detail::form_tag_key(form, tag)); it != lemma_table_.end())
    return apply_lemma_edit(form, parsed_edits_[it->second]);
  std::string lower = detail::ascii_lower(form);
  if (lower != form)
    if (auto it = lemma_table_.find(detail::form_tag_key(lower, tag)); it != lemma_table_.end())
      return apply_lemma_edit(lower, parsed_edits_[it->second]);
  return guess_lemma(form, tag);
}

bool Tagger::seen_lemma(std::string_view form, int tag) const {
  return lemma_table_.count(detail::form_tag_key(form, tag)) ||
         lemma_table_.count(detail::form_tag_key(detail::ascii_lower(form), tag));
}

std::string Tagger::guess_lemma(std::string_view form, int tag) const {
  const int n = model_.lemmatizer.num_classes();
  if (n > 0) {
    std::vector<std::uint64_t> features;
    detail::lemma_features(form, tag, features);
    std::vector<float> scores(n);
    model_.lemmatizer.score(features, scores);
    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + std::min(n, 4), order.end(),
                      [&](int a, int b) { return scores[a] > scores[b] || (scores[a] == scores[b] && a < b); });
    for (int k = 0; k < std::min(n, 4); ++k) {
      const LemmaEdit& e = parsed_edits_[order[k]];
      // Scripts of irregular words ("went" -> "go") rewrite most of the word;
      // on an unseen word they are wrong, so keep a stem and inflection-sized changes.
      if (e.strip <= 4 && e.strip + 3u <= form.size() && e.append.size() <= 3) return apply_lemma_edit(form, e);
    }
  }
  return rule_lemma(form, model_.upos[tag], model_.xpos[tag]);
}

std::string Tagger::feats_for(std::string_view lower, int tag) const {
  auto it = feats_table_.find(detail::form_tag_key(lower, tag));
  if (it == feats_table_.end()) it = feats_table_.find(feats_class_key(tag));
  return it == feats_table_.end() ? std::string() : model_.feats[it->second];
}

std::uint64_t Tagger::feats_class_key(int tag) {
  return detail::hash_mix(kClassOnly, static_cast<std::uint64_t>(tag + 1));
}

}  // namespace relgraph
