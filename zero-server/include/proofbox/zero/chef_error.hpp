#pragma once
// The one error type of the Chef layer. Anything that rejects input throws it with the HTTP
// status the real Chef server would answer and the messages for its {"error": [...]} body, so
// the model, the store and the HTTP API report the same failure the same way.
#include <stdexcept>
#include <string>
#include <vector>

namespace proofbox::zero {

class ChefError : public std::runtime_error {
 public:
  ChefError(int status, std::string message)
      : std::runtime_error(message), status_(status), messages_{std::move(message)} {}
  ChefError(int status, std::vector<std::string> messages)
      : std::runtime_error(messages.empty() ? std::string() : messages.front()),
        status_(status),
        messages_(std::move(messages)) {}

  int status() const { return status_; }
  const std::vector<std::string>& messages() const { return messages_; }

 private:
  int status_;
  std::vector<std::string> messages_;
};

// Shorthands for the statuses the API uses most.
inline ChefError bad_request(std::string m) {
  return ChefError(400, std::move(m));
}
inline ChefError not_found(std::string m) {
  return ChefError(404, std::move(m));
}
inline ChefError conflict(std::string m) {
  return ChefError(409, std::move(m));
}
inline ChefError forbidden(std::string m) {
  return ChefError(403, std::move(m));
}

}  // namespace proofbox::zero
