// PLACEHOLDER: replaced by the relation-extraction owner.
#include "cli/commands.hpp"
#include "relgraph/error.hpp"

namespace relgraph::cli {
void run_extract_carb(const CarbOptions&) { throw Error(ErrorKind::Internal, "carb output is not implemented yet"); }
}  // namespace relgraph::cli
