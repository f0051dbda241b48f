// Fuzz target for block headers: exactly 88 bytes parse (anything else is refused), and a
// parsed header serialises back to the same bytes, so its hash is the hash of what was sent.
#include "core/chain/BlockHeader.h"
#include "tests/fuzz/FuzzSupport.h"

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto header = pb::BlockHeader::parse(data, size);
    if (!header) return 0;
    if (size != pb::BlockHeader::kSize) pb::fuzz::finding("fuzz_block_header", "a header of the wrong size parsed");
    const auto bytes = header->serialize();
    if (!std::equal(bytes.begin(), bytes.end(), data))
        pb::fuzz::finding("fuzz_block_header", "a parsed header does not serialise to its input");
    const auto again = pb::BlockHeader::parse(bytes.data(), bytes.size());
    if (!again || !(*again == *header)) pb::fuzz::finding("fuzz_block_header", "round trip changed the header");
    return 0;
}
