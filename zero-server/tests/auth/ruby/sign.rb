# Signs one request with the reference implementation (Debian's ruby-mixlib-authentication)
# and prints the headers it would send as a JSON object.
#
#   ruby sign.rb REQUEST.json
#
# REQUEST.json: {"key_path", "version" ("1.0"|"1.1"|"1.3"), "method", "path", "body",
#                "user_id", "timestamp", "server_api_version"}
#
# openssl must be loaded before mixlib: mixlib requires "openssl/digest" first, which makes
# OpenSSL::Digest clash with ::Digest under Ruby 3.1 ("superclass mismatch").
require "openssl"
require "json"
require "mixlib/authentication/signedheaderauth"

req = JSON.parse(File.read(ARGV.fetch(0)))
key = OpenSSL::PKey::RSA.new(File.read(req.fetch("key_path")))
signer = Mixlib::Authentication::SignedHeaderAuth.signing_object(
  http_method: req.fetch("method").downcase.to_sym,
  path: req.fetch("path"),
  body: req.fetch("body"),
  timestamp: req.fetch("timestamp"),
  user_id: req.fetch("user_id"),
  proto_version: req.fetch("version"),
  headers: { "X-Ops-Server-API-Version" => req.fetch("server_api_version") }
)
puts JSON.generate(signer.sign(key))
