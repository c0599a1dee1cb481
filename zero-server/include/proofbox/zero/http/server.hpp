#pragma once
// The HTTP/1.1 server under the Chef API: Boost.Beast's parser on Boost.Asio sockets, one
// io_context per worker thread, keep-alive and pipelining, limits and timeouts. It knows nothing
// about Chef: it turns bytes into a Request, asks the Handler, and writes the Response back.
//
//   MyHandler handler;
//   Server server(handler, {.port = 0});
//   server.start();                 // throws std::system_error when it cannot listen
//   ... server.url() ...            // "http://127.0.0.1:PORT"
//   server.stop();                  // also done by the destructor
//
// The Handler is called concurrently from all worker threads and must be thread-safe. Requests
// on one connection are answered one at a time, in order.
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "proofbox/zero/http/message.hpp"

namespace proofbox::zero::http {

struct ServerOptions {
  std::string host = "127.0.0.1";           // an address or a name that resolves to one
  unsigned short port = 8889;               // 0 = pick a free port (see Server::port())
  unsigned threads = 0;                     // 0 = std::thread::hardware_concurrency()
  std::size_t max_body_bytes = 64u << 20;   // larger bodies: 413 with a Chef-style JSON body
  std::chrono::seconds header_timeout{30};  // slowloris: the whole header must arrive in this time
  std::chrono::seconds idle_timeout{60};    // keep-alive connection with no request
  std::chrono::seconds body_timeout{120};   // whole body after the header; also writing a response
};

class Server {
 public:
  Server(Handler& handler, ServerOptions options);
  ~Server();  // stops and joins

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, starts the worker threads and returns. Throws std::system_error naming
  // host:port ("cannot listen on 127.0.0.1:8889: Address already in use") when it cannot listen,
  // std::logic_error when called twice.
  void start();

  // The bound port (the chosen one when options.port was 0); 0 before start().
  unsigned short port() const;

  // "http://HOST:PORT" with the bound port; IPv6 hosts in brackets.
  std::string url() const;

  // Stops accepting, closes every connection, joins the threads. Idempotent; returns once all
  // worker threads are gone (a handler call in progress is allowed to finish first).
  void stop();

  const ServerOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace proofbox::zero::http
