#include "proofbox/zero/http/server.hpp"

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "connection.hpp"

namespace proofbox::zero::http {

namespace asio = boost::asio;
using boost::system::error_code;
using tcp = asio::ip::tcp;

struct Server::Impl {
  Impl(Handler& h, ServerOptions o) : handler(h), options(std::move(o)) {}

  void listen();
  void accept();
  std::string host_port() const;

  Handler& handler;
  const ServerOptions options;
  std::mutex mutex;  // start() and stop() only; nothing on the request path
  bool started = false;
  bool stopped = false;
  std::atomic<unsigned short> bound_port{0};
  std::vector<std::unique_ptr<detail::Worker>> workers;
  // Both live on workers[0]'s io_context.
  std::optional<asio::basic_socket_acceptor<tcp, detail::Executor>> acceptor;
  std::optional<detail::Timer> accept_retry;
  std::size_t next_worker = 0;
};

std::string Server::Impl::host_port() const {
  bool v6 = options.host.find(':') != std::string::npos;
  std::string host = v6 ? "[" + options.host + "]" : options.host;
  return host + ":" + std::to_string(bound_port != 0 ? bound_port.load() : options.port);
}

void Server::Impl::listen() {
  auto& ioc = workers.front()->ioc;
  auto fail = [&](const error_code& ec) {
    // what(): "cannot listen on 127.0.0.1:8889: Address already in use"
    throw std::system_error(static_cast<std::error_code>(ec), "cannot listen on " + host_port());
  };
  error_code ec;
  tcp::resolver resolver(ioc);
  auto endpoints = resolver.resolve(options.host, std::to_string(options.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec) fail(ec);
  error_code last = asio::error::host_not_found;
  for (const auto& entry : endpoints) {
    asio::basic_socket_acceptor<tcp, detail::Executor> a(ioc.get_executor());
    tcp::endpoint endpoint = entry.endpoint();
    if (a.open(endpoint.protocol(), ec) || a.set_option(tcp::acceptor::reuse_address(true), ec) ||
        a.bind(endpoint, ec) || a.listen(asio::socket_base::max_listen_connections, ec)) {
      last = ec;
      continue;
    }
    bound_port = a.local_endpoint().port();
    acceptor.emplace(std::move(a));
    return;
  }
  fail(last);
}

// One acceptor on worker 0 hands connections to the workers in turn, so a handful of busy
// keep-alive connections spread evenly over the threads.
void Server::Impl::accept() {
  auto& target = *workers[next_worker];
  next_worker = (next_worker + 1) % workers.size();
  acceptor->async_accept(target.ioc, [this, &target](const error_code& ec, detail::Socket socket) {
    if (ec == asio::error::operation_aborted || !acceptor->is_open()) return;
    if (!ec) {
      if (&target == workers.front().get()) {
        target.adopt(std::move(socket));
      } else {
        asio::post(target.ioc,
                   [&target, s = std::move(socket)]() mutable { target.adopt(std::move(s)); });
      }
    } else if (ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
               ec == asio::error::no_memory || ec.value() == ENFILE) {
      // Out of file descriptors: back off instead of spinning on the same error.
      accept_retry->expires_after(std::chrono::milliseconds(50));
      accept_retry->async_wait([this](const error_code& e) {
        if (!e && acceptor->is_open()) accept();
      });
      return;
    }
    accept();
  });
}

Server::Server(Handler& handler, ServerOptions options)
    : impl_(std::make_unique<Impl>(handler, std::move(options))) {}

Server::~Server() {
  stop();
}

void Server::start() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->started) throw std::logic_error("proofbox http: Server::start() called twice");
  impl_->started = true;
  unsigned threads = impl_->options.threads;
  if (threads == 0) threads = std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  for (unsigned i = 0; i < threads; ++i) {
    impl_->workers.push_back(std::make_unique<detail::Worker>(impl_->handler, impl_->options));
  }
  try {
    impl_->listen();
  } catch (...) {
    impl_->workers.clear();
    impl_->started = false;
    throw;
  }
  impl_->accept_retry.emplace(impl_->workers.front()->ioc.get_executor());
  impl_->accept();
  for (auto& worker : impl_->workers) {
    worker->thread = std::thread([w = worker.get()] { w->run(); });
  }
}

unsigned short Server::port() const {
  return impl_->bound_port;
}

std::string Server::url() const {
  return "http://" + impl_->host_port();
}

const ServerOptions& Server::options() const {
  return impl_->options;
}

void Server::stop() {
  std::lock_guard lock(impl_->mutex);
  if (!impl_->started || impl_->stopped) return;
  impl_->stopped = true;
  auto& workers = impl_->workers;
  asio::post(workers.front()->ioc, [impl = impl_.get()] {
    error_code ec;
    impl->acceptor->close(ec);
    impl->accept_retry->cancel();
  });
  for (auto& worker : workers) {
    asio::post(worker->ioc, [w = worker.get()] { w->close_all(); });
    worker->guard.reset();
  }
  for (auto& worker : workers) {
    if (worker->thread.joinable()) worker->thread.join();
  }
  // Everything is idle now: drop what is left (sockets handed over during shutdown) on this
  // thread, acceptor first since it lives on worker 0's io_context.
  impl_->accept_retry.reset();
  impl_->acceptor.reset();
  workers.clear();
}

}  // namespace proofbox::zero::http
