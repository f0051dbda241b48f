#pragma once
// Keeps the node catalogue bounded. Every verified handshake records its node, and a node id
// costs nothing to make, so without a bound one address could add an entry per handshake
// (500 throwaway handshakes made 501 entries). At most kMaxNodes nodes are kept, and at most
// kMaxPerGroup from one address group (an IPv4 /24, an IPv6 /64, or one host name): a new node
// from a full group replaces that group's node seen longest ago; a new node in a full
// catalogue replaces the node seen longest ago in the largest group, so honest nodes in small
// groups outlive a flood from a few large ones. Our own node's record is never evicted.
// Engine thread only; store failures throw StoreError to the caller.
#include "core/net/NodeCatalogue.h"

#include <QByteArray>
#include <map>
#include <optional>
#include <set>

namespace pb::net {

class CatalogueKeeper {
public:
    static constexpr size_t kMaxNodes = 1024;
    static constexpr size_t kMaxPerGroup = 16;

    CatalogueKeeper(NodeCatalogue& catalogue, const Hash256& ownId) : catalogue_(catalogue), ownId_(ownId) {}

    // Start-up: trims the catalogue to the bounds (it may predate them) and returns what is
    // left, most recently seen first.
    std::vector<CatalogueNode> load();
    // Inserts or replaces the node, evicting to stay within the bounds.
    void record(const CatalogueNode& node);
    size_t size() const { return known_.size(); }

private:
    struct Known {
        QByteArray group;
        qint64 seen = 0;
    };
    // The node to evict so that one from `group` fits; nullopt when none needs to go.
    std::optional<Hash256> evictionFor(const QByteArray& group) const;
    void forget(const Hash256& id);

    NodeCatalogue& catalogue_;
    const Hash256 ownId_;
    std::map<Hash256, Known> known_;
    std::map<QByteArray, std::set<Hash256>> byGroup_;
};

// The group a catalogue host belongs to: netGroup() of an IP address, the name itself otherwise.
QByteArray hostGroup(const QString& host);

} // namespace pb::net
