#pragma once
// GitHub Actions workflow commands for a report: one `::error file=F,line=L,title=T::MESSAGE`
// line per failed or erroneous case (GitHub shows them on the pull request's diff at that
// line), then one `::notice` line with the counts. Written to a job's stdout, GitHub reads them;
// elsewhere they are plain text.
//
// Case files are taken relative to the chef-repo; `path_prefix` (the repo's folder inside the
// checkout, "" or "infra/chef-repo/") is put in front so the paths are relative to the
// workspace as GitHub expects. Values are escaped as the workflow command syntax requires
// (% CR LF in messages; also : and , in properties), so a message never ends the command
// early or forges another one.
#include <iosfwd>
#include <string>
#include <string_view>

#include "proofbox/specs/report.hpp"

namespace proofbox::specs {

void write_github_annotations(std::ostream& out, const Report& report,
                              std::string_view path_prefix = "");

// The escapings, for tests and for other writers of workflow commands.
std::string github_escape_data(std::string_view text);
std::string github_escape_property(std::string_view text);

}  // namespace proofbox::specs
