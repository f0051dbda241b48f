#pragma once
// The protocol's node catalogue (net::NodeCatalogue) over the Redis peer store. It lives in the
// node layer because only this layer sees both: storage sits below net and cannot implement a
// net interface, and net must not reach down into Redis.
#include "core/net/NodeCatalogue.h"
#include "core/storage/RedisPeerStore.h"

namespace pb {

class PeerStoreCatalogue final : public net::NodeCatalogue {
public:
    explicit PeerStoreCatalogue(storage::RedisPeerStore& store) : store_(store) {}

    void saveNode(const net::CatalogueNode& n) override
    {
        store_.saveNode({n.id, n.pack, n.signature, n.host, n.port, n.type, n.seen});
    }

    std::vector<net::CatalogueNode> nodes(size_t max) override
    {
        std::vector<net::CatalogueNode> out;
        for (const storage::NodeRecord& r : store_.nodes(max))
            out.push_back({r.id, r.pack, r.signature, r.host, r.port, r.type, r.seen});
        return out;
    }

    void removeNodes(const std::vector<Hash256>& ids) override { store_.removeNodes(ids); }
    void keepNewest(size_t max) override { store_.keepNewest(max); }

private:
    storage::RedisPeerStore& store_;
};

} // namespace pb
