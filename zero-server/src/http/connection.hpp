#pragma once
// Private to the HTTP server: a worker thread's io_context and the connections it serves.
//
// Each worker owns one io_context run by one thread, so a connection's handlers never run
// concurrently and need no strand or lock. The acceptor hands sockets to workers round-robin.
#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/basic_parser.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "proofbox/zero/http/message.hpp"
#include "proofbox/zero/http/server.hpp"

namespace proofbox::zero::http::detail {

namespace asio = boost::asio;
using Clock = std::chrono::steady_clock;
using Executor = asio::io_context::executor_type;
// Concrete executor types: no any_io_executor type erasure on the hot path.
using Socket = asio::basic_stream_socket<asio::ip::tcp, Executor>;
using Timer = asio::basic_waitable_timer<Clock, asio::wait_traits<Clock>, Executor>;

class Connection;

struct Worker {
  Worker(Handler& handler, const ServerOptions& options);
  ~Worker();

  // Runs the io_context on the calling thread until it runs out of work.
  void run();
  // Takes over an accepted socket (on this worker's thread).
  void adopt(Socket socket);
  // Closes every connection (on this worker's thread); new sockets are refused from then on.
  void close_all();

  Handler& handler;
  const ServerOptions& options;
  // Intrusive list of live connections; touched only on this worker's thread. Declared before
  // the io_context so it outlives the handlers the io_context destroys.
  Connection* connections = nullptr;
  bool stopping = false;
  asio::io_context ioc;
  std::optional<asio::executor_work_guard<Executor>> guard;
  std::thread thread;
};

// Beast's request parser writing straight into a reused Request: no beast::http::fields, so no
// allocation per header beyond what the Request's own strings need.
class RequestParser final : public boost::beast::http::basic_parser<true> {
 public:
  RequestParser(Request& request, std::string& target, std::uint64_t body_limit);

  int version() const { return version_; }
  bool expects_continue() const { return expect_continue_; }

 private:
  using string_view = boost::beast::string_view;
  using error_code = boost::beast::error_code;
  using verb = boost::beast::http::verb;
  using field = boost::beast::http::field;

  void on_request_impl(verb method, string_view method_str, string_view target, int version,
                       error_code& ec) override;
  void on_response_impl(int code, string_view reason, int version, error_code& ec) override;
  void on_field_impl(field name, string_view name_str, string_view value, error_code& ec) override;
  void on_header_impl(error_code& ec) override;
  void on_body_init_impl(const boost::optional<std::uint64_t>& content_length,
                         error_code& ec) override;
  std::size_t on_body_impl(string_view body, error_code& ec) override;
  void on_chunk_header_impl(std::uint64_t size, string_view extensions, error_code& ec) override;
  std::size_t on_chunk_body_impl(std::uint64_t remain, string_view body, error_code& ec) override;
  void on_finish_impl(error_code& ec) override;

  Request& request_;
  std::string& target_;
  std::size_t field_count_ = 0;
  int version_ = 11;
  bool expect_continue_ = false;
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Worker& worker, Socket socket);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  void start();
  // Closes the socket and cancels the timer; pending operations finish with operation_aborted
  // and the last one frees the connection.
  void close();

 private:
  friend struct Worker;
  enum class Phase { idle, header, body, respond, linger };

  void new_parser();
  void parse();
  void read();
  void on_read(const boost::system::error_code& ec, std::size_t n);
  void on_parse_error(const boost::system::error_code& ec);
  void send_continue();
  void on_request();
  void write_response(bool head_request, int version);
  void on_write(const boost::system::error_code& ec);
  void linger();
  void on_linger_read(const boost::system::error_code& ec, std::size_t n);
  void recycle_buffers();
  void set_deadline(Clock::time_point deadline);
  void on_timer(const boost::system::error_code& ec);

  Worker& worker_;
  Socket socket_;
  Timer timer_;
  Clock::time_point deadline_{};
  bool timer_pending_ = false;
  bool closed_ = false;
  bool close_after_write_ = false;
  bool continue_checked_ = false;
  Phase phase_ = Phase::header;
  std::size_t lingered_bytes_ = 0;

  boost::beast::flat_buffer buffer_;
  std::string target_;  // raw request-target of the current request
  std::string remote_;  // "address:port" of the peer
  Request request_;     // reused across requests to keep string capacity
  Response response_;
  std::optional<RequestParser> parser_;  // beast parsers cannot be reset: emplaced per request
  std::string head_;                     // serialized status line and header fields

  Connection* prev_ = nullptr;
  Connection* next_ = nullptr;
};

}  // namespace proofbox::zero::http::detail
