#pragma once
// The transactions one peer certainly holds: those it announced or sent to us and those we
// sent it. Relay pushes a block compact only to a peer holding every transfer in it; to any
// other peer a compact block would cost a getblocktxn round trip per hop, more than the few
// hundred bytes per transfer it saves. Bounded: the oldest ids are forgotten first (a peer
// merely looks less informed, and gets whole blocks). Compare Bitcoin Core's per-peer
// m_tx_inventory_known_filter.
#include "core/util/Bytes.h"

#include <cstring>
#include <deque>
#include <unordered_set>
#include <vector>

namespace pb::net {

class KnownTransactions {
public:
    static constexpr size_t kCapacity = 4096;  // ~0.3 MB per peer; above a busy minute's transfers

    void add(const Hash256& id)
    {
        if (!ids_.insert(id).second) return;
        order_.push_back(id);
        if (order_.size() > kCapacity) {
            ids_.erase(order_.front());
            order_.pop_front();
        }
    }
    bool containsAll(const std::vector<Hash256>& ids) const
    {
        for (const Hash256& id : ids)
            if (!ids_.count(id)) return false;
        return true;
    }
    size_t size() const { return ids_.size(); }

private:
    struct IdHash {
        size_t operator()(const Hash256& h) const  // transaction ids are hashes: any 8 bytes do
        {
            size_t v = 0;
            std::memcpy(&v, h.data(), sizeof v);
            return v;
        }
    };
    std::unordered_set<Hash256, IdHash> ids_;
    std::deque<Hash256> order_;
};

} // namespace pb::net
