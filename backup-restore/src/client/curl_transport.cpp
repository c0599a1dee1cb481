#include "proofbox/backup/client/curl_transport.hpp"

#include <curl/curl.h>

#include <cctype>
#include <mutex>
#include <stdexcept>

namespace proofbox::backup::client {
namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

TransportError classify(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return TransportError::kTimeout;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_SSL_CONNECT_ERROR:
      return TransportError::kConnection;
    default:
      return TransportError::kFatal;
  }
}

// One request in flight: what curl writes into and what must outlive the transfer.
struct Slot {
  std::size_t index = 0;
  curl_slist* headers = nullptr;
  TransportResult* result = nullptr;
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  static_cast<TransportResult*>(user)->body.append(data, size * n);
  return size * n;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* result = static_cast<TransportResult*>(user);
  std::string_view line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) {
    result->headers.clear();  // a new status line (after 100 Continue or a redirect)
    return size * n;
  }
  auto colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  std::string name(line.substr(0, colon));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  result->headers.emplace_back(std::move(name), std::string(value));
  return size * n;
}

}  // namespace

struct CurlTransport::Impl {
  CurlOptions options;
  CURLM* multi = nullptr;
  std::vector<CURL*> idle;  // finished easy handles, reused so their connections stay warm
  long opened = 0;

  CURL* take_easy() {
    if (!idle.empty()) {
      CURL* easy = idle.back();
      idle.pop_back();
      curl_easy_reset(easy);
      return easy;
    }
    CURL* easy = curl_easy_init();
    if (easy == nullptr) throw std::runtime_error("curl_easy_init failed");
    return easy;
  }

  void setup(CURL* easy, const TransportRequest& req, Slot& slot) {
    curl_easy_setopt(easy, CURLOPT_URL, req.url.c_str());
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, req.method.c_str());
    if (req.method == "HEAD") curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
    if (req.method == "POST" || req.method == "PUT" || !req.body.empty()) {
      curl_easy_setopt(easy, CURLOPT_POSTFIELDS, req.body.data());
      curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(req.body.size()));
    }
    for (const auto& [name, value] : req.headers) {
      slot.headers = curl_slist_append(slot.headers, (name + ": " + value).c_str());
    }
    // No "Expect: 100-continue" round trip before bodies.
    slot.headers = curl_slist_append(slot.headers, "Expect:");
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, slot.headers);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, slot.result);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, slot.result);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);  // prefer multiplexing on an open h2 link
    curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, options.insecure ? 0L : 1L);
    curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, options.insecure ? 0L : 2L);
    if (!options.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, options.ca_file.c_str());
    curl_easy_setopt(easy, CURLOPT_PRIVATE, &slot);
  }
};

CurlTransport::CurlTransport(CurlOptions options) : impl_(std::make_unique<Impl>()) {
  global_init();
  if (options.concurrency == 0) options.concurrency = 1;
  impl_->options = std::move(options);
  impl_->multi = curl_multi_init();
  if (impl_->multi == nullptr) throw std::runtime_error("curl_multi_init failed");
  long n = static_cast<long>(impl_->options.concurrency);
  curl_multi_setopt(impl_->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, n);
  curl_multi_setopt(impl_->multi, CURLMOPT_MAXCONNECTS, n * 2);
}

CurlTransport::~CurlTransport() {
  for (CURL* easy : impl_->idle) curl_easy_cleanup(easy);
  curl_multi_cleanup(impl_->multi);
}

long CurlTransport::connections_opened() const {
  return impl_->opened;
}

std::vector<TransportResult> CurlTransport::perform(const std::vector<TransportRequest>& requests) {
  std::vector<TransportResult> results(requests.size());
  std::vector<Slot> slots(requests.size());
  std::size_t next = 0;
  std::size_t active = 0;
  auto& impl = *impl_;

  auto start_next = [&] {
    Slot& slot = slots[next];
    slot.index = next;
    slot.result = &results[next];
    CURL* easy = impl.take_easy();
    impl.setup(easy, requests[next], slot);
    CURLMcode mc = curl_multi_add_handle(impl.multi, easy);
    if (mc != CURLM_OK) {
      results[next].error = TransportError::kFatal;
      results[next].error_message = curl_multi_strerror(mc);
      curl_slist_free_all(slot.headers);
      slot.headers = nullptr;
      impl.idle.push_back(easy);
    } else {
      ++active;
    }
    ++next;
  };

  while (next < requests.size() || active > 0) {
    while (active < impl.options.concurrency && next < requests.size()) start_next();
    int running = 0;
    CURLMcode mc = curl_multi_perform(impl.multi, &running);
    if (mc != CURLM_OK) throw std::runtime_error(std::string("curl: ") + curl_multi_strerror(mc));
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(impl.multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      Slot* slot = nullptr;
      curl_easy_getinfo(easy, CURLINFO_PRIVATE, reinterpret_cast<char**>(&slot));
      TransportResult& result = *slot->result;
      if (msg->data.result == CURLE_OK) {
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &result.status);
      } else {
        result.status = 0;
        result.error = classify(msg->data.result);
        char* url = nullptr;
        curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &url);
        result.error_message = std::string(curl_easy_strerror(msg->data.result)) + " (" +
                               (url != nullptr ? url : "") + ")";
      }
      long connects = 0;
      curl_easy_getinfo(easy, CURLINFO_NUM_CONNECTS, &connects);
      impl.opened += connects;
      curl_multi_remove_handle(impl.multi, easy);
      curl_slist_free_all(slot->headers);
      slot->headers = nullptr;
      impl.idle.push_back(easy);
      --active;
    }
    if (active > 0 && (next >= requests.size() || active >= impl.options.concurrency)) {
      curl_multi_poll(impl.multi, nullptr, 0, 200, nullptr);
    }
  }
  return results;
}

}  // namespace proofbox::backup::client
