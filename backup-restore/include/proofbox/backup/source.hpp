#pragma once
// One name for "where a ChefData comes from", as `diff`, `restore` and `serve` take it:
//   a path ending .tar.gz/.tgz, or a directory holding manifest.json   -> a snapshot
//   a directory that looks like a chef-repo (cookbooks/, roles/, ...)  -> the chef-repo reader
//   an http:// or https:// URL                                         -> the server reader
// The repo and server readers live in other parts of backup-restore and are passed in, so this
// file depends on neither; an unset reader gives a clear "no ... reader given" error.
#include <functional>
#include <stdexcept>
#include <string>

#include "proofbox/backup/chef_data.hpp"

namespace proofbox::backup {

enum class SourceKind { Snapshot, Repo, Server };

class SourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct SourceReaders {
  std::function<ChefData(const std::string& path)> repo;   // read_chef_repo
  std::function<ChefData(const std::string& url)> server;  // the API client's whole-org read
};

// What `spec` names; throws SourceError when it is none of the three.
SourceKind classify_source(const std::string& spec);

// Reads the whole source. Throws SourceError (or the reader's own error) on failure.
ChefData load_source(const std::string& spec, const SourceReaders& readers = {});

}  // namespace proofbox::backup
