// HttpGet / HttpResponds and the matchers on an HttpResponse.
#include <algorithm>
#include <cctype>

#include "check_support.hpp"

namespace proofbox::harness {
namespace {

using std::chrono::milliseconds;
using ::testing::MatchResultListener;

class StatusIs : public ::testing::MatcherInterface<const HttpResponse&> {
 public:
  explicit StatusIs(::testing::Matcher<int> m) : m_(std::move(m)) {}
  bool MatchAndExplain(const HttpResponse& r, MatchResultListener* l) const override {
    bool ok = detail::matches(m_, r.status);
    if (!ok) *l << "status " << r.status;
    return ok;
  }
  void DescribeTo(std::ostream* os) const override {
    *os << "status " << detail::describe<int>(m_);
  }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << "status " << detail::describe<int>(m_, true);
  }

 private:
  ::testing::Matcher<int> m_;
};

class BodyIs : public ::testing::MatcherInterface<const HttpResponse&> {
 public:
  explicit BodyIs(::testing::Matcher<const std::string&> m) : m_(std::move(m)) {}
  bool MatchAndExplain(const HttpResponse& r, MatchResultListener* l) const override {
    bool ok = detail::matches(m_, r.body);
    if (!ok) *l << "body " << detail::quoted(r.body);
    return ok;
  }
  void DescribeTo(std::ostream* os) const override {
    *os << "body " << detail::describe<const std::string&>(m_);
  }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << "body " << detail::describe<const std::string&>(m_, true);
  }

 private:
  ::testing::Matcher<const std::string&> m_;
};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

class HeaderIs : public ::testing::MatcherInterface<const HttpResponse&> {
 public:
  HeaderIs(std::string name, ::testing::Matcher<const std::string&> m)
      : name_(std::move(name)), m_(std::move(m)) {}
  bool MatchAndExplain(const HttpResponse& r, MatchResultListener* l) const override {
    auto it = r.headers.find(lower(name_));
    if (it == r.headers.end()) {
      *l << "no header " << name_;
      return false;
    }
    bool ok = detail::matches(m_, it->second);
    if (!ok) *l << "header " << name_ << ": " << detail::quoted(it->second);
    return ok;
  }
  void DescribeTo(std::ostream* os) const override {
    *os << "header " << name_ << " " << detail::describe<const std::string&>(m_);
  }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << "header " << name_ << " " << detail::describe<const std::string&>(m_, true);
  }

 private:
  std::string name_;
  ::testing::Matcher<const std::string&> m_;
};

// The value at a dpath-style path ("a/b/0"); null when absent.
const nlohmann::json* json_at(const nlohmann::json& doc, const std::string& path) {
  const nlohmann::json* at = &doc;
  std::size_t pos = 0;
  while (pos <= path.size() && !path.empty()) {
    std::size_t slash = path.find('/', pos);
    std::string key =
        path.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
    pos = slash == std::string::npos ? path.size() + 1 : slash + 1;
    if (key.empty()) continue;
    if (at->is_object()) {
      auto it = at->find(key);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array() && !key.empty() &&
               std::all_of(key.begin(), key.end(),
                           [](unsigned char c) { return std::isdigit(c); })) {
      std::size_t index = std::stoul(key);
      if (index >= at->size()) return nullptr;
      at = &(*at)[index];
    } else {
      return nullptr;
    }
  }
  return at;
}

class JsonAt : public ::testing::MatcherInterface<const HttpResponse&> {
 public:
  JsonAt(std::string path, nlohmann::json expected)
      : path_(std::move(path)), expected_(std::move(expected)) {}
  bool MatchAndExplain(const HttpResponse& r, MatchResultListener* l) const override {
    auto doc = nlohmann::json::parse(r.body, nullptr, false);
    if (doc.is_discarded()) {
      *l << "a body that is not JSON: " << detail::quoted(r.body);
      return false;
    }
    const nlohmann::json* at = json_at(doc, path_);
    if (!at) {
      *l << "nothing at JSON path " << path_;
      return false;
    }
    if (*at != expected_) {
      *l << at->dump() << " at JSON path " << path_;
      return false;
    }
    return true;
  }
  void DescribeTo(std::ostream* os) const override {
    *os << "JSON " << expected_.dump() << " at path " << path_;
  }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << "not JSON " << expected_.dump() << " at path " << path_;
  }

 private:
  std::string path_;
  nlohmann::json expected_;
};

class FasterThan : public ::testing::MatcherInterface<const HttpResponse&> {
 public:
  explicit FasterThan(milliseconds limit) : limit_(limit) {}
  bool MatchAndExplain(const HttpResponse& r, MatchResultListener* l) const override {
    bool ok = r.elapsed <= limit_;
    if (!ok) *l << "took " << r.elapsed.count() << " ms";
    return ok;
  }
  void DescribeTo(std::ostream* os) const override {
    *os << "an answer within " << limit_.count() << " ms";
  }
  void DescribeNegationTo(std::ostream* os) const override {
    *os << "an answer slower than " << limit_.count() << " ms";
  }

 private:
  milliseconds limit_;
};

class HttpCheck : public NodeCheck {
 public:
  HttpCheck(HttpRequest request, ::testing::Matcher<const HttpResponse&> response)
      : request_(std::move(request)), response_(std::move(response)) {
    request_.host = "127.0.0.1";  // the node's own loopback, inside its namespace
  }
  std::string what() const { return request_.method + " " + request_.url(); }
  std::string description() const override {
    return "answers " + what() + " with " + detail::describe<const HttpResponse&>(response_);
  }
  std::string negated_description() const override {
    return "does not answer " + what() + " with " +
           detail::describe<const HttpResponse&>(response_);
  }
  Observation observe(const ConvergedNode& node, milliseconds budget) const override {
    std::string error;
    int pid = detail::node_pid(node, &error);
    if (pid < 0) return {false, error};
    HttpRequest request = request_;
    request.timeout = std::min(request.timeout, budget);
    HttpResponse r = http_request(pid, request);
    if (!r.ok()) return {false, r.error + " on " + what()};
    std::string why;
    bool ok = detail::matches(response_, r, &why);
    std::string actual = what() + " answered " + std::to_string(r.status);
    if (!ok && !why.empty()) {
      actual += ": " + why;
    } else {
      actual += " with body " + detail::quoted(r.body, 120);
    }
    return {ok, actual};
  }

 private:
  HttpRequest request_;
  ::testing::Matcher<const HttpResponse&> response_;
};

}  // namespace

::testing::Matcher<const HttpResponse&> HttpStatus(::testing::Matcher<int> status) {
  return ::testing::MakeMatcher(new StatusIs(std::move(status)));
}
::testing::Matcher<const HttpResponse&> HttpBody(::testing::Matcher<const std::string&> body) {
  return ::testing::MakeMatcher(new BodyIs(std::move(body)));
}
::testing::Matcher<const HttpResponse&> HttpHeader(std::string name,
                                                   ::testing::Matcher<const std::string&> value) {
  return ::testing::MakeMatcher(new HeaderIs(std::move(name), std::move(value)));
}
::testing::Matcher<const HttpResponse&> HttpJsonAt(std::string path, nlohmann::json expected) {
  return ::testing::MakeMatcher(new JsonAt(std::move(path), std::move(expected)));
}
::testing::Matcher<const HttpResponse&> HttpFasterThan(std::chrono::milliseconds limit) {
  return ::testing::MakeMatcher(new FasterThan(limit));
}

NodeMatcher HttpResponds(HttpRequest request, ::testing::Matcher<const HttpResponse&> response) {
  return NodeMatcher(std::make_shared<HttpCheck>(std::move(request), std::move(response)));
}

NodeMatcher HttpGet(int port, std::string path, ::testing::Matcher<int> status,
                    ::testing::Matcher<const std::string&> body) {
  HttpRequest request;
  request.port = port;
  request.target = std::move(path);
  // A body matcher of `_` (the default) adds nothing worth reading to the description.
  if (detail::describe<const std::string&>(body) == "is anything") {
    return HttpResponds(std::move(request), HttpStatus(std::move(status)));
  }
  return HttpResponds(std::move(request),
                      ::testing::AllOf(HttpStatus(std::move(status)), HttpBody(std::move(body))));
}

}  // namespace proofbox::harness
