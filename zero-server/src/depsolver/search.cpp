#include "search.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace proofbox::zero::depsolver::detail {
namespace {

using Id = Universe::Id;

// "cookbook is at a version in allowed".
struct Condition {
  Id cookbook;
  VersionRange allowed;
};

// A conjunction of conditions that rules something out, sorted by cookbook.
using Explanation = std::vector<Condition>;

const Condition* find(const Explanation& e, Id c) {
  auto it = std::lower_bound(e.begin(), e.end(), c,
                             [](const Condition& x, Id id) { return x.cookbook < id; });
  return it != e.end() && it->cookbook == c ? &*it : nullptr;
}

void put(Explanation& e, Id c, VersionRange allowed) {
  auto it = std::lower_bound(e.begin(), e.end(), c,
                             [](const Condition& x, Id id) { return x.cookbook < id; });
  if (it != e.end() && it->cookbook == c) {
    it->allowed = it->allowed.intersect(allowed);
  } else {
    e.insert(it, Condition{c, allowed});
  }
}

void merge(Explanation& into, const Explanation& from, Id except) {
  for (const Condition& c : from) {
    if (c.cookbook != except) put(into, c.cookbook, c.allowed);
  }
}

// Most nogoods are learnt once and never matter; caps keep a pathological search bounded.
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
        lo_reason_(n_, -1),
        hi_reason_(n_, -1),
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
    Explanation conflict;
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
    enum Kind : std::uint8_t { domain, require, assign } kind;
    Id cookbook;
    VersionRange old_domain;
    std::int64_t old_lo_reason;
    std::int64_t old_hi_reason;
  };

  bool disabled(Id c) const { return !in_.disabled.empty() && in_.disabled[c] != 0; }

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
    trail_.push_back({TrailEntry::require, c, {}, 0, 0});
  }

  // Version `w` of `z`'s dependency on `t`, if it has one.
  const Universe::Edge* edge_to(Id z, std::uint32_t w, Id t) const {
    auto [e, end] = u_.edges(z, w);
    for (; e != end; ++e) {
      if (e->target == t) return &*e;
    }
    return nullptr;
  }

  // The widest run of `z`'s versions around its current one for which `holds` is true (it is
  // true for the current version).
  template <class Pred>
  VersionRange run_around(Id z, Pred holds) const {
    const auto z_at = static_cast<std::uint32_t>(assigned_[z]);
    std::uint32_t lo = z_at;
    std::uint32_t hi = z_at + 1;
    while (lo > 0 && holds(lo - 1)) --lo;
    while (hi < u_.cookbook(z).version_count && holds(hi)) ++hi;
    return {lo, hi};
  }

  // Condition on decision `z`: its versions whose dependency on `t` satisfies `ok`.
  template <class Pred>
  void blame_edge(Id z, Id t, Pred ok, Explanation& into) const {
    put(into, z, run_around(z, [&](std::uint32_t w) {
          const Universe::Edge* e = edge_to(z, w, t);
          return e != nullptr && ok(e->matching);
        }));
  }

  // Why `c` is required and why its versions are bounded as they are now.
  void add_reasons(Id c, Explanation& into) const {
    if (requirer_[c] >= 0) {
      blame_edge(
          static_cast<Id>(requirer_[c]), c, [](VersionRange) { return true; }, into);
    }
    const VersionRange d = domain_[c];
    if (lo_reason_[c] >= 0) {
      blame_edge(
          static_cast<Id>(lo_reason_[c]), c, [&](VersionRange m) { return m.lo >= d.lo; }, into);
    }
    if (hi_reason_[c] >= 0) {
      blame_edge(
          static_cast<Id>(hi_reason_[c]), c, [&](VersionRange m) { return m.hi <= d.hi; }, into);
    }
  }

  void undo_to(std::size_t mark) {
    while (trail_.size() > mark) {
      const TrailEntry& t = trail_.back();
      switch (t.kind) {
        case TrailEntry::domain:
          domain_[t.cookbook] = t.old_domain;
          lo_reason_[t.cookbook] = t.old_lo_reason;
          hi_reason_[t.cookbook] = t.old_hi_reason;
          break;
        case TrailEntry::require:
          required_[t.cookbook] = 0;
          requirer_[t.cookbook] = -1;
          queue_.pop_back();
          break;
        case TrailEntry::assign:
          assigned_[t.cookbook] = -1;
          --head_;
          break;
      }
      trail_.pop_back();
    }
  }

  // Applies the dependencies of y@v. On a dead end, `conflict` receives its explanation, which
  // always holds a condition on y.
  bool propagate(Id y, std::uint32_t v, Explanation& conflict) {
    auto [edge, end] = u_.edges(y, v);
    for (; edge != end; ++edge) {
      const Id t = edge->target;
      if (disabled(t)) continue;
      const VersionRange want = edge->matching;
      if (assigned_[t] >= 0) {
        const auto at = static_cast<std::uint32_t>(assigned_[t]);
        if (want.contains(at)) continue;
        note_target(t);
        if (want.empty()) {
          blame_edge(
              y, t, [](VersionRange m) { return m.empty(); }, conflict);
        } else if (at < want.lo) {
          // t is below what y needs: any t below the split against any y needing at least it.
          const std::uint32_t split = want.lo;
          put(conflict, t, {0, split});
          blame_edge(
              y, t, [&](VersionRange m) { return m.empty() || m.lo >= split; }, conflict);
        } else {
          const std::uint32_t split = want.hi;
          put(conflict, t, {split, u_.cookbook(t).version_count});
          blame_edge(
              y, t, [&](VersionRange m) { return m.empty() || m.hi <= split; }, conflict);
        }
        return false;
      }
      require(t, y);
      const VersionRange have = domain_[t];
      const VersionRange narrowed = have.intersect(want);
      if (narrowed.empty()) {
        note_target(t);
        if (want.empty() || have.empty()) {
          // Nothing y could ask of t works (have is only empty when the environment or the
          // run list already excluded every version, which no decision caused).
          blame_edge(
              y, t, [&](VersionRange m) { return m.intersect(have).empty(); }, conflict);
        } else if (want.hi <= have.lo) {
          const std::uint32_t split = have.lo;  // y wants below what lo_reason allows
          blame_edge(
              y, t, [&](VersionRange m) { return m.hi <= split; }, conflict);
          if (lo_reason_[t] >= 0) {
            blame_edge(
                static_cast<Id>(lo_reason_[t]), t, [&](VersionRange m) { return m.lo >= split; },
                conflict);
          }
        } else {
          const std::uint32_t split = have.hi;  // y wants above what hi_reason allows
          blame_edge(
              y, t, [&](VersionRange m) { return m.lo >= split; }, conflict);
          if (hi_reason_[t] >= 0) {
            blame_edge(
                static_cast<Id>(hi_reason_[t]), t, [&](VersionRange m) { return m.hi <= split; },
                conflict);
          }
        }
        return false;
      }
      if (narrowed != have) {
        trail_.push_back({TrailEntry::domain, t, have, lo_reason_[t], hi_reason_[t]});
        domain_[t] = narrowed;
        if (narrowed.lo != have.lo) lo_reason_[t] = y;
        if (narrowed.hi != have.hi) hi_reason_[t] = y;
      }
    }
    return true;
  }

  // A learnt nogood that forbids y@v under the current decisions, or null.
  const Explanation* refused(Id y, std::uint32_t v) const {
    auto it = watch_.find(y);
    if (it == watch_.end()) return nullptr;
    for (std::uint32_t id : it->second) {
      const Explanation& nogood = nogoods_[id];
      bool holds = true;
      for (const Condition& c : nogood) {
        const std::int32_t at =
            c.cookbook == y ? static_cast<std::int32_t>(v) : assigned_[c.cookbook];
        if (at < 0 || !c.allowed.contains(static_cast<std::uint32_t>(at))) {
          holds = false;
          break;
        }
      }
      if (holds) return &nogood;
    }
    return nullptr;
  }

  void learn(const Explanation& e) {
    if (e.empty() || nogoods_.size() >= kMaxNogoods) return;
    const auto id = static_cast<std::uint32_t>(nogoods_.size());
    for (const Condition& c : e) watch_[c.cookbook].push_back(id);
    nogoods_.push_back(e);
  }

  Explanation& scratch(std::deque<Explanation>& pool, std::size_t depth) {
    while (pool.size() <= depth) pool.emplace_back();
    Explanation& e = pool[depth];
    e.clear();
    return e;
  }

  // Decides the next required cookbook (and, recursively, the rest). On failure `out` explains
  // it in terms of earlier decisions only.
  Outcome decide(std::size_t depth, Explanation& out) {
    if (head_ == queue_.size()) return Outcome::solved;
    const Id y = queue_[head_];
    Explanation& acc = scratch(acc_pool_, depth);
    add_reasons(y, acc);
    const VersionRange range = domain_[y];
    std::int64_t v = static_cast<std::int64_t>(range.hi) - 1;
    while (v >= static_cast<std::int64_t>(range.lo)) {
      ++steps_;
      if (in_.step_limit != 0 && steps_ > in_.step_limit) return Outcome::limit;
      const auto version = static_cast<std::uint32_t>(v);
      if (const Explanation* nogood = refused(y, version)) {
        merge(acc, *nogood, y);
        v = static_cast<std::int64_t>(find(*nogood, y)->allowed.lo) - 1;
        continue;
      }
      const std::size_t mark = trail_.size();
      trail_.push_back({TrailEntry::assign, y, {}, 0, 0});
      assigned_[y] = static_cast<std::int32_t>(version);
      ++head_;
      Explanation& sub = scratch(sub_pool_, depth);
      if (propagate(y, version, sub)) {
        const Outcome below = decide(depth + 1, sub);
        if (below != Outcome::failed) return below;
      }
      undo_to(mark);
      const Condition* mine = find(sub, y);
      if (mine == nullptr) {
        // This decision played no part: jump straight past it.
        out = sub;
        return Outcome::failed;
      }
      // Every version the explanation covers fails the same way.
      const std::int64_t next = static_cast<std::int64_t>(mine->allowed.lo) - 1;
      merge(acc, sub, y);
      v = std::min(v - 1, next);
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
  std::vector<std::int64_t> requirer_;   // -1: the run list
  std::vector<std::int64_t> lo_reason_;  // decision behind the low bound; -1: none
  std::vector<std::int64_t> hi_reason_;  // decision behind the high bound; -1: none
  std::vector<Id> queue_;
  std::size_t head_ = 0;
  std::vector<TrailEntry> trail_;
  std::vector<Explanation> nogoods_;
  std::unordered_map<Id, std::vector<std::uint32_t>> watch_;
  std::deque<Explanation> acc_pool_;
  std::deque<Explanation> sub_pool_;
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
