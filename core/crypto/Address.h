#pragma once
// Account addresses: 20-byte key hash (first 20 bytes of SHA-256 of the Ed25519 public key)
// with a checksummed text form: bech32m (BIP-350), human-readable part "pb".
#include "core/crypto/Ed25519.h"

namespace pb::crypto {

using AddressHash = std::array<uint8_t, 20>;

AddressHash addressFromPublicKey(const PublicKey& key);
std::string encodeAddress(const AddressHash& a);
// nullopt on a wrong prefix, wrong length, mixed case, invalid character or bad checksum.
std::optional<AddressHash> decodeAddress(std::string_view text);

// The bech32m layer under the address format, exposed for tests. Data values are 5-bit
// (0..31) and exclude the checksum; a decoded hrp is lower case.
struct Bech32mParts {
    std::string hrp;
    std::vector<uint8_t> data;
};
std::string bech32mEncode(std::string_view hrp, const std::vector<uint8_t>& data);
// nullopt unless `text` is a valid BIP-350 bech32m string (at most 90 characters).
std::optional<Bech32mParts> bech32mDecode(std::string_view text);

} // namespace pb::crypto
