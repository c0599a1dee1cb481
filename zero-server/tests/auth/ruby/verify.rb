# Verifies one signed request with the reference implementation (Debian's
# ruby-mixlib-authentication) against the current clock and prints {"ok": bool, "error": text}.
#
#   ruby verify.rb REQUEST.json
#
# REQUEST.json: {"public_key_path", "method", "path", "body", "headers": {name: value},
#                "skew" (seconds)}
require "openssl"  # before mixlib: see sign.rb
require "digest"
require "json"
require "mixlib/authentication/signatureverification"

# The Rack-like request mixlib reads: env with HTTP_* headers, method, path, params, raw_post.
FakeRequest = Struct.new(:env, :method, :path, :params, :raw_post)

req = JSON.parse(File.read(ARGV.fetch(0)))
env = { "HTTP_HOST" => "localhost" }  # mixlib insists on Host; it signs nothing with it
req.fetch("headers").each { |name, value| env["HTTP_" + name.upcase.tr("-", "_")] = value }
request = FakeRequest.new(env, req.fetch("method"), req.fetch("path"), {}, req.fetch("body"))
public_key = OpenSSL::PKey::RSA.new(File.read(req.fetch("public_key_path")))

begin
  verifier = Mixlib::Authentication::SignatureVerification.new
  result = verifier.authenticate_user_request(request, public_key, req.fetch("skew", 900))
  puts JSON.generate("ok" => !result.nil?, "error" => result ? "" : "signature, timestamp or content hash did not verify")
rescue Mixlib::Authentication::AuthenticationError => e
  puts JSON.generate("ok" => false, "error" => e.message)
end
