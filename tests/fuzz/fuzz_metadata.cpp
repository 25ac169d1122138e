// libFuzzer target: article metadata (headline, byline, date, dateline) and
// the date-line parser.
#include "article/metadata.hpp"
#include "core/files.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text = relgraph::fuzz::input(data, size);
  try {
    relgraph::detail::check_text(text, "fuzz-input");
  } catch (const relgraph::Error&) {
    return 0;
  }
  (void)relgraph::parse_date_line(text);
  relgraph::Metadata m = relgraph::find_metadata(text, {"Oslo", "New York", "Paris"});
  (void)m;
  return 0;
}
