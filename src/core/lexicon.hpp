// Small closed word classes shared by several stages.
#pragma once

#include <string_view>

namespace relgraph::detail {

// The legal form closing a company name ("Siemens AG", "Acme Inc."): the name
// without it names the same company.
inline bool is_legal_form(std::string_view word) {
  for (std::string_view f : {"AG", "Inc", "Inc.", "Ltd", "Ltd.", "Corp", "Corp.", "plc", "PLC", "SA", "S.A.", "GmbH",
                             "LLC", "Co.", "NV", "N.V.", "SE", "Oyj", "AB", "ASA", "SpA", "S.p.A.", "BV", "B.V."})
    if (word == f) return true;
  return false;
}

}  // namespace relgraph::detail
