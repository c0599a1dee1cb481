// build_image's caching decisions, against a mocked runtime and a pre-seeded tarball cache (no
// debootstrap, no containers).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "proofbox/harness/images.hpp"

namespace proofbox::harness {
namespace {

using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Return;

class MockRuntime : public Runtime {
 public:
  MOCK_METHOD(std::string, name, (), (const, override));
  MOCK_METHOD(Network, create_network, (const NetworkSpec&), (override));
  MOCK_METHOD(void, remove_network, (const std::string&), (override));
  MOCK_METHOD(std::string, start_container, (const ContainerSpec&), (override));
  MOCK_METHOD(void, remove_container, (const std::string&), (override));
  MOCK_METHOD(ExecResult, exec,
              (const std::string&, const std::vector<std::string>&, std::chrono::milliseconds,
               std::string_view),
              (override));
  MOCK_METHOD(void, put_file, (const std::string&, const std::string&, std::string_view, unsigned),
              (override));
  MOCK_METHOD(int, init_pid, (const std::string&), (override));
  MOCK_METHOD(std::string, address, (const std::string&), (override));
  MOCK_METHOD(std::vector<std::string>, shell_command, (const std::string&), (const, override));
  MOCK_METHOD(std::vector<Leftover>, list_leftovers, (std::optional<std::string>), (override));
  MOCK_METHOD(bool, has_image, (const std::string&), (override));
  MOCK_METHOD(void, import_image, (const std::string&, const std::string&), (override));
  MOCK_METHOD(void, tag_image, (const std::string&, const std::string&), (override));
};

class ImageBuild : public ::testing::Test {
 protected:
  void SetUp() override {
    cache_ = std::filesystem::temp_directory_path() /
             ("pbx-image-cache-" + std::to_string(getpid()) + "-" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(cache_);
    options_.cache_dir = cache_.string();
    options_.progress = [this](const std::string& line) { progress_ += line + "\n"; };
    ON_CALL(runtime_, name()).WillByDefault(Return("mock"));
  }
  void TearDown() override { std::filesystem::remove_all(cache_); }

  ImageSpec spec_ = parse_image_spec("name: web\npackages: [curl]\n", "web.yml");
  std::filesystem::path cache_;
  ImageBuildOptions options_;
  std::string progress_;
  ::testing::NiceMock<MockRuntime> runtime_;
};

TEST_F(ImageBuild, AnImageTheRuntimeHasIsOnlyReTaggedAndSaysSo) {
  EXPECT_CALL(runtime_, has_image(image_reference(spec_))).WillOnce(Return(true));
  EXPECT_CALL(runtime_, import_image(_, _)).Times(0);
  EXPECT_CALL(runtime_, tag_image(image_reference(spec_), "proofbox/web:latest"));
  auto result = build_image(spec_, runtime_, options_);
  EXPECT_TRUE(result.already_present);
  EXPECT_FALSE(result.debootstrapped);
  EXPECT_LT(result.seconds, 1.0);
  EXPECT_THAT(progress_, HasSubstr("already in mock (nothing to do)"));
}

TEST_F(ImageBuild, ACachedTarballIsImportedWithoutDebootstrap) {
  auto tar = cache_ / (image_hash(spec_) + ".tar");
  std::ofstream(tar) << "cached rootfs";
  EXPECT_CALL(runtime_, has_image(image_reference(spec_))).WillOnce(Return(false));
  EXPECT_CALL(runtime_, import_image(image_reference(spec_), tar.string()));
  EXPECT_CALL(runtime_, tag_image(image_reference(spec_), "proofbox/web:latest"));
  auto result = build_image(spec_, runtime_, options_);
  EXPECT_FALSE(result.already_present);
  EXPECT_FALSE(result.debootstrapped);
  EXPECT_EQ(result.reference, image_reference(spec_));
  EXPECT_THAT(progress_, HasSubstr("using cached root filesystem"));
}

TEST_F(ImageBuild, AnImportFailureLeavesTheCacheForTheNextTry) {
  auto tar = cache_ / (image_hash(spec_) + ".tar");
  std::ofstream(tar) << "cached rootfs";
  EXPECT_CALL(runtime_, has_image(_)).WillOnce(Return(false));
  EXPECT_CALL(runtime_, import_image(_, _))
      .WillOnce(::testing::Throw(RuntimeError("mock: importing image: disk full")));
  EXPECT_THROW(build_image(spec_, runtime_, options_), RuntimeError);
  EXPECT_TRUE(std::filesystem::exists(tar));
}

}  // namespace
}  // namespace proofbox::harness
