#pragma once
// The node catalogue as the protocol needs it: nodes whose signed node pack this node has
// verified, to dial after a restart and to answer getpeers. Methods throw StoreError
// (core/chain/ChainStore.h) when the store behind them fails.
//
// Why the interface lives here and not in core/storage: dependencies point
// node -> net -> storage, so storage cannot see a net header, and net must not reach down
// into Redis. The node layer, which sees both, adapts storage::RedisPeerStore to this
// interface (core/node/PeerStoreCatalogue.h); tests use an in-memory one.
#include "core/util/Bytes.h"

#include <QString>
#include <vector>

namespace pb::net {

struct CatalogueNode {
    Hash256 id{};
    Bytes pack;          // the node pack's signed encoding
    Bytes signature;     // 64 bytes
    QString host;        // where it accepts peers ("" when unknown)
    quint16 port = 0;
    QString type;        // head / seed / full / mobile
    qint64 seen = 0;     // seconds since the epoch
};

class NodeCatalogue {
public:
    virtual ~NodeCatalogue() = default;
    // Insert or replace by id.
    virtual void saveNode(const CatalogueNode& node) = 0;
    // Most recently seen first, at most `max`.
    virtual std::vector<CatalogueNode> nodes(size_t max) = 0;
    virtual void removeNodes(const std::vector<Hash256>& ids) = 0;
    // Deletes all but the `max` most recently seen nodes.
    virtual void keepNewest(size_t max) = 0;
};

} // namespace pb::net
