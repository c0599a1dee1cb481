#pragma once

namespace proofbox {
inline constexpr const char* kProofboxVersion = "0.1.0";
}  // namespace proofbox
