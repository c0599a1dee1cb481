#include "connection.hpp"

#include <array>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <cstdio>
#include <exception>
#include <utility>

#include "proofbox/zero/chef_error.hpp"
#include "wire.hpp"

namespace proofbox::zero::http::detail {
namespace {

namespace bhttp = boost::beast::http;
using boost::system::error_code;

constexpr std::uint32_t kHeaderLimit = 64u << 10;      // request line + fields
constexpr std::size_t kReadSize = 16u << 10;           // per read while waiting for a header
constexpr std::size_t kBodyReadSize = 64u << 10;       // per read while a large body arrives
constexpr std::size_t kKeepCapacity = 1u << 20;        // larger per-connection buffers are freed
constexpr auto kLingerTime = std::chrono::seconds(2);  // draining input before an error close
constexpr std::size_t kLingerBytes = 16u << 20;

void to_lower_ascii(std::string& s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

void to_upper_ascii(std::string& s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
}

std::string format_endpoint(const asio::ip::tcp::endpoint& ep) {
  auto address = ep.address();
  std::string out = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  out.push_back(':');
  out.append(std::to_string(ep.port()));
  return out;
}

void shrink_if_large(std::string& s) {
  if (s.capacity() > kKeepCapacity) std::string().swap(s);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// RequestParser

RequestParser::RequestParser(Request& request, std::string& target, std::uint64_t body_limit)
    : request_(request), target_(target) {
  this->body_limit(body_limit);
  this->header_limit(kHeaderLimit);
  this->eager(true);
}

void RequestParser::on_request_impl(verb, string_view method_str, string_view target, int version,
                                    error_code&) {
  request_.method.assign(method_str.data(), method_str.size());
  to_upper_ascii(request_.method);
  target_.assign(target.data(), target.size());
  version_ = version;
  field_count_ = 0;
  request_.body.clear();
}

void RequestParser::on_response_impl(int, string_view, int, error_code& ec) {
  ec = bhttp::error::bad_method;  // never called for a request parser
}

void RequestParser::on_field_impl(field name, string_view name_str, string_view value,
                                  error_code&) {
  auto& headers = request_.headers;
  if (field_count_ < headers.size()) {
    // Assigning into the strings of the previous request keeps their capacity.
    headers[field_count_].first.assign(name_str.data(), name_str.size());
    headers[field_count_].second.assign(value.data(), value.size());
  } else {
    headers.emplace_back(std::string(name_str.data(), name_str.size()),
                         std::string(value.data(), value.size()));
  }
  to_lower_ascii(headers[field_count_].first);
  ++field_count_;
  if (name == field::expect && boost::beast::iequals(value, "100-continue")) {
    expect_continue_ = true;
  }
}

void RequestParser::on_header_impl(error_code&) {
  request_.headers.resize(field_count_);
}

void RequestParser::on_body_init_impl(const boost::optional<std::uint64_t>& content_length,
                                      error_code&) {
  // The parser has already refused lengths over the body limit.
  if (content_length) request_.body.reserve(static_cast<std::size_t>(*content_length));
}

std::size_t RequestParser::on_body_impl(string_view body, error_code&) {
  request_.body.append(body.data(), body.size());
  return body.size();
}

void RequestParser::on_chunk_header_impl(std::uint64_t, string_view, error_code&) {}

std::size_t RequestParser::on_chunk_body_impl(std::uint64_t, string_view body, error_code&) {
  request_.body.append(body.data(), body.size());
  return body.size();
}

void RequestParser::on_finish_impl(error_code&) {}

// ---------------------------------------------------------------------------------------------
// Worker

Worker::Worker(Handler& h, const ServerOptions& o)
    : handler(h), options(o), ioc(1), guard(asio::make_work_guard(ioc.get_executor())) {}

Worker::~Worker() {
  if (thread.joinable()) thread.join();
}

void Worker::run() {
  for (;;) {
    try {
      ioc.run();
      return;
    } catch (const std::exception& e) {
      // Connection code catches what handlers throw; this is the last line (e.g. bad_alloc).
      std::fprintf(stderr, "proofbox http: worker error: %s\n", e.what());
    } catch (...) {
      std::fprintf(stderr, "proofbox http: worker error\n");
    }
  }
}

void Worker::adopt(Socket socket) {
  if (stopping) return;  // the socket closes as it goes out of scope
  std::make_shared<Connection>(*this, std::move(socket))->start();
}

void Worker::close_all() {
  stopping = true;
  for (Connection* c = connections; c != nullptr; c = c->next_) c->close();
}

// ---------------------------------------------------------------------------------------------
// Connection

Connection::Connection(Worker& worker, Socket socket)
    : worker_(worker), socket_(std::move(socket)), timer_(worker.ioc.get_executor()) {
  next_ = worker_.connections;
  if (next_ != nullptr) next_->prev_ = this;
  worker_.connections = this;
}

Connection::~Connection() {
  if (prev_ != nullptr) {
    prev_->next_ = next_;
  } else {
    worker_.connections = next_;
  }
  if (next_ != nullptr) next_->prev_ = prev_;
}

void Connection::start() {
  error_code ec;
  socket_.set_option(asio::ip::tcp::no_delay(true), ec);
  auto endpoint = socket_.remote_endpoint(ec);
  if (ec) {  // already gone
    close();
    return;
  }
  remote_ = format_endpoint(endpoint);
  // The first request's header must arrive within header_timeout of the connection.
  phase_ = Phase::header;
  set_deadline(Clock::now() + worker_.options.header_timeout);
  new_parser();
  read();
}

void Connection::close() {
  if (closed_) return;
  closed_ = true;
  error_code ec;
  socket_.close(ec);
  timer_.cancel();
}

void Connection::new_parser() {
  parser_.emplace(request_, target_, static_cast<std::uint64_t>(worker_.options.max_body_bytes));
  continue_checked_ = false;
}

// Feeds buffered bytes to the parser until it needs more input or has a whole request.
void Connection::parse() {
  for (;;) {
    if (buffer_.size() == 0) return read();
    error_code ec;
    std::size_t n = parser_->put(buffer_.data(), ec);
    buffer_.consume(n);
    if (ec == bhttp::error::need_more) return read();
    if (ec) return on_parse_error(ec);
    if (parser_->is_done()) return on_request();
    if (!continue_checked_ && parser_->is_header_done()) {
      continue_checked_ = true;
      if (parser_->expects_continue() && parser_->version() >= 11) return send_continue();
    }
    if (n == 0) return read();
  }
}

void Connection::read() {
  if (closed_) return;
  std::size_t want = kReadSize;
  if (phase_ == Phase::idle && (buffer_.size() > 0 || parser_->got_some())) {
    // First bytes of a request on a kept-alive connection: now the header clock runs.
    phase_ = Phase::header;
    set_deadline(Clock::now() + worker_.options.header_timeout);
  }
  if (phase_ == Phase::header && parser_->is_header_done()) {
    phase_ = Phase::body;
    set_deadline(Clock::now() + worker_.options.body_timeout);
  }
  if (phase_ == Phase::body) {
    auto remaining = parser_->content_length_remaining();
    if (!remaining || *remaining > kReadSize) want = kBodyReadSize;
  }
  socket_.async_read_some(
      buffer_.prepare(want),
      [self = shared_from_this()](const error_code& ec, std::size_t n) { self->on_read(ec, n); });
}

void Connection::on_read(const error_code& ec, std::size_t n) {
  if (ec || closed_) {
    close();  // EOF, reset, timeout or stop; a partial request is dropped
    return;
  }
  buffer_.commit(n);
  parse();
}

void Connection::on_parse_error(const error_code& ec) {
  int version = parser_->version();
  Response response;
  if (ec == bhttp::error::body_limit) {
    response =
        wire::error_response(413, "Request body too large (limit " +
                                      std::to_string(worker_.options.max_body_bytes) + " bytes)");
  } else if (ec == bhttp::error::header_limit) {
    response = wire::error_response(
        431, "Request header too large (limit " + std::to_string(kHeaderLimit) + " bytes)");
  } else {
    response = wire::error_response(400, "Malformed HTTP request: " + ec.message());
  }
  response_ = std::move(response);
  close_after_write_ = true;
  write_response(false, version);
}

void Connection::send_continue() {
  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()),
                    [self = shared_from_this()](const error_code& ec, std::size_t) {
                      if (ec || self->closed_) {
                        self->close();
                        return;
                      }
                      self->parse();
                    });
}

void Connection::on_request() {
  phase_ = Phase::respond;
  bool keep_alive = parser_->keep_alive();
  int version = parser_->version();
  request_.remote.assign(remote_);
  bool head_request = request_.method == "HEAD";
  try {
    parse_target(target_, request_);
    response_ = worker_.handler.handle(request_);
  } catch (const DropConnection&) {
    close();
    return;
  } catch (const ChefError& e) {
    response_ = wire::error_response(e.status(), e.messages());
  } catch (const std::exception& e) {
    response_ = wire::error_response(500, std::string("internal error: ") + e.what());
  } catch (...) {
    response_ = wire::error_response(500, "internal error");
  }
  close_after_write_ = !keep_alive;
  write_response(head_request, version);
}

void Connection::write_response(bool head_request, int version) {
  if (closed_) return;
  auto info = wire::serialize_head(head_, response_, head_request, !close_after_write_, version);
  close_after_write_ = info.close_after;
  // Writing must make progress like an idle connection would; this never moves the timer
  // earlier on the keep-alive path, so it costs no timer re-arm.
  set_deadline(Clock::now() + worker_.options.idle_timeout);
  std::array<asio::const_buffer, 2> buffers{
      asio::buffer(head_), info.send_body ? asio::buffer(response_.body) : asio::const_buffer()};
  asio::async_write(
      socket_, buffers,
      [self = shared_from_this()](const error_code& ec, std::size_t) { self->on_write(ec); });
}

void Connection::on_write(const error_code& ec) {
  if (ec || closed_) {
    close();
    return;
  }
  if (close_after_write_) {
    linger();
    return;
  }
  recycle_buffers();
  phase_ = Phase::idle;
  set_deadline(Clock::now() + worker_.options.idle_timeout);
  new_parser();
  parse();  // a pipelined request may already be buffered
}

// Closing right after a response would reset the connection if the client is still sending
// (an oversized body, pipelined requests), and a reset can destroy the response before the
// client reads it. So: send FIN, then read and discard for a short while.
void Connection::linger() {
  error_code ec;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ec);
  if (ec) {
    close();
    return;
  }
  phase_ = Phase::linger;
  lingered_bytes_ = 0;
  buffer_.clear();
  auto linger_until = Clock::now() + kLingerTime;
  set_deadline(std::min(linger_until, Clock::now() + worker_.options.header_timeout));
  socket_.async_read_some(buffer_.prepare(kBodyReadSize),
                          [self = shared_from_this()](const error_code& e, std::size_t n) {
                            self->on_linger_read(e, n);
                          });
}

void Connection::on_linger_read(const error_code& ec, std::size_t n) {
  lingered_bytes_ += n;
  if (ec || closed_ || lingered_bytes_ > kLingerBytes) {
    close();
    return;
  }
  socket_.async_read_some(buffer_.prepare(kBodyReadSize),
                          [self = shared_from_this()](const error_code& e, std::size_t m) {
                            self->on_linger_read(e, m);
                          });
}

void Connection::recycle_buffers() {
  shrink_if_large(request_.body);
  shrink_if_large(response_.body);
  if (buffer_.size() == 0 && buffer_.capacity() > kKeepCapacity) buffer_.shrink_to_fit();
}

// One timer per connection, re-armed only when a deadline moves earlier; a deadline that
// moves later is picked up when the timer fires.
void Connection::set_deadline(Clock::time_point deadline) {
  deadline_ = deadline;
  if (closed_ || (timer_pending_ && timer_.expiry() <= deadline)) return;
  timer_.expires_at(deadline);  // cancels a pending wait, whose handler then does nothing
  timer_pending_ = true;
  timer_.async_wait([self = shared_from_this()](const error_code& ec) { self->on_timer(ec); });
}

void Connection::on_timer(const error_code& ec) {
  if (ec == asio::error::operation_aborted || closed_) return;
  timer_pending_ = false;
  if (Clock::now() >= deadline_) {
    close();  // header, body, idle, write or linger time is up
    return;
  }
  timer_.expires_at(deadline_);
  timer_pending_ = true;
  timer_.async_wait([self = shared_from_this()](const error_code& e) { self->on_timer(e); });
}

}  // namespace proofbox::zero::http::detail
