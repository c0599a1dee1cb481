#include "search.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace proofbox::zero::depsolver::detail {
namespace {

using Id = Universe::Id;

// A set of cookbooks (the decisions a failure depends on).
class Bits {
 public:
  explicit Bits(std::size_t n) : words_((n + 63) / 64, 0) {}
  void clear() { std::fill(words_.begin(), words_.end(), 0); }
  void set(Id i) { words_[i / 64] |= std::uint64_t{1} << (i % 64); }
  void unset(Id i) { words_[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }
  bool test(Id i) const { return (words_[i / 64] >> (i % 64)) & 1U; }
  void merge(const Bits& o) {
    for (std::size_t w = 0; w < words_.size(); ++w) words_[w] |= o.words_[w];
  }
  template <class F>
  void for_each(F f) const {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      std::uint64_t bits = words_[w];
      while (bits != 0) {
        f(static_cast<Id>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
        bits &= bits - 1;
      }
    }
  }

 private:
  std::vector<std::uint64_t> words_;
};

// Most nogoods are learnt once and never matter; a cap keeps a pathological search bounded.
constexpr std::size_t kMaxNogoods = 100000;

class Engine {
 public:
  explicit Engine(const SearchInput& in)
      : u_(*in.universe),
        in_(in),
        n_(u_.cookbook_count()),
        assigned_(n_, -1),
        domain_(in.allowed),
        required_(n_, 0),
        requirer_(n_, -1),
        pruner_head_(n_, -1),
        target_seen_(n_, 0) {}

  SearchResult run() {
    SearchResult result;
    for (const Root& root : in_.roots) {
      if (disabled(root.cookbook)) continue;
      const Id c = root.cookbook;
      domain_[c] = domain_[c].intersect(root.range);
      require(c, -1);
      if (domain_[c].empty()) {
        note_target(c);
        result.status = SearchStatus::unsatisfiable;
        result.conflict_targets = targets_;
        return result;
      }
    }
    Bits conflict(n_);
    const Outcome outcome = decide(0, conflict);
    result.steps = steps_;
    result.conflict_targets = targets_;
    if (outcome == Outcome::limit) {
      result.status = SearchStatus::step_limit;
    } else if (outcome == Outcome::failed) {
      result.status = SearchStatus::unsatisfiable;
    } else {
      result.status = SearchStatus::solved;
      result.chosen.reserve(queue_.size());
      for (Id c : queue_) result.chosen.emplace_back(c, static_cast<std::uint32_t>(assigned_[c]));
    }
    return result;
  }

 private:
  enum class Outcome { solved, failed, limit };
  struct TrailEntry {
    enum Kind : std::uint8_t { domain, require, pruner, assign } kind;
    Id cookbook;
    VersionRange old_domain;
    std::int32_t old_head;
  };
  struct PrunerEntry {
    Id pruner;
    std::int32_t next;
  };
  struct Literal {
    Id cookbook;
    std::uint32_t version;
  };

  bool disabled(Id c) const { return !in_.disabled.empty() && in_.disabled[c] != 0; }
  static std::uint64_t key(Id c, std::uint32_t v) { return (std::uint64_t{c} << 32) | v; }

  void note_target(Id c) {
    if (!target_seen_[c]) {
      target_seen_[c] = 1;
      targets_.push_back(c);
    }
  }

  void require(Id c, std::int64_t by) {
    if (required_[c]) return;
    required_[c] = 1;
    requirer_[c] = by;
    queue_.push_back(c);
    trail_.push_back({TrailEntry::require, c, {}, 0});
  }

  void add_pruner(Id c, Id by) {
    trail_.push_back({TrailEntry::pruner, c, {}, pruner_head_[c]});
    pruners_.push_back({by, pruner_head_[c]});
    pruner_head_[c] = static_cast<std::int32_t>(pruners_.size() - 1);
  }

  // The decisions that make `c` required and narrow its versions.
  void add_reasons(Id c, Bits& into) const {
    if (requirer_[c] >= 0) into.set(static_cast<Id>(requirer_[c]));
    for (std::int32_t e = pruner_head_[c]; e >= 0; e = pruners_[e].next)
      into.set(pruners_[e].pruner);
  }

  void undo_to(std::size_t mark) {
    while (trail_.size() > mark) {
      const TrailEntry& t = trail_.back();
      switch (t.kind) {
        case TrailEntry::domain:
          domain_[t.cookbook] = t.old_domain;
          break;
        case TrailEntry::require:
          required_[t.cookbook] = 0;
          requirer_[t.cookbook] = -1;
          queue_.pop_back();
          break;
        case TrailEntry::pruner:
          pruner_head_[t.cookbook] = t.old_head;
          pruners_.pop_back();
          break;
        case TrailEntry::assign:
          assigned_[t.cookbook] = -1;
          --head_;
          break;
      }
      trail_.pop_back();
    }
  }

  // Applies the dependencies of y@v. On a dead end, `conflict` receives the decisions that
  // together rule it out.
  bool propagate(Id y, std::uint32_t v, Bits& conflict) {
    auto [edge, end] = u_.edges(y, v);
    for (; edge != end; ++edge) {
      const Id t = edge->target;
      if (disabled(t)) continue;
      if (assigned_[t] >= 0) {
        if (!edge->matching.contains(static_cast<std::uint32_t>(assigned_[t]))) {
          note_target(t);
          conflict.set(y);
          conflict.set(t);
          return false;
        }
        continue;
      }
      require(t, y);
      const VersionRange narrowed = domain_[t].intersect(edge->matching);
      if (narrowed != domain_[t]) {
        trail_.push_back({TrailEntry::domain, t, domain_[t], 0});
        domain_[t] = narrowed;
        add_pruner(t, y);
      }
      if (domain_[t].empty()) {
        note_target(t);
        conflict.set(y);
        add_reasons(t, conflict);
        return false;
      }
    }
    return true;
  }

  // True when a learnt nogood forbids y@v under the current decisions; its other decisions
  // join `acc`.
  bool refused(Id y, std::uint32_t v, Bits& acc) const {
    auto it = watch_.find(key(y, v));
    if (it == watch_.end()) return false;
    for (std::uint32_t id : it->second) {
      const auto& nogood = nogoods_[id];
      bool holds = true;
      for (const Literal& l : nogood) {
        if (l.cookbook != y && assigned_[l.cookbook] != static_cast<std::int32_t>(l.version)) {
          holds = false;
          break;
        }
      }
      if (holds) {
        for (const Literal& l : nogood) {
          if (l.cookbook != y) acc.set(l.cookbook);
        }
        return true;
      }
    }
    return false;
  }

  void learn(const Bits& conflict) {
    if (nogoods_.size() >= kMaxNogoods) return;
    std::vector<Literal> nogood;
    conflict.for_each([&](Id c) {
      nogood.push_back({c, static_cast<std::uint32_t>(assigned_[c])});
    });
    if (nogood.empty()) return;
    const auto id = static_cast<std::uint32_t>(nogoods_.size());
    for (const Literal& l : nogood) watch_[key(l.cookbook, l.version)].push_back(id);
    nogoods_.push_back(std::move(nogood));
  }

  Bits& scratch(std::deque<Bits>& pool, std::size_t depth) {
    while (pool.size() <= depth) pool.emplace_back(n_);
    return pool[depth];
  }

  // Decides the next required cookbook (and, recursively, the rest). On failure `out` holds
  // the earlier decisions the failure depends on.
  Outcome decide(std::size_t depth, Bits& out) {
    if (head_ == queue_.size()) return Outcome::solved;
    const Id y = queue_[head_];
    Bits& acc = scratch(acc_pool_, depth);
    acc.clear();
    add_reasons(y, acc);
    const VersionRange range = domain_[y];
    for (std::uint32_t v = range.hi; v-- > range.lo;) {
      ++steps_;
      if (in_.step_limit != 0 && steps_ > in_.step_limit) return Outcome::limit;
      if (refused(y, v, acc)) continue;
      const std::size_t mark = trail_.size();
      trail_.push_back({TrailEntry::assign, y, {}, 0});
      assigned_[y] = static_cast<std::int32_t>(v);
      ++head_;
      Bits& sub = scratch(sub_pool_, depth);
      sub.clear();
      if (propagate(y, v, sub)) {
        const Outcome below = decide(depth + 1, sub);
        if (below != Outcome::failed) return below;
        if (!sub.test(y)) {
          // This decision played no part: jump straight past it.
          undo_to(mark);
          out = sub;
          return Outcome::failed;
        }
      }
      undo_to(mark);
      sub.unset(y);
      acc.merge(sub);
    }
    learn(acc);
    out = acc;
    return Outcome::failed;
  }

  const Universe& u_;
  const SearchInput& in_;
  std::size_t n_;
  std::vector<std::int32_t> assigned_;
  std::vector<VersionRange> domain_;
  std::vector<char> required_;
  std::vector<std::int64_t> requirer_;  // -1: the run list
  std::vector<PrunerEntry> pruners_;
  std::vector<std::int32_t> pruner_head_;
  std::vector<Id> queue_;
  std::size_t head_ = 0;
  std::vector<TrailEntry> trail_;
  std::vector<std::vector<Literal>> nogoods_;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> watch_;
  std::deque<Bits> acc_pool_;
  std::deque<Bits> sub_pool_;
  std::vector<char> target_seen_;
  std::vector<Id> targets_;
  std::uint64_t steps_ = 0;
};

}  // namespace

SearchResult search(const SearchInput& input) {
  Engine engine(input);
  return engine.run();
}

}  // namespace proofbox::zero::depsolver::detail
