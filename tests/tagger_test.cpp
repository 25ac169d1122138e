// Tests for src/tag: lemma edit scripts, the English rule table, a tiny model
// trained from inline CoNLL-U, model files (round trip, corruption), the
// pipeline stage and, when models/tagger.bin is present, a smoke test of it.
// EWT accuracy lives in tagger_accuracy_test.cpp (label "accuracy").
#include "tag/tagger.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "core/model_io.hpp"
#include "core/perceptron.hpp"
#include "relgraph/error.hpp"
#include "support/builders.hpp"
#include "tag/features.hpp"
#include "tag/lemma_rules.hpp"
#include "tag/tagger_trainer.hpp"
#include "text/conllu.hpp"

using namespace relgraph;

namespace {

// Hand-written sentences in EWT style (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC).
std::string conllu(const std::vector<std::vector<std::string>>& sentences) {
  std::string out;
  for (const auto& words : sentences) {
    int id = 0;
    for (const auto& w : words) {
      // "form lemma UPOS XPOS FEATS"
      std::string line = std::to_string(++id);
      std::size_t pos = 0;
      for (int k = 0; k < 5; ++k) {
        auto sp = w.find(' ', pos);
        line += '\t';
        line.append(w, pos, sp == std::string::npos ? std::string::npos : sp - pos);
        pos = sp == std::string::npos ? w.size() : sp + 1;
      }
      line += id == 1 ? "\t0\troot\t_\t_\n" : "\t1\tdep\t_\t_\n";
      out += line;
    }
    out += "\n";
  }
  return out;
}

const std::vector<std::vector<std::string>> kTrain = {
    {"The the DET DT Definite=Def|PronType=Art", "dogs dog NOUN NNS Number=Plur", "were be AUX VBD Mood=Ind",
     "running run VERB VBG VerbForm=Ger", ". . PUNCT . _"},
    {"A a DET DT Definite=Ind|PronType=Art", "cat cat NOUN NN Number=Sing", "sleeps sleep VERB VBZ Number=Sing",
     "here here ADV RB PronType=Dem", ". . PUNCT . _"},
    {"The the DET DT Definite=Def|PronType=Art", "cats cat NOUN NNS Number=Plur", "walked walk VERB VBD Mood=Ind",
     "home home ADV RB _", ". . PUNCT . _"},
    {"Dogs dog NOUN NNS Number=Plur", "were be AUX VBD Mood=Ind", "barking bark VERB VBG VerbForm=Ger",
     "loudly loudly ADV RB _", ". . PUNCT . _"},
    {"Mary Mary PROPN NNP Number=Sing", "walked walk VERB VBD Mood=Ind", "the the DET DT Definite=Def|PronType=Art",
     "dogs dog NOUN NNS Number=Plur", ". . PUNCT . _"},
};

Document train_doc() { return read_conllu(conllu(kTrain), "inline.conllu"); }

Tagger tiny_tagger(std::uint64_t seed = 7) {
  Document train = train_doc();
  TaggerTrainOptions opt;
  opt.iterations = 10;
  opt.seed = seed;
  opt.dict_min_count = 3;
  return train_tagger(train, &train, opt).tagger;
}

std::string dump_tags(const Sentence& s) {
  std::string out;
  for (const auto& t : s.tokens) out += (out.empty() ? "" : " ") + t.form + "/" + t.upos + "/" + t.xpos + "/" + t.lemma;
  return out;
}

std::string expect_model_error(const std::string& bytes, const std::string& name) {
  try {
    Tagger::from_bytes(bytes, name);
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Model) << e.what();
    EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "accepted a bad model: " << name;
  return "";
}

std::string models_file(const std::string& name) {
  std::string p = std::string(RELGRAPH_SOURCE_DIR) + "/models/" + name;
  return std::filesystem::exists(p) ? p : "";
}

}  // namespace

TEST(LemmaEdit, ShortestScriptAndApplication) {
  struct Case {
    std::string form, lemma, script;
  };
  const Case cases[] = {
      {"running", "run", "K|4|"},  {"The", "the", "L|0|"},  {"was", "be", "K|3|be"},
      {"ponies", "pony", "K|3|y"}, {"Dogs", "dog", "L|1|"}, {"Paris", "Paris", "K|0|"},
      {"n't", "not", "K|2|ot"},    {"US", "US", "K|0|"},    {"Went", "go", "K|4|go"},
  };
  for (const auto& c : cases) {
    LemmaEdit e = lemma_edit(c.form, c.lemma);
    EXPECT_EQ(to_string(e), c.script) << c.form;
    EXPECT_EQ(apply_lemma_edit(c.form, e), c.lemma) << c.form;
    EXPECT_EQ(parse_lemma_edit(c.script), e) << c.script;
  }
  EXPECT_EQ(apply_lemma_edit("ab", parse_lemma_edit("K|5|x")), "ab");  // does not fit: unchanged
  for (const char* bad : {"", "X|1|", "K|", "K|a|b", "K|300|", "K1|x"})
    EXPECT_THROW(parse_lemma_edit(bad), Error) << bad;
}

TEST(LemmaRules, UnseenWords) {
  struct Case {
    std::string form, upos, xpos, lemma;
  };
  const Case cases[] = {
      {"ponies", "NOUN", "NNS", "pony"},     {"boxes", "NOUN", "NNS", "box"},    {"glasses", "NOUN", "NNS", "glass"},
      {"churches", "NOUN", "NNS", "church"}, {"Dogs", "NOUN", "NNS", "dog"},     {"Smiths", "PROPN", "NNPS", "Smith"},
      {"walking", "VERB", "VBG", "walk"},    {"stopped", "VERB", "VBD", "stop"}, {"carried", "VERB", "VBN", "carry"},
      {"agreed", "VERB", "VBD", "agree"},    {"falling", "VERB", "VBG", "fall"}, {"taller", "ADJ", "JJR", "tall"},
      {"happiest", "ADJ", "JJS", "happy"},   {"flies", "VERB", "VBZ", "fly"},    {"The", "DET", "DT", "the"},
      {"Paris", "PROPN", "NNP", "Paris"},    {"is", "AUX", "VBZ", "is"},         {"bus", "NOUN", "NN", "bus"},
      {"status", "NOUN", "NNS", "status"},   {"3,000", "NUM", "CD", "3,000"},
  };
  for (const auto& c : cases) EXPECT_EQ(rule_lemma(c.form, c.upos, c.xpos), c.lemma) << c.form << "/" << c.xpos;
}

TEST(TinyModel, LearnsTrainingSentences) {
  Tagger tagger = tiny_tagger();
  Document doc = train_doc();
  for (auto& s : doc.sentences) {
    Sentence copy;
    for (const auto& t : s.tokens) {
      copy.tokens.emplace_back();
      copy.tokens.back().form = t.form;
    }
    tagger.tag(copy);
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      EXPECT_EQ(copy.tokens[i].upos, s.tokens[i].upos) << dump_tags(copy);
      EXPECT_EQ(copy.tokens[i].xpos, s.tokens[i].xpos) << dump_tags(copy);
      EXPECT_EQ(copy.tokens[i].lemma, s.tokens[i].lemma) << dump_tags(copy);
      EXPECT_EQ(copy.tokens[i].feats, s.tokens[i].feats == "_" ? "" : s.tokens[i].feats) << dump_tags(copy);
    }
  }
  auto scores = evaluate_tagger(tagger, train_doc());
  EXPECT_EQ(scores.words, 25u);
  EXPECT_DOUBLE_EQ(scores.upos, 100.0);
  EXPECT_DOUBLE_EQ(scores.lemma, 100.0);
}

TEST(TinyModel, UnseenWordsGetTagsAndLemmas) {
  Tagger tagger = tiny_tagger();
  Document doc = relgraph::testing::make_document({"The", "birds", "were", "singing", "."});
  tagger.tag(doc.sentences[0]);
  const auto& t = doc.sentences[0].tokens;
  for (const auto& w : t) {
    EXPECT_FALSE(w.upos.empty()) << w.form;
    EXPECT_FALSE(w.lemma.empty()) << w.form;
  }
  EXPECT_EQ(t[0].lemma, "the");
  EXPECT_EQ(t[2].lemma, "be");
  EXPECT_FALSE(tagger.seen_lemma("birds", tagger.tag_class(t[1].upos, t[1].xpos)));
  // Irregular scripts ("were" -> "be") never rewrite an unseen word: at most an ending changes.
  for (int tag = 0; tag < tagger.num_tags(); ++tag)
    for (std::string word : {"zorblaxing", "Quuxes", "wugs"}) {
      std::string lemma = tagger.lemmatize(word, tag);
      ASSERT_GE(lemma.size(), 3u) << word << " -> " << lemma;
      EXPECT_EQ(relgraph::detail::ascii_lower(lemma.substr(0, word.size() - 4)),
                relgraph::detail::ascii_lower(word.substr(0, word.size() - 4)))
          << word << " -> " << lemma;
    }
}

TEST(TinyModel, TrainingIsDeterministicGivenTheSeed) {
  EXPECT_EQ(tiny_tagger(3).to_bytes(), tiny_tagger(3).to_bytes());
}

TEST(TinyModel, EmptyTrainingDataIsAnError) {
  Document empty;
  empty.id = "empty.conllu";
  try {
    train_tagger(empty, nullptr, {});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::InvalidArgument);
    EXPECT_NE(std::string(e.what()).find("empty.conllu"), std::string::npos);
  }
}

TEST(ModelFile, SaveLoadRoundTrip) {
  Tagger tagger = tiny_tagger();
  auto dir = std::filesystem::temp_directory_path() / ("rg_tagger_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string path = (dir / "tagger.bin").string();
  tagger.save(path);
  Tagger loaded = Tagger::load(path);
  EXPECT_EQ(loaded.to_bytes(), tagger.to_bytes());
  Document a = relgraph::testing::make_document({"Mary", "walked", "the", "cats", "home", "."});
  Document b = a;
  tagger.tag(a.sentences[0]);
  loaded.tag(b.sentences[0]);
  EXPECT_EQ(dump_tags(a.sentences[0]), dump_tags(b.sentences[0]));
  std::filesystem::remove_all(dir);
}

// A tagger trained with word classes stores them: the loaded copy tags the
// same, and an unseen word tags by its class.
TEST(ModelFile, WordClassesTravelWithTheModel) {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> packed;
  for (const auto& s : train_doc().sentences)
    for (const auto& t : s.tokens) {
      keys.push_back(detail::hash_str(detail::ascii_lower(t.form)));
      packed.push_back(t.upos == "NOUN" ? 1u | 1u << 8 | 1u << 16 : 2u | 2u << 8 | 2u << 16);
    }
  detail::WordClusters clusters(keys, packed);
  TaggerTrainOptions opt;
  opt.iterations = 10;
  opt.seed = 7;
  opt.dict_min_count = 3;
  opt.clusters = &clusters;
  Document train = train_doc();
  Tagger tagger = train_tagger(train, &train, opt).tagger;
  EXPECT_EQ(tagger.model().cluster_keys.size(), keys.size());
  Tagger loaded = Tagger::from_bytes(tagger.to_bytes(), "mem");
  EXPECT_EQ(loaded.to_bytes(), tagger.to_bytes());
  Document a = relgraph::testing::make_document({"Mary", "walked", "the", "cats", "home", "."});
  Document b = a;
  tagger.tag(a.sentences[0]);
  loaded.tag(b.sentences[0]);
  EXPECT_EQ(dump_tags(a.sentences[0]), dump_tags(b.sentences[0]));
  EXPECT_NE(tiny_tagger().to_bytes(), tagger.to_bytes());
}

// Format 1 (before the second pass) is still read.
TEST(ModelFile, ReadsFormatVersion1) {
  Tagger::Model m = tiny_tagger().model();
  detail::ModelWriter out("tagger", 1);
  out.strings(m.upos);
  out.strings(m.xpos);
  m.tagger.save(out);
  out.vec(m.dict_keys);
  out.vec(m.dict_tags);
  out.vec(m.amb_keys);
  out.vec(m.amb_values);
  out.strings(m.edits);
  m.lemmatizer.save(out);
  out.vec(m.lemma_keys);
  out.vec(m.lemma_edits);
  out.strings(m.feats);
  out.vec(m.feats_keys);
  out.vec(m.feats_ids);
  Tagger old = Tagger::from_bytes(out.bytes(), "v1.bin");
  EXPECT_EQ(old.model().tagger2.num_classes(), 0);
  Document doc = relgraph::testing::make_document({"The", "cats", "were", "running", "."});
  old.tag(doc.sentences[0]);
  EXPECT_EQ(dump_tags(doc.sentences[0]),
            "The/DET/DT/the cats/NOUN/NNS/cat were/AUX/VBD/be running/VERB/VBG/run ./PUNCT/./.");
}

TEST(ModelFile, CorruptFilesGiveClearErrors) {
  std::string good = tiny_tagger().to_bytes();
  EXPECT_NO_THROW(Tagger::from_bytes(good, "good.bin"));
  EXPECT_NE(expect_model_error(good.substr(0, good.size() / 2), "half.bin").find("truncated"), std::string::npos);
  EXPECT_NE(expect_model_error(good + "xx", "long.bin").find("trailing"), std::string::npos);
  EXPECT_NE(expect_model_error("hello world, not a model", "text.bin").find("not a relgraph model"), std::string::npos);
  EXPECT_NE(expect_model_error("", "empty.bin").find("not a relgraph model"), std::string::npos);
  detail::ModelWriter newer("tagger", Tagger::kFormatVersion + 1);
  EXPECT_NE(expect_model_error(newer.bytes(), "newer.bin").find("newer"), std::string::npos);
  detail::ModelWriter parser("parser", 1);
  EXPECT_NE(expect_model_error(parser.bytes(), "parser.bin").find("'parser' model"), std::string::npos);
  // A tag class index beyond the label set: every table is checked on load.
  std::string bad = good;
  std::size_t flipped = 0;
  for (std::size_t cut : {good.size() - 3, good.size() / 3}) {
    bad = good;
    bad[cut] = static_cast<char>(bad[cut] ^ 0x7f);
    try {
      Tagger::from_bytes(bad, "flipped.bin");
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Model);
      ++flipped;
    }
  }
  (void)flipped;  // a flipped weight byte may still be a valid model; it must just not crash
  try {
    Tagger::load("/nonexistent/dir/tagger.bin");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Model);
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/tagger.bin"), std::string::npos);
  }
}

TEST(Stage, DeclaresLayersAndTagsDocuments) {
  auto dir = std::filesystem::temp_directory_path() / ("rg_tagger_stage_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  tiny_tagger().save((dir / "tagger.bin").string());
  auto stage = make_tagger_stage({.models_dir = dir.string()});
  EXPECT_EQ(stage->name(), "tagger");
  EXPECT_EQ(stage->needs(), std::vector<Layer>{Layer::Tokens});
  EXPECT_EQ(stage->adds(), (std::vector<Layer>{Layer::Tags, Layer::Lemmas}));
  Document doc = relgraph::testing::make_document({"The", "cats", "were", "running", "."});
  stage->process(doc);
  EXPECT_EQ(dump_tags(doc.sentences[0]),
            "The/DET/DT/the cats/NOUN/NNS/cat were/AUX/VBD/be running/VERB/VBG/run ./PUNCT/./.");
  std::filesystem::remove_all(dir);
  EXPECT_THROW(make_tagger_stage({.models_dir = dir.string()}), Error);
}

TEST(Tagger, ConstTaggingIsThreadSafe) {
  const Tagger tagger = tiny_tagger();
  Document ref = relgraph::testing::make_document({"Dogs", "walked", "the", "cats", "loudly", "."});
  tagger.tag(ref.sentences[0]);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      for (int n = 0; n < 200; ++n) {
        Document d = relgraph::testing::make_document({"Dogs", "walked", "the", "cats", "loudly", "."});
        tagger.tag(d.sentences[0]);
        ok[k] += dump_tags(d.sentences[0]) == dump_tags(ref.sentences[0]);
      }
    });
  for (auto& t : threads) t.join();
  for (int k = 0; k < 4; ++k) EXPECT_EQ(ok[k], 200);
}

// The committed model on a short hand-written sentence (fast; skips without the model).
TEST(CommittedModel, TagsAndLemmatizesPlainEnglish) {
  std::string path = models_file("tagger.bin");
  if (path.empty()) GTEST_SKIP() << "models/tagger.bin not present";
  Tagger tagger = Tagger::load(path);
  struct Case {
    std::vector<std::string> words;
    std::string expected;
  };
  const Case cases[] = {
      {{"The", "children", "were", "playing", "in", "the", "gardens", "."},
       "The/DET/DT/the children/NOUN/NNS/child were/AUX/VBD/be playing/VERB/VBG/play in/ADP/IN/in "
       "the/DET/DT/the gardens/NOUN/NNS/garden ./."},
      {{"She", "did", "n't", "know", "them", "."},
       "She/PRON/PRP/she did/AUX/VBD/do n't/PART/RB/not know/VERB/VB/know them/PRON/PRP/they ./."},
  };
  for (const auto& c : cases) {
    Document doc = relgraph::testing::make_document(c.words);
    tagger.tag(doc.sentences[0]);
    std::string got;
    for (const auto& t : doc.sentences[0].tokens)
      got += (got.empty() ? "" : " ") + t.form + "/" + (t.upos == "PUNCT" ? "" : t.upos + "/" + t.xpos + "/") + t.lemma;
    EXPECT_EQ(got, c.expected);
  }
}
