// Tests for src/core: checked input, atomic output, model files, perceptron.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/files.hpp"
#include "core/mention_index.hpp"
#include "core/model_io.hpp"
#include "core/perceptron.hpp"
#include "core/perceptron_trainer.hpp"
#include "core/resources.hpp"
#include "core/strings.hpp"
#include "core/word_clusters.hpp"
#include "relgraph/error.hpp"

using namespace relgraph;
using namespace relgraph::detail;

TEST(Strings, LowerAndWordsAreAscii) {
  struct Case {
    std::string in, lower;
    std::vector<std::string> words;
  };
  const std::vector<Case> cases = {
      {"", "", {}},
      {"U.S. Army", "u.s. army", {"U.S.", "Army"}},
      {"  a\tb\r\nc\f\vd  ", "  a\tb\r\nc\f\vd  ", {"a", "b", "c", "d"}},
      {"\xC3\x89"
       "cole Normale",
       "\xC3\x89"
       "cole normale",
       {"\xC3\x89"
        "cole",
        "Normale"}},  // UTF-8 bytes kept
      {"non\xC2\xA0"
       "breaking",
       "non\xC2\xA0"
       "breaking",
       {"non\xC2\xA0"
        "breaking"}},  // NBSP is not ASCII space
  };
  for (const auto& c : cases) {
    EXPECT_EQ(detail::ascii_lower(c.in), c.lower) << c.in;
    EXPECT_EQ(detail::split_words(c.in), c.words) << c.in;
  }
}

TEST(Utf8, FindsInvalidBytes) {
  struct Case {
    std::string text;
    std::size_t bad;
  };
  const Case cases[] = {
      {"plain ascii", std::string::npos},
      {"El-Fratti \xE2\x80\x99s caf\xC3\xA9", std::string::npos},
      {"bad \xFF byte", 4},
      {"truncated \xE2\x80", 10},
      {"overlong \xC0\xAF", 9},
      {"surrogate \xED\xA0\x80", 10},
  };
  for (const auto& c : cases) EXPECT_EQ(find_invalid_utf8(c.text), c.bad) << c.text;
}

TEST(CheckText, RejectsEmptyBinaryAndInvalid) {
  const std::pair<std::string, std::string> cases[] = {
      {"", "empty"}, {" \n\t", "empty"}, {std::string("a\0b", 3), "binary"}, {"a\xFF", "UTF-8"}};
  for (const auto& [text, word] : cases) {
    try {
      check_text(text, "in.txt");
      FAIL() << "accepted " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::InvalidInput);
      EXPECT_NE(std::string(e.what()).find("in.txt"), std::string::npos);
      EXPECT_NE(std::string(e.what()).find(word), std::string::npos) << e.what();
    }
  }
  EXPECT_NO_THROW(check_text("Hello.", "x"));
}

TEST(EscapeControl, KeepsTextAndEscapesTerminalBytes) {
  const std::pair<std::string, std::string> cases[] = {
      {"plain 'name.txt'", "plain 'name.txt'"},
      {"caf\xC3\xA9 \xE2\x80\x99", "caf\xC3\xA9 \xE2\x80\x99"},
      {"\x1B[2J", "\\x1B[2J"},
      {"a\nb\tc\rd", "a\\nb\\tc\\rd"},
      {std::string("nul\0", 4), "nul\\x00"},
      {"del\x7F", "del\\x7F"},
      {"bad \xFF \xE2\x80", "bad \\xFF \\xE2\\x80"},
  };
  for (const auto& [in, out] : cases) EXPECT_EQ(escape_control(in), out) << in;
}

TEST(JsonNesting, RefusesDeepInputNamingTheLimit) {
  std::string ok = std::string(kMaxNesting, '[') + std::string(kMaxNesting, ']');
  EXPECT_NO_THROW(check_json_nesting(ok, "'a.json'"));
  EXPECT_NO_THROW(check_json_nesting("{\"k\": \"" + std::string(1000, '[') + "\\\"\"}", "'a.json'"));  // in a string
  std::string deep = "{\n\"x\": " + std::string(kMaxNesting + 1, '[');
  try {
    check_json_nesting(deep, "'a.json'");
    FAIL() << "accepted " << kMaxNesting + 1 << " levels";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(std::string(e.what()).find("'a.json' line 2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("256"), std::string::npos) << e.what();
  }
  EXPECT_THROW(check_json_nesting(std::string(1000000, '['), "x"), Error);
}

TEST(JsonZeros, ZerosRapidJsonMisreadsBecomePlainZerosOfTheSameLength) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"0E0111", "0.0   "},
      {"[-0.00e-300, 1]", "[-0.0      , 1]"},
      {"{\"c\": 0e+23}", "{\"c\": 0.0  }"},
      {"[0e5,0E7]", "[0.0,0.0]"},
      {"0.000000000000000000000000000000 ", "0.0                              "},
      {"[0.00]", "[0.0 ]"},
      // only the number the grammar reads is rewritten; what follows stays for the parser to refuse
      {"-0E0102.01", "-         "},
      {"[0e5.0]", "[-    ]"},
      {"[0E1E-201, 1]", "[-       , 1]"},
      {"[0.00x]", "[0.0 x]"},
      // more significant digits than a double holds: the double's shortest form
      {"0.000184467440737095516158", "0.0001844674407370955     "},
      {"[184467440737095516158]", "[1.844674407370955e+20]"},
      {"[-1.23456789012345678901e-5]", "[-1.2345678901234568e-05   ]"},
      // left alone: not zero, one decimal, no exponent, inside a string, not JSON's grammar
      {"[1e111, 0.5e300, 10e50, 0, 0.0, -0, 0.0000001]", "[1e111, 0.5e300, 10e50, 0, 0.0, -0, 0.0000001]"},
      {"{\"0e111\": \"\\\" 0e111\"}", "{\"0e111\": \"\\\" 0e111\"}"},
      {"[00e5, 0.e5, 0e, 0e+, .0e5, 0.001e5]", "[00e5, 0.e5, 0e, 0e+, .0e5, 0.001e5]"},
  };
  for (const auto& c : cases) {
    std::string scratch;
    EXPECT_EQ(plain_json_zeros(c.in, scratch), c.out) << c.in;
  }
  std::string scratch;
  std::string unchanged = "[1, 2e3]";
  EXPECT_EQ(plain_json_zeros(unchanged, scratch).data(), unchanged.data());  // no copy
}

TEST(StagedFiles, AllOrNothing) {
  auto dir = std::filesystem::temp_directory_path() / ("rg_staged_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  write_atomic((dir / "a.txt").string(), std::string_view("old a"));
  {
    StagedFiles staged(dir.string());
    write_atomic(staged.path("a.txt"), std::string_view("new a"));
    write_atomic(staged.path("b.txt"), std::string_view("new b"));
    // dies uncommitted: nothing changes
  }
  EXPECT_EQ(read_file((dir / "a.txt").string()), "old a");
  EXPECT_FALSE(std::filesystem::exists(dir / "b.txt"));
  {
    StagedFiles staged(dir.string());
    write_atomic(staged.path("a.txt"), std::string_view("new a"));
    write_atomic(staged.path("b.txt"), std::string_view("new b"));
    staged.commit();
  }
  EXPECT_EQ(read_file((dir / "a.txt").string()), "new a");
  EXPECT_EQ(read_file((dir / "b.txt").string()), "new b");
  std::size_t entries = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) (void)e, ++entries;
  EXPECT_EQ(entries, 2u);
  std::filesystem::remove_all(dir);
}

TEST(WriteAtomic, LeavesNoPartialFileOnFailure) {
  auto dir = std::filesystem::temp_directory_path() / "rg_atomic_test";
  std::filesystem::create_directories(dir);
  auto target = (dir / "out.txt").string();
  write_atomic(target, std::string_view("first"));
  EXPECT_THROW(write_atomic(target,
                            [](std::ostream& o) {
                              o << "partial";
                              throw Error(ErrorKind::Internal, "boom");
                            }),
               Error);
  EXPECT_EQ(read_file(target), "first");
  std::size_t files = 0;
  for (auto& e : std::filesystem::directory_iterator(dir)) (void)e, ++files;
  EXPECT_EQ(files, 1u);
  EXPECT_THROW(write_atomic((dir / "no/such/dir/x").string(), std::string_view("x")), Error);
  std::filesystem::remove_all(dir);
}

TEST(WordClusters, ReadsTheTableAndFindsWordsInAnyCase) {
  auto path =
      (std::filesystem::temp_directory_path() / ("rg_clusters_" + std::to_string(::getpid()) + ".tsv")).string();
  std::ofstream(path) << "# comment\n# word\tc64\tc256\tc1024\nparis\t3\t17\t54\nrome\t3\t17\t54\nran\t0\t0\t1023\n";
  auto c = detail::WordClusters::read_tsv(path);
  EXPECT_EQ(c.size(), 3u);
  struct Row {
    const char* word;
    std::uint32_t coarse, middle, fine;
  };
  for (const Row& r :
       {Row{"paris", 3, 17, 54}, Row{"Paris", 3, 17, 54}, Row{"ROME", 3, 17, 54}, Row{"ran", 0, 0, 1023}}) {
    auto p = c.find(r.word);
    EXPECT_EQ(detail::WordClusters::coarse(p), r.coarse) << r.word;
    EXPECT_EQ(detail::WordClusters::middle(p), r.middle) << r.word;
    EXPECT_EQ(detail::WordClusters::fine(p), r.fine) << r.word;
  }
  EXPECT_EQ(c.find("london"), detail::WordClusters::kNone);
  EXPECT_EQ(detail::WordClusters().find("paris"), detail::WordClusters::kNone);
  // The table round-trips through the keys and packed values models store.
  detail::WordClusters copy(c.keys(), c.packed());
  EXPECT_EQ(copy.find("Rome"), c.find("rome"));
  // Models carrying equal tables share one; another table is another.
  auto a = detail::WordClusters::shared(c.keys(), c.packed());
  auto b = detail::WordClusters::shared(std::vector<std::uint64_t>(c.keys()), c.packed());
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(a->find("Paris"), c.find("paris"));
  auto other = detail::WordClusters::shared({c.keys()[0]}, {c.packed()[0]});
  EXPECT_NE(other.get(), a.get());
  EXPECT_EQ(other->find("rome"), detail::WordClusters::kNone);
  // Bad lines are errors naming the file and line.
  std::ofstream(path) << "paris\t3\t17\n";
  try {
    detail::WordClusters::read_tsv(path);
    FAIL() << "accepted a short line";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":1"), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
  EXPECT_THROW(detail::WordClusters::read_tsv(path), Error);
}

TEST(ModelIo, RoundTripAndCorruption) {
  ModelWriter w("thing", 2);
  w.pod<int>(42);
  w.str("hello");
  w.strings({"a", "b"});
  w.vec(std::vector<float>{1.5f, 2.5f});
  auto bytes = w.bytes();
  auto r = ModelReader::from_bytes(bytes, "m.bin", "thing", 2);
  EXPECT_EQ(r.pod<int>(), 42);
  EXPECT_EQ(r.str(), "hello");
  EXPECT_EQ(r.strings(), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(r.vec<float>(), (std::vector<float>{1.5f, 2.5f}));
  EXPECT_NO_THROW(r.finish());

  auto expect_model_error = [](const std::function<void()>& f, const std::string& word) {
    try {
      f();
      FAIL() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Model);
      EXPECT_NE(std::string(e.what()).find(word), std::string::npos) << e.what();
    }
  };
  expect_model_error([&] { ModelReader::from_bytes("not a model at all", "m.bin", "thing", 2); }, "bad magic");
  expect_model_error([&] { ModelReader::from_bytes(bytes, "m.bin", "thing", 1); }, "newer than this build");
  expect_model_error([&] { ModelReader::from_bytes(bytes, "m.bin", "other", 2); }, "not a 'other' model");
  expect_model_error(
      [&] {
        auto t = ModelReader::from_bytes(bytes.substr(0, bytes.size() - 3), "m.bin", "thing", 2);
        t.pod<int>();
        t.str();
        t.strings();
        t.vec<float>();
      },
      "truncated");
  expect_model_error([&] { ModelReader("/no/such/model.bin", "thing", 2); }, "/no/such/model.bin");
}

TEST(Perceptron, LearnsSeparableDataAndRoundTrips) {
  // Two classes: feature 1 -> class 0, feature 2 -> class 1.
  PerceptronTrainer tr(2);
  for (int it = 0; it < 5; ++it)
    for (int k = 0; k < 2; ++k) {
      std::uint64_t f[] = {feature(0, k + 1), feature(1, 7)};
      float s[2] = {0, 0};
      tr.score(f, s);
      int guess = s[1] > s[0] ? 1 : 0;
      tr.update(f, k, guess);
      tr.tick();
    }
  auto p = tr.average();
  for (int k = 0; k < 2; ++k) {
    std::uint64_t f[] = {feature(0, k + 1), feature(1, 7)};
    float s[2] = {0, 0};
    p.score(f, s);
    EXPECT_EQ(s[1] > s[0] ? 1 : 0, k);
  }
  ModelWriter w("p", 1);
  p.save(w);
  auto r = ModelReader::from_bytes(w.bytes(), "p.bin", "p", 1);
  auto q = Perceptron::load(r);
  r.finish();
  std::uint64_t f[] = {feature(0, 2)};
  float a[2] = {0, 0}, b[2] = {0, 0};
  p.score(f, a);
  q.score(f, b);
  EXPECT_EQ(a[0], b[0]);
  EXPECT_EQ(a[1], b[1]);
}

TEST(Perceptron, ReadsTheOlderLayoutAndRejectsACorruptImage) {
  // Older layout, written by hand: 2 classes, keys {f1, f2}, one entry each.
  const std::uint64_t f1 = feature(0, 1), f2 = feature(0, 2);
  ModelWriter old("p", 1);
  old.pod<std::int32_t>(2);
  old.vec(std::vector<std::uint64_t>{f1, f2});
  old.vec(std::vector<std::uint32_t>{0, 1, 2});
  old.vec(std::vector<Perceptron::Entry>{{0, 1.5f}, {1, -2.0f}});
  auto r = ModelReader::from_bytes(old.bytes(), "old.bin", "p", 1);
  const Perceptron p = Perceptron::load(r);
  r.finish();
  std::uint64_t f[] = {f1, f2, feature(0, 3)};
  float s[2] = {0, 0};
  p.score(f, s);
  EXPECT_EQ(s[0], 1.5f);
  EXPECT_EQ(s[1], -2.0f);

  // Its image: the last entry's class is the file's second-to-last 8 bytes' first two.
  ModelWriter image("p", 1);
  p.save(image);
  std::string bytes = image.bytes();
  ASSERT_EQ(bytes.size() % 8, 0u);
  const std::string good = bytes;
  bytes[bytes.size() - 8] = 9;  // class 9 of 2
  EXPECT_THROW(
      {
        auto bad = ModelReader::from_bytes(bytes, "bad.bin", "p", 1);
        Perceptron::load(bad);
      },
      Error);
  // Slots are checked by the lookups that read them, not at load.
  auto scores_of = [](const Perceptron& q, std::uint64_t key) {
    float t[2] = {0, 0};
    std::uint64_t one[] = {key};
    q.score(std::span<const std::uint64_t>(one), t);
    return q.find(key).end;
  };
  // A slot whose range ends past the entries: f2's slot holds its key, then begin and end.
  bytes = good;
  const auto at = bytes.find(std::string(reinterpret_cast<const char*>(&f2), 8));
  ASSERT_NE(at, std::string::npos);
  bytes[at + 12] = 3;  // end 3 of 2 entries
  {
    auto bad = ModelReader::from_bytes(bytes, "bad.bin", "p", 1);
    const Perceptron q = Perceptron::load(bad);
    EXPECT_NO_THROW(scores_of(q, f1)) << "f1's slot is intact";
    EXPECT_THROW(q.find(f2), Error);
    try {
      scores_of(q, f2);
      ADD_FAILURE() << "no error for a range past the entries";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("bad.bin"), std::string::npos) << e.what();
    }
  }
  // A table without an empty slot: a lookup of an absent feature ends after every slot.
  {
    ModelWriter full("p", 1);
    full.pod<std::int32_t>(-1);  // the image layout
    full.pod<std::int32_t>(2);
    full.pod<std::uint64_t>(1);
    const std::vector<Perceptron::Slot> slots = {{f1, 0, 1}, {f2, 1, 2}};
    full.aligned_vec(std::span<const Perceptron::Slot>(slots));
    const std::vector<Perceptron::Entry> entries = {{0, 1.5f}, {1, -2.0f}};
    full.aligned_vec(std::span<const Perceptron::Entry>(entries));
    auto r2 = ModelReader::from_bytes(full.bytes(), "full.bin", "p", 1);
    const Perceptron q = Perceptron::load(r2);
    EXPECT_NO_THROW(scores_of(q, feature(0, 3)));
  }
  auto fine = ModelReader::from_bytes(good, "good.bin", "p", 1);
  EXPECT_NO_THROW(Perceptron::load(fine));
}

TEST(Resources, ReadsListsAndTablesWithHeaders) {
  const std::string text = "# Legal forms of company names.\n# Source: written for relgraph.\n\nInc\tUS\nAG\tDE\n";
  Lexicon lex("legal_forms", "legal_forms.tsv", text);
  EXPECT_EQ(lex.size(), 2u);
  EXPECT_EQ(lex.columns(), 2u);
  EXPECT_TRUE(lex.contains("AG"));
  EXPECT_FALSE(lex.contains("ag"));
  EXPECT_EQ(lex.value("Inc"), "US");
  EXPECT_EQ(lex.value("GmbH", "none"), "none");
  EXPECT_EQ(lex.keys(), (std::vector<std::string>{"Inc", "AG"}));
}

TEST(Resources, MalformedRowNamesFileAndLine) {
  try {
    Lexicon("x", "schemas/lexicon/x.tsv", "# header\na\tb\nc\n");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::Format);
    EXPECT_NE(std::string(e.what()).find("schemas/lexicon/x.tsv' line 3"), std::string::npos) << e.what();
  }
}

TEST(Resources, LoadsADirectoryAndNamesAMissingList) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("relgraph_res_" + std::to_string(::getpid()));
  fs::create_directories(dir / "lexicon");
  std::ofstream(dir / "lexicon" / "colours.tsv") << "# colours\nred\ngreen\n";
  auto res = Resources::load(dir.string());
  EXPECT_TRUE(res->lexicon("colours").contains("green"));
  EXPECT_FALSE(res->has_lexicon("shapes"));
  EXPECT_THROW(res->lexicon("shapes"), Error);
  std::ofstream(dir / "lexicon" / "bad.tsv") << "a\tb\nc\n";
  EXPECT_THROW(Resources::load(dir.string()), Error);
  fs::remove_all(dir);
  EXPECT_THROW(Resources::load(dir.string()), Error);
}

TEST(ParseInt, WholeNumbersThatFitOnly) {
  struct Case {
    std::string_view text;
    std::optional<int> want;
  };
  const Case cases[] = {
      {"0", 0},
      {"42", 42},
      {"007", 7},
      {"-12", -12},
      {"2147483647", 2147483647},
      {"2147483648", std::nullopt},  // one past INT_MAX
      {"123456789012345", std::nullopt},
      {"99999999999999999999999999999999", std::nullopt},
      {"", std::nullopt},
      {"-", std::nullopt},
      {"+1", std::nullopt},
      {" 1", std::nullopt},
      {"1 ", std::nullopt},
      {"12th", std::nullopt},
      {"1.5", std::nullopt},
      {"0x10", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(parse_int(c.text), c.want) << c.text;
  EXPECT_EQ(parse_int<long long>("123456789012345"), 123456789012345LL);
  EXPECT_EQ(parse_int<unsigned>("-1"), std::nullopt);
}

namespace {

// A schemas/gazetteer folder with one small row per table; `countries`
// replaces the countries table's rows.
std::filesystem::path write_gazetteer(const std::string& name, const std::string& countries) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("relgraph_gaz_" + name + "_" + std::to_string(::getpid()));
  fs::create_directories(dir / "gazetteer");
  fs::create_directories(dir / "lexicon");
  const std::pair<const char*, const char*> tables[] = {
      {"countries", countries.c_str()},
      {"demonyms", "Norlandic\tNorland\n"},
      {"abbreviations", "NTO\tNorth Treaty Office\tORG\tInternationalOrganization\n"},
      {"regions", "Far North\tRegion\n"},
      {"places", "Port Vell\tCity\tNorland\n"},
      {"org_cues", "Ministry\tGovernmentBody\n"},
      {"currencies", "crowns\tNLC\n"},
      {"person_titles", "Minister\n"},
      {"names", "Ada\tperson\tany\n"},
  };
  for (const auto& [table, rows] : tables)
    std::ofstream(dir / "gazetteer" / (std::string(table) + ".tsv")) << "# " << table << " for a test\n" << rows;
  return dir;
}

}  // namespace

TEST(Resources, GazetteerTablesAreTyped) {
  auto dir =
      write_gazetteer("typed",
                      "Norland\tNL\tNLD\tEurope\tNorthern Europe\tPort Vell|Eastham\tNorland|Kingdom of Norland\n"
                      "Southisle\tSI\tSIL\tOceania\t\t\t\n");
  auto res = Resources::load(dir.string());
  const auto& g = res->gazetteer();
  ASSERT_EQ(g.countries.size(), 2u);
  EXPECT_EQ(g.countries[0].canonical, "Norland");
  EXPECT_EQ(g.countries[0].alpha2, "NL");
  EXPECT_EQ(g.countries[0].capitals, (std::vector<std::string>{"Port Vell", "Eastham"}));
  EXPECT_EQ(g.countries[0].names, (std::vector<std::string>{"Norland", "Kingdom of Norland"}));
  EXPECT_TRUE(g.countries[1].capitals.empty());
  EXPECT_TRUE(g.countries[1].names.empty());
  EXPECT_EQ(g.demonyms.value("Norlandic"), "Norland");
  EXPECT_TRUE(g.person_titles.contains("Minister"));
  std::filesystem::remove_all(dir);
}

TEST(Resources, BadGazetteerTableNamesFileAndLine) {
  struct Case {
    const char* name;
    std::string countries;
    const char* where;  // expected in the message
  };
  const Case cases[] = {
      {"short", "Norland\tNL\tNLD\tEurope\tNorthern Europe\tPort Vell\n", "countries.tsv' line 2"},
      {"ragged", "Norland\tNL\tNLD\tEurope\t\t\tNorland\nSouthisle\tSI\n", "countries.tsv' line 3"},
      {"codes", "Norland\tNLD\tNL\tEurope\t\t\tNorland\n", "countries.tsv' line 2"},
  };
  for (const auto& c : cases) {
    auto dir = write_gazetteer(c.name, c.countries);
    try {
      Resources::load(dir.string());
      ADD_FAILURE() << c.name << ": no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::Format) << c.name;
      EXPECT_NE(std::string(e.what()).find(c.where), std::string::npos) << c.name << ": " << e.what();
    }
    std::filesystem::remove_all(dir);
  }
}

TEST(Resources, MissingGazetteerTableIsNamed) {
  auto dir = write_gazetteer("missing", "Norland\tNL\tNLD\tEurope\t\t\tNorland\n");
  std::filesystem::remove(dir / "gazetteer" / "places.tsv");
  try {
    Resources::load(dir.string());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::NotFound);
    EXPECT_NE(std::string(e.what()).find("places.tsv"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir / "gazetteer");
  auto without = Resources::load(dir.string());  // no gazetteer folder: only asking for it fails
  EXPECT_THROW(without->gazetteer(), Error);
  std::filesystem::remove_all(dir);
}

TEST(Strings, SqueezeSpacesJoinsWhitespaceRuns) {
  EXPECT_EQ(relgraph::detail::squeeze_spaces("Mara \n Quill"), "Mara Quill");
  EXPECT_EQ(relgraph::detail::squeeze_spaces("  the\tnew\r\nlaw  "), "the new law");
  EXPECT_EQ(relgraph::detail::squeeze_spaces("Tidewater Labs"), "Tidewater Labs");
  EXPECT_EQ(relgraph::detail::squeeze_spaces(""), "");
}

// Mentions by sentence, in increasing order, whatever order the document
// lists them in; mentions outside the sentences are left out.
TEST(MentionIndex, ListsEachSentencesMentionsInOrder) {
  Document doc;
  doc.sentences.resize(3);
  for (int sentence : {1, 0, 1, -1, 7, 2, 1}) {
    EntityMention m;
    m.span.sentence = sentence;
    doc.mentions.push_back(m);
  }
  detail::MentionIndex index(doc);
  auto list = [&](int s) {
    auto span = index.of(s);
    return std::vector<int>(span.begin(), span.end());
  };
  EXPECT_EQ(list(0), (std::vector<int>{1}));
  EXPECT_EQ(list(1), (std::vector<int>{0, 2, 6}));
  EXPECT_EQ(list(2), (std::vector<int>{5}));
  EXPECT_TRUE(list(3).empty());
  EXPECT_TRUE(list(-1).empty());
  index.add(7, 0);
  index.add(8, 9);
  EXPECT_EQ(list(0), (std::vector<int>{1, 7}));
}

// Every committed model's record (models/<component>.meta.json) names the
// format version its file carries, so the record describes the file on disk.
TEST(CommittedModels, RecordNamesTheFileFormat) {
  const std::filesystem::path models = std::filesystem::path(RELGRAPH_SOURCE_DIR) / "models";
  int checked = 0;
  for (const char* component : {"splitter", "tagger", "parser", "ner", "relations"}) {
    const std::filesystem::path bin = models / (std::string(component) + ".bin");
    const std::filesystem::path meta = models / (std::string(component) + ".meta.json");
    if (!std::filesystem::exists(bin) || !std::filesystem::exists(meta)) continue;
    const std::uint32_t version = ModelReader(bin.string(), component, ~std::uint32_t{0}).version();
    const std::string json = read_text(meta.string());
    EXPECT_NE(json.find("\"format_version\": " + std::to_string(version) + ","), std::string::npos)
        << meta << " does not name format " << version;
    ++checked;
  }
  if (checked == 0) GTEST_SKIP() << "no committed models";
}
