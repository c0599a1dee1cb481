#pragma once
// The Ruby source of the DSL classes that metadata.rb, roles/*.rb, environments/*.rb and
// nodes/*.rb are evaluated against (loaded into every fresh mruby interpreter).

namespace proofbox::backup::repo {

// The file name the prelude's own frames carry in backtraces, so errors can skip them and
// point at the user's file.
inline constexpr const char* kRubyDslPreludeName = "(proofbox-dsl)";

extern const char* const kRubyDslPrelude;

}  // namespace proofbox::backup::repo
