// Output safety of the relgraph binary: `-o` never replaces an input, devices
// and FIFOs are written in place, write errors and signals lose nothing,
// modes follow the umask, `-o DIR/` is all or nothing, and exit statuses mean
// 1 = bad input or failed write, 2 = usage error, 3 = a bug.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/builders.hpp"

namespace fs = std::filesystem;
using relgraph::testing::run_command;

namespace {

const char* kArticle = "Mara Quill founded Tidewater Labs in Oslo. Tidewater Labs hired Idris Vale in 2019.\n";
const char* kTriples =
    "subject\tpredicate\tobject\n"
    "Mara Quill\tfounded\tTidewater Labs\n";
const char* kRecord = "{\"id\": \"r1\", \"text\": \"Mara Quill founded Tidewater Labs in Oslo.\"}\n";

class OutputSafety : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(RELGRAPH_BINARY)) GTEST_SKIP() << "build the relgraph binary first";
    dir_ = fs::temp_directory_path() / ("rg_safety_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    put("a.txt", kArticle);
    put("t.tsv", kTriples);
  }
  void TearDown() override {
    if (!dir_.empty()) {
      std::error_code ec;
      fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
      fs::remove_all(dir_, ec);
    }
  }
  // Runs a shell command line in the test directory; $RG is the binary.
  int sh(const std::string& script, std::string* out = nullptr, std::string* err = nullptr) {
    put(".script.sh", "cd '" + dir_.string() + "' || exit 99\nRG='" + RELGRAPH_BINARY + "'\n" + script + "\n");
    return run_command("bash '" + (dir_ / ".script.sh").string() + "'", out, err);
  }
  void put(const std::string& name, const std::string& text) { std::ofstream(dir_ / name, std::ios::binary) << text; }
  std::string slurp(const std::string& name) {
    std::ifstream in(dir_ / name, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  // Names of leftover temporaries or staging directories in `dir`.
  std::string leftovers(const fs::path& dir) {
    std::string found;
    for (auto& e : fs::directory_iterator(dir)) {
      std::string name = e.path().filename().string();
      if (name.find("relgraph-tmp") != std::string::npos || name.find("relgraph-partial") != std::string::npos)
        found += name + " ";
    }
    return found;
  }
  unsigned mode(const std::string& name) {
    struct stat st;
    return ::stat((dir_ / name).c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
  }
  fs::path dir_;
};

}  // namespace

TEST_F(OutputSafety, AnInputIsNeverOverwritten) {
  put("b.txt", kArticle);
  std::string err;
  EXPECT_EQ(sh("$RG extract a.txt --format tsv -o a.txt", nullptr, &err), 2);
  EXPECT_NE(err.find("it is an input"), std::string::npos) << err;
  EXPECT_EQ(sh("$RG parse b.txt -o b.txt", nullptr, &err), 2);
  EXPECT_EQ(sh("ln -s a.txt link.txt && $RG extract a.txt --format tsv -o link.txt", nullptr, &err), 2) << err;
  EXPECT_EQ(sh("$RG convert t.tsv --to tsv -o t.tsv", nullptr, &err), 2) << err;
  EXPECT_EQ(slurp("a.txt"), kArticle);
  EXPECT_EQ(slurp("b.txt"), kArticle);
  EXPECT_EQ(slurp("t.tsv"), kTriples);
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.txt"));
}

TEST_F(OutputSafety, DevicesFifosAndSymlinksAreWrittenInPlace) {
  // Another process (an older relgraph) may have replaced /dev/null on a shared machine.
  if (!fs::is_character_file("/dev/null")) GTEST_SKIP() << "/dev/null is not a device on this machine";
  std::string err;
  ASSERT_EQ(sh("$RG convert t.tsv --to tsv -o /dev/null", nullptr, &err), 0) << err;
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  ASSERT_EQ(sh("ln -s /dev/null null.tsv && $RG convert t.tsv -o null.tsv", nullptr, &err), 0) << err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "null.tsv"));
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  // A FIFO is written, not replaced by a regular file.
  ASSERT_EQ(sh("mkfifo pipe && { cat pipe > got.tsv & } && $RG convert t.tsv --to tsv -o pipe && wait", nullptr, &err),
            0)
      << err;
  EXPECT_EQ(fs::status(dir_ / "pipe").type(), fs::file_type::fifo);
  EXPECT_EQ(slurp("got.tsv").rfind("subject\tpredicate\tobject", 0), 0u) << slurp("got.tsv");
  // A symlink to a regular file stays a link; the file it names is replaced.
  put("real.tsv", "old\n");
  ASSERT_EQ(sh("ln -s real.tsv link.tsv && $RG convert t.tsv -o link.tsv", nullptr, &err), 0) << err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.tsv"));
  EXPECT_NE(slurp("real.tsv"), "old\n");
  EXPECT_EQ(leftovers(dir_), "");
}

TEST_F(OutputSafety, WriteErrorsOnStandardStreamsFail) {
  std::string err;
  EXPECT_EQ(sh("$RG query t.tsv stats > /dev/full", nullptr, &err), 1);
  EXPECT_NE(err.find("standard output"), std::string::npos) << err;
  EXPECT_EQ(sh("$RG convert t.tsv --to jsonld -o - > /dev/full"), 1);
  EXPECT_EQ(sh("$RG convert t.tsv --to tsv -o /dev/full", nullptr, &err), 1);
  EXPECT_NE(err.find("No space left"), std::string::npos) << err;
  EXPECT_EQ(sh("$RG extract a.txt --stats -o st.tsv 2> /dev/full"), 1);  // only the --stats line is lost
}

TEST_F(OutputSafety, MissingOrReadOnlyDirectoryFailsCleanly) {
  put("g.jsonld", "previous");
  std::string err;
  EXPECT_EQ(sh("$RG convert t.tsv -o no/such/dir/g.jsonld", nullptr, &err), 1);
  EXPECT_NE(err.find("does not exist"), std::string::npos) << err;
  EXPECT_EQ(sh("$RG convert t.tsv -o /proc/g.jsonld", nullptr, &err), 1) << err;       // read-only even for root
  EXPECT_EQ(sh("$RG extract a.txt -o /proc/relgraph-sub/", nullptr, &err), 1) << err;  // was "internal error", 3
  EXPECT_EQ(err.find("internal error"), std::string::npos) << err;
  if (::geteuid() != 0) {  // permissions bind only non-root users
    fs::create_directories(dir_ / "ro");
    put("ro/g.jsonld", "previous");
    fs::permissions(dir_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_EQ(sh("$RG convert t.tsv -o ro/g.jsonld", nullptr, &err), 1) << err;
    fs::permissions(dir_ / "ro", fs::perms::owner_all);
    EXPECT_EQ(slurp("ro/g.jsonld"), "previous");
  }
  EXPECT_EQ(slurp("g.jsonld"), "previous");
}

TEST_F(OutputSafety, ModesFollowTheUmaskOrTheReplacedFile) {
  ASSERT_EQ(sh("umask 077 && $RG convert t.tsv -o private.jsonld"), 0);
  EXPECT_EQ(mode("private.jsonld"), 0600u);
  ASSERT_EQ(sh("umask 022 && $RG convert t.tsv -o shared.jsonld"), 0);
  EXPECT_EQ(mode("shared.jsonld"), 0644u);
  ASSERT_EQ(sh("umask 002 && $RG convert t.tsv -o group.jsonld"), 0);
  EXPECT_EQ(mode("group.jsonld"), 0664u);
  put("kept.jsonld", "x");
  fs::permissions(dir_ / "kept.jsonld", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  ASSERT_EQ(sh("umask 022 && $RG convert t.tsv -o kept.jsonld"), 0);
  EXPECT_EQ(mode("kept.jsonld"), 0640u);
}

TEST_F(OutputSafety, SignalsRemoveTemporaries) {
  for (const char* sig : {"TERM", "INT"}) {
    put("out.jsonl", "previous\n");
    std::string out, err;
    // The mapper waits on a FIFO that never ends, with its output temporary open.
    int rc = sh(std::string("set -m\nmkfifo -m 600 in.fifo 2>/dev/null; exec 3<>in.fifo\n") +
                    "$RG extract --stream --jsonl in.fifo -o out.jsonl & pid=$!\n"
                    "for i in $(seq 600); do ls -a | grep -q relgraph-tmp && break; sleep 0.1; done\n"
                    "ls -a | grep -c relgraph-tmp\n"
                    "kill -" +
                    sig + " $pid; wait $pid; echo status=$?\n",
                &out, &err);
    ASSERT_EQ(rc, 0) << err;
    EXPECT_NE(out.find("1\nstatus="), std::string::npos) << sig << ": the temporary never appeared: " << out;
    EXPECT_EQ(leftovers(dir_), "") << sig;
    EXPECT_EQ(slurp("out.jsonl"), "previous\n") << sig;
  }
}

TEST_F(OutputSafety, TheNextRunRemovesWhatSigkillLeft) {
  put("records.jsonl", kRecord);
  put("out.jsonl", "previous\n");
  std::string out, err;
  ASSERT_EQ(sh("mkfifo in.fifo; exec 3<>in.fifo\n"
               "$RG extract --stream --jsonl in.fifo -o out.jsonl & pid=$!\n"
               "for i in $(seq 600); do ls -a | grep -q relgraph-tmp && break; sleep 0.1; done\n"
               "kill -KILL $pid; wait $pid\nls -a | grep relgraph-tmp | grep -c \"relgraph-tmp-$pid-\"\n",
               &out, &err),
            0)
      << err;
  EXPECT_EQ(out, "1\n") << "a SIGKILL leaves a temporary named after its process";
  EXPECT_EQ(slurp("out.jsonl"), "previous\n");
  ASSERT_EQ(sh("$RG extract --stream --jsonl records.jsonl -o out.jsonl", nullptr, &err), 0) << err;
  EXPECT_EQ(leftovers(dir_), "");
  EXPECT_NE(slurp("out.jsonl").find("\"r1\""), std::string::npos);
}

TEST_F(OutputSafety, DirectoryOutputIsAllOrNothing) {
  // Control characters XML 1.0 cannot hold (\v \f ESC) no longer fail the GraphML writer.
  put("ctl.txt", "Mara Quill founded \x1b[1mTidewater Labs\x1b[0m in Oslo.\v\fIdris Vale joined Tidewater Labs.\n");
  std::string err;
  ASSERT_EQ(sh("$RG extract ctl.txt -o out/", nullptr, &err), 0) << err;
  for (const char* ext : {"jsonld", "graphml", "dot", "tsv", "nt", "svg"})
    EXPECT_TRUE(fs::exists(dir_ / "out" / (std::string("ctl.") + ext))) << ext;
  std::string graphml = slurp("out/ctl.graphml");
  EXPECT_EQ(graphml.find_first_of("\x1b\v\f"), std::string::npos);
  EXPECT_EQ(leftovers(dir_ / "out"), "");
  // One output that cannot be written (a directory in the way): none is.
  fs::create_directories(dir_ / "out2" / "a.svg");
  EXPECT_EQ(sh("$RG extract a.txt -o out2/", nullptr, &err), 1);
  EXPECT_NE(err.find("a.svg"), std::string::npos) << err;
  std::size_t entries = 0;
  for (auto& e : fs::directory_iterator(dir_ / "out2")) (void)e, ++entries;
  EXPECT_EQ(entries, 1u) << leftovers(dir_ / "out2");
}

TEST_F(OutputSafety, ExitStatusesAndMessages) {
  std::string err;
  EXPECT_EQ(sh("$RG extract a.txt --no-such-flag", nullptr, &err), 2);
  put("bin.txt", std::string("abc\0def", 7));
  EXPECT_EQ(sh("$RG extract bin.txt", nullptr, &err), 1);
  put("bad.tsv", "subject\tpredicate\tobject\nonly one field\n");
  EXPECT_EQ(sh("$RG convert bad.tsv -o g.jsonld", nullptr, &err), 1);
  EXPECT_EQ(sh("$RG convert missing.tsv -o g.jsonld", nullptr, &err), 1);
  // Untrusted bytes reach the terminal escaped.
  EXPECT_EQ(sh("$RG extract \"$(printf 'no\\033[2Jpe\\001.txt')\"", nullptr, &err), 1);
  EXPECT_EQ(err.find('\x1b'), std::string::npos) << err;
  EXPECT_NE(err.find("no\\x1B[2Jpe\\x01.txt"), std::string::npos) << err;
}

TEST_F(OutputSafety, EvalNeedsAReferenceWithFacts) {
  put("gold.json", "{\"entities\": [], \"triples\": []}");
  std::string err;
  EXPECT_EQ(sh("$RG eval kg gold.json t.tsv", nullptr, &err), 1);
  EXPECT_NE(err.find("no triples"), std::string::npos) << err;
}

TEST_F(OutputSafety, ByteOrderMarkBeforeTsvHeader) {
  put("bom.tsv", std::string("\xEF\xBB\xBF") + kTriples);
  std::string err;
  ASSERT_EQ(sh("$RG convert bom.tsv -o g.jsonld", nullptr, &err), 0) << err;
  EXPECT_NE(slurp("g.jsonld").find("Mara Quill"), std::string::npos);
}
