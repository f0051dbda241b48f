// Fuzz target for the compact block messages (CompactBlockCodec, framed by MessageCodec) and
// the rebuilding of a decoded compact block (PartialBlock): any input is decoded or rejected
// with a reason, an accepted one survives encode + decode unchanged, and rebuilding it against
// a small pool ends in a state with a reason for every refusal, never in a crash.
#include "core/net/CompactBlock.h"
#include "tests/fuzz/MessageRoundTrip.h"

namespace {

[[noreturn]] void finding(const char* what, const std::string& detail) { pb::fuzz::finding("fuzz_compact_block", what, detail); }

void rebuild(const pb::net::CompactBlock& message)
{
    using pb::net::PartialBlock;
    // The pool: the skeleton's own bytes as a "transaction", so ids sometimes match.
    const pb::Bytes pending = message.skeleton;
    const pb::net::PendingTransfers pool = [&](const std::function<void(const pb::Hash256&, const pb::Bytes&)>& visit) {
        visit(pb::txId(pending), pending);
    };
    PartialBlock partial(message, *pb::networkByName("test"), pool);
    if (partial.state() == PartialBlock::State::Invalid && partial.reason().isEmpty())
        finding("refused without a reason", pb::toHex(message.skeleton).substr(0, 64));
    if (partial.state() == PartialBlock::State::Missing) {
        std::vector<pb::Bytes> filler(partial.missing().size(), pending.empty() ? pb::Bytes{0} : pending);
        partial.fill(filler);
    }
    if (partial.state() == PartialBlock::State::Complete && !pb::Block::parse(partial.blockBytes()))
        finding("a rebuilt block does not decode", {});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const auto decoded = pb::fuzz::decodeAndRoundTrip("fuzz_compact_block", data, size);
    if (const auto* compact = decoded ? std::get_if<pb::net::CompactBlock>(&*decoded) : nullptr) rebuild(*compact);
    return 0;
}
