// Library version, also printed by `relgraph --version`.
#pragma once
namespace relgraph {
inline constexpr const char* kVersion = "0.1.0";
}
