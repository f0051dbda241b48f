// Fuzz target for bech32m text: a decoded string re-encodes to itself (lower-cased), and an
// address decodes to a key hash that encodes back to the same address.
#include "core/crypto/Address.h"
#include "tests/fuzz/FuzzSupport.h"

#include <algorithm>
#include <cctype>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string lower = text;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (const auto parts = pb::crypto::bech32mDecode(text)) {
        if (parts->hrp.empty() || std::any_of(parts->data.begin(), parts->data.end(), [](uint8_t v) { return v > 31; }))
            pb::fuzz::finding("fuzz_address", "a decoded string with an empty hrp or a value over 31");
        if (pb::crypto::bech32mEncode(parts->hrp, parts->data) != lower)
            pb::fuzz::finding("fuzz_address", "bech32m decode + encode changed the text", text);
    }
    if (const auto address = pb::crypto::decodeAddress(text))
        if (pb::crypto::encodeAddress(*address) != lower)
            pb::fuzz::finding("fuzz_address", "an address does not encode back to itself", text);
    return 0;
}
