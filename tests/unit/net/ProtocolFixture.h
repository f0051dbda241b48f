#pragma once
// Shared by the protocol unit tests (BlockSync, AddressBook, Relay): a chain in memory on an
// easy copy of the test network (a block is solved in a few hashes), fake links, a clock moved
// by hand, and a channel that records misbehaviour instead of banning.
#include "core/chain/Chain.h"
#include "core/net/PeerChannel.h"
#include "core/util/Logger.h"
#include "tests/support/FakePeerLink.h"
#include "tests/support/MemoryChainStore.h"
#include "tests/support/SolveBlock.h"

#include <QString>
#include <vector>

namespace pb::test {

inline const NetworkParams& easyNet()
{
    static const NetworkParams params = [] {
        NetworkParams p = *networkByName("test");
        p.genesisBits = 0x207fffff;  // the network's proof-of-work limit: any few hashes will do
        return p;
    }();
    return params;
}

struct Misbehaviour {
    net::PeerId peer = 0;
    int score = 0;
    QString reason;
};

struct ProtocolFixture {
    MemoryChainStore store;
    Chain chain{easyNet(), store};
    FakeLinks links;
    ManualClock clock;
    std::vector<Misbehaviour> misbehaviour;
    net::PeerChannel channel{links, clock.clock(), [this](net::PeerId peer, int score, const QString& reason) {
                                 misbehaviour.push_back({peer, score, reason});
                             }};
    Logger log{false};

    ProtocolFixture() { chain.load(); }

    // `length` solved blocks on `parent`, a minute apart; `tag` makes branches from one parent differ.
    std::vector<Block> branch(const Hash256& parent, int length, uint8_t tag)
    {
        std::vector<Block> blocks;
        Hash256 prev = parent;
        const auto parentEntry = store.indexEntry(parent);
        uint64_t height = parentEntry ? parentEntry->height : 0;
        uint64_t time = parentEntry ? parentEntry->time : easyNet().genesisTime;
        crypto::AddressHash payTo;
        payTo.fill(tag);
        for (int i = 0; i < length; ++i) {
            blocks.push_back(coinbaseBlockOn(easyNet(), prev, ++height, time += 60, payTo));
            prev = blocks.back().hash();
        }
        return blocks;
    }
    Hash256 genesis() const { return easyNet().genesisHash(); }
    static std::vector<Hash256> hashes(const std::vector<Block>& blocks)
    {
        std::vector<Hash256> out;
        for (const Block& b : blocks) out.push_back(b.hash());
        return out;
    }
    static net::Headers headersOf(const std::vector<Block>& blocks)
    {
        net::Headers message;
        for (const Block& b : blocks) {
            const auto h = b.header.serialize();
            message.headers.emplace_back(h.begin(), h.end());
        }
        return message;
    }
};

} // namespace pb::test
