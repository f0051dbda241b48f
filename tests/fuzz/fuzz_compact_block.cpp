// Fuzz target for the compact block messages (CompactBlockCodec, framed by MessageCodec) and
// the rebuilding of a decoded compact block (PartialBlock): any input is decoded or rejected
// with a reason, an accepted one survives encode + decode unchanged, and rebuilding it against
// a small pool ends in a state with a reason for every refusal, never in a crash.
#include "core/net/CompactBlock.h"
#include "core/net/MessageCodec.h"

#include "tests/unit/net/MessageSamples.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void finding(const char* what, const QString& detail)
{
    std::fprintf(stderr, "fuzz_compact_block: %s: %s\n", what, qPrintable(detail));
    std::abort();
}

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
        finding("refused without a reason", QString::fromLatin1(pb::toHex(message.skeleton).substr(0, 64).c_str()));
    if (partial.state() == PartialBlock::State::Missing) {
        std::vector<pb::Bytes> filler(partial.missing().size(), pending.empty() ? pb::Bytes{0} : pending);
        partial.fill(filler);
    }
    if (partial.state() == PartialBlock::State::Complete && !pb::Block::parse(partial.blockBytes()))
        finding("a rebuilt block does not decode", QString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray frame = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const auto decoded = pb::net::decode(frame, &error);
    if (!decoded) {
        if (error.isEmpty()) finding("rejected without a reason", frame.left(64).toHex());
        return 0;
    }
    const auto again = pb::net::decode(pb::net::encode(*decoded), &error);
    if (!again) finding("re-encoded message rejected", error);
    if (!(*again == *decoded)) finding("round trip changed the message", pb::net::messageName(*decoded));
    if (const auto* compact = std::get_if<pb::net::CompactBlock>(&*decoded)) rebuild(*compact);
    return 0;
}
