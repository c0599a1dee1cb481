// The Docker runtime's error messages and request shapes, against a fake Engine on a unix
// socket that answers every request with canned responses and records what it was asked.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>

#include "runtime/docker_runtime.hpp"

namespace proofbox::harness::runtime {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;

struct Canned {
  int status;
  std::string body;
};

class FakeEngine {
 public:
  explicit FakeEngine(std::function<Canned(const std::string& request_line)> answer)
      : answer_(std::move(answer)) {
    path_ = (std::filesystem::temp_directory_path() /
             ("pbx-fake-docker-" + std::to_string(getpid()) + "-" + std::to_string(counter_++)))
                .string();
    std::filesystem::remove(path_);
    fd_ = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, path_.c_str(), sizeof addr.sun_path - 1);
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(listen(fd_, 8), 0);
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeEngine() {
    stop_ = true;
    shutdown(fd_, SHUT_RDWR);
    close(fd_);
    thread_.join();
    std::filesystem::remove(path_);
  }
  const std::string& path() const { return path_; }
  std::vector<std::string> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  void serve() {
    while (!stop_) {
      int client = accept(fd_, nullptr, nullptr);
      if (client < 0) return;
      std::string request;
      char buf[8192];
      // Headers, then as many body bytes as Content-Length says.
      size_t want = std::string::npos;
      while (true) {
        auto end = request.find("\r\n\r\n");
        if (end != std::string::npos && want == std::string::npos) {
          auto cl = request.find("Content-Length: ");
          size_t length = cl == std::string::npos ? 0 : std::stoul(request.substr(cl + 16));
          want = end + 4 + length;
        }
        if (want != std::string::npos && request.size() >= want) break;
        ssize_t n = read(client, buf, sizeof buf);
        if (n <= 0) break;
        request.append(buf, static_cast<size_t>(n));
      }
      auto line = request.substr(0, request.find("\r\n"));
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(request);
      }
      auto canned = answer_(line);
      std::string response = "HTTP/1.1 " + std::to_string(canned.status) +
                             " X\r\nContent-Type: application/json\r\nContent-Length: " +
                             std::to_string(canned.body.size()) + "\r\nConnection: close\r\n\r\n" +
                             canned.body;
      (void)!write(client, response.data(), response.size());
      close(client);
    }
  }
  static inline std::atomic<int> counter_{0};
  std::function<Canned(const std::string&)> answer_;
  std::string path_;
  int fd_ = -1;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> requests_;
};

std::string error_of(const std::function<void()>& action) {
  try {
    action();
  } catch (const RuntimeError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(DockerRuntimeErrors, AMissingImageNamesContainerImageAndQuotesTheEngine) {
  FakeEngine engine([](const std::string&) {
    return Canned{404, R"({"message":"No such image: proofbox/memcached:abc"})"};
  });
  DockerRuntime docker{DockerApi(engine.path())};
  ContainerSpec spec;
  spec.name = "proofbox-r1-memcached";
  spec.image = "proofbox/memcached:abc";
  spec.network = "proofbox-r1";
  EXPECT_THAT(error_of([&] { docker.start_container(spec); }),
              AllOf(HasSubstr("'proofbox-r1-memcached'"), HasSubstr("'proofbox/memcached:abc'"),
                    HasSubstr("No such image: proofbox/memcached:abc"), HasSubstr("HTTP 404"),
                    HasSubstr("proofbox image build")));
  auto requests = engine.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_THAT(requests[0], HasSubstr("POST /v1.41/containers/create?name=proofbox-r1-memcached"));
  EXPECT_THAT(requests[0], HasSubstr(R"("Cmd":["sleep","infinity"])"));
  EXPECT_THAT(requests[0], HasSubstr(R"("NetworkMode":"proofbox-r1")"));
}

TEST(DockerRuntimeErrors, RemovingAnAbsentContainerIsNotAnError) {
  FakeEngine engine([](const std::string&) {
    return Canned{404, R"({"message":"No such container: gone"})"};
  });
  DockerRuntime docker{DockerApi(engine.path())};
  EXPECT_NO_THROW(docker.remove_container("gone"));
  EXPECT_NO_THROW(docker.remove_network("gone"));
  EXPECT_THAT(engine.requests().at(0), HasSubstr("DELETE /v1.41/containers/gone?force=1&v=1"));
}

TEST(DockerRuntimeErrors, AnImportErrorInTheProgressStreamIsReported) {
  FakeEngine engine([](const std::string&) {
    return Canned{200,
                  "{\"status\":\"Downloading\"}\r\n{\"error\":\"archive/tar: invalid tar "
                  "header\",\"errorDetail\":{}}\r\n"};
  });
  DockerRuntime docker{DockerApi(engine.path())};
  auto tar = std::filesystem::temp_directory_path() / "pbx-not-a-tar";
  {
    std::FILE* f = std::fopen(tar.c_str(), "w");
    std::fputs("nope", f);
    std::fclose(f);
  }
  EXPECT_THAT(error_of([&] { docker.import_image("proofbox/x:1", tar.string()); }),
              AllOf(HasSubstr("'proofbox/x:1'"), HasSubstr("invalid tar header")));
  EXPECT_THAT(engine.requests().at(0),
              HasSubstr("POST /v1.41/images/create?fromSrc=-&repo=proofbox%2Fx&tag=1"));
  std::filesystem::remove(tar);
}

TEST(DockerRuntimeErrors, AnUnreachableSocketNamesTheSocket) {
  DockerRuntime docker{DockerApi("/nonexistent/docker.sock")};
  EXPECT_THAT(error_of([&] { docker.has_image("x"); }),
              AllOf(HasSubstr("/nonexistent/docker.sock"), HasSubstr("did not answer")));
  EXPECT_FALSE(DockerApi("/nonexistent/docker.sock").ping());
}

TEST(DockerRuntimeErrors, LeftoversAreFoundByTheRunLabel) {
  FakeEngine engine([](const std::string& line) {
    if (line.find("/containers/json") != std::string::npos) {
      return Canned{200, R"([{"Id":"c1","Names":["/proofbox-r7-web"],
                              "Labels":{"proofbox.run":"r7"}}])"};
    }
    return Canned{200, R"([{"Id":"n1","Name":"proofbox-r7","Labels":{"proofbox.run":"r7"}}])"};
  });
  DockerRuntime docker{DockerApi(engine.path())};
  auto found = docker.list_leftovers("r7");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].kind, Leftover::Kind::kContainer);
  EXPECT_EQ(found[0].name, "proofbox-r7-web");
  EXPECT_EQ(found[0].run_id, "r7");
  EXPECT_EQ(found[1].kind, Leftover::Kind::kNetwork);
  EXPECT_EQ(found[1].id, "n1");
  // filters={"label":["proofbox.run=r7"]}, percent-encoded.
  EXPECT_THAT(engine.requests().at(0),
              HasSubstr("filters=%7B%22label%22%3A%5B%22proofbox.run%3Dr7%22%5D%7D"));
}

TEST(ImageReference, SplitsRepositoryAndTag) {
  EXPECT_EQ(split_image_reference("proofbox/memcached:0123abcd"),
            (std::pair<std::string, std::string>{"proofbox/memcached", "0123abcd"}));
  EXPECT_EQ(split_image_reference("proofbox/memcached"),
            (std::pair<std::string, std::string>{"proofbox/memcached", "latest"}));
  EXPECT_EQ(split_image_reference("host:5000/a/b"),
            (std::pair<std::string, std::string>{"host:5000/a/b", "latest"}));
}

TEST(MakeRuntime, ASilentDockerSocketIsNamedWithHowToStartIt) {
  const char* saved = std::getenv("DOCKER_HOST");
  std::string previous = saved ? saved : "";
  setenv("DOCKER_HOST", "unix:///nonexistent/proofbox-test.sock", 1);
  EXPECT_EQ(default_docker_socket(), "/nonexistent/proofbox-test.sock");
  auto message = error_of([] { make_runtime("docker"); });
  if (saved) {
    setenv("DOCKER_HOST", previous.c_str(), 1);
  } else {
    unsetenv("DOCKER_HOST");
  }
  EXPECT_THAT(message, AllOf(HasSubstr("/nonexistent/proofbox-test.sock"), HasSubstr("dockerd"),
                             HasSubstr("ci/setup")));
}

TEST(MakeRuntime, AnUnknownChoiceSaysWhatIsAccepted) {
  EXPECT_THAT(error_of([] { make_runtime("podman"); }),
              AllOf(HasSubstr("'podman'"), HasSubstr("docker, lxc or auto")));
}

}  // namespace
}  // namespace proofbox::harness::runtime
