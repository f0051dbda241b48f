#include "core/net/CatalogueKeeper.h"

#include "core/net/NetGroup.h"

#include <QHostAddress>

namespace pb::net {

QByteArray hostGroup(const QString& host)
{
    const QHostAddress address(host);
    return address.isNull() ? "name:" + host.toLower().toUtf8() : netGroup(address);
}

std::vector<CatalogueNode> CatalogueKeeper::load()
{
    known_.clear();
    byGroup_.clear();
    catalogue_.keepNewest(kMaxNodes);
    std::vector<CatalogueNode> kept;
    std::vector<Hash256> surplus;
    for (CatalogueNode& node : catalogue_.nodes(kMaxNodes)) {
        const QByteArray group = hostGroup(node.host);
        // Most recent first: a group already full here keeps its newer nodes.
        if (node.id != ownId_ && byGroup_[group].size() >= kMaxPerGroup) {
            surplus.push_back(node.id);
            continue;
        }
        known_[node.id] = {group, node.seen};
        byGroup_[group].insert(node.id);
        kept.push_back(std::move(node));
    }
    if (!surplus.empty()) catalogue_.removeNodes(surplus);
    return kept;
}

std::optional<Hash256> CatalogueKeeper::evictionFor(const QByteArray& group) const
{
    const auto oldestOf = [this](const std::set<Hash256>& ids) -> std::optional<Hash256> {
        std::optional<Hash256> oldest;
        for (const Hash256& id : ids)
            if (id != ownId_ && (!oldest || known_.at(id).seen < known_.at(*oldest).seen)) oldest = id;
        return oldest;
    };
    const auto own = byGroup_.find(group);
    if (own != byGroup_.end() && own->second.size() >= kMaxPerGroup) return oldestOf(own->second);
    if (known_.size() < kMaxNodes) return std::nullopt;
    const std::set<Hash256>* largest = nullptr;
    for (const auto& [g, ids] : byGroup_)
        if (!largest || ids.size() > largest->size()) largest = &ids;
    return oldestOf(*largest);
}

void CatalogueKeeper::forget(const Hash256& id)
{
    const auto it = known_.find(id);
    if (it == known_.end()) return;
    auto group = byGroup_.find(it->second.group);
    group->second.erase(id);
    if (group->second.empty()) byGroup_.erase(group);
    known_.erase(it);
}

void CatalogueKeeper::record(const CatalogueNode& node)
{
    const QByteArray group = hostGroup(node.host);
    forget(node.id);  // a known node may have moved to another group
    if (node.id != ownId_) {
        if (const auto evicted = evictionFor(group)) {
            catalogue_.removeNodes({*evicted});
            forget(*evicted);
        }
    }
    catalogue_.saveNode(node);
    known_[node.id] = {group, node.seen};
    byGroup_[group].insert(node.id);
}

} // namespace pb::net
