#!/usr/bin/env ruby
# Encrypts a plain data bag item as Chef::EncryptedDataBagItem does in format 3 (AES-256-GCM,
# the key SHA-256 of the stripped secret, each value wrapped as {"json_wrapper": VALUE}), with
# Ruby's openssl only — no Chef needed. The example's data_bags/secrets/webapp.json came from:
#
#   ruby tools/encrypt_data_bag_item.rb .chef/encrypted_data_bag_secret \
#     tools/secrets-webapp.plain.json > data_bags/secrets/webapp.json
require 'openssl'
require 'base64'
require 'json'

secret_file, plain_file = ARGV
abort 'usage: encrypt_data_bag_item.rb SECRET_FILE PLAIN_ITEM.json' unless plain_file
key = OpenSSL::Digest::SHA256.digest(File.read(secret_file).strip)
plain = JSON.parse(File.read(plain_file))

encrypted = { 'id' => plain.fetch('id') }
plain.each do |name, value|
  next if name == 'id'
  cipher = OpenSSL::Cipher.new('aes-256-gcm')
  cipher.encrypt
  cipher.key = key
  iv = cipher.random_iv
  cipher.iv = iv
  cipher.auth_data = ''
  data = cipher.update(JSON.generate({ 'json_wrapper' => value })) + cipher.final
  encrypted[name] = { 'encrypted_data' => Base64.encode64(data), 'iv' => Base64.encode64(iv),
                      'auth_tag' => Base64.encode64(cipher.auth_tag), 'version' => 3,
                      'cipher' => 'aes-256-gcm' }
end
puts JSON.pretty_generate(encrypted)
