#include "core/net/InboundEviction.h"

#include <QCryptographicHash>

#include <algorithm>
#include <map>

namespace pb::net {

namespace {

using Candidates = std::vector<EvictionCandidate>;

// Removes up to `count` candidates that come first by `before`, among those `eligible` allows.
template <typename Before, typename Eligible>
void protect(Candidates& c, size_t count, Before before, Eligible eligible)
{
    std::stable_sort(c.begin(), c.end(), [&](const EvictionCandidate& a, const EvictionCandidate& b) {
        const bool ea = eligible(a), eb = eligible(b);
        if (ea != eb) return ea;
        return ea && before(a, b);
    });
    size_t n = 0;
    while (n < c.size() && n < count && eligible(c[n])) ++n;
    c.erase(c.begin(), c.begin() + long(n));
}

quint64 keyedGroupHash(const QByteArray& group, quint64 key)
{
    QByteArray data(reinterpret_cast<const char*>(&key), sizeof key);
    data += group;
    const QByteArray digest = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
    quint64 h = 0;
    for (int i = 0; i < 8; ++i) h = (h << 8) | quint8(digest[i]);
    return h;
}

} // namespace

std::optional<PeerId> selectInboundToEvict(Candidates c, quint64 groupKey, const EvictionProtection& protection)
{
    const auto always = [](const EvictionCandidate&) { return true; };
    // One peer (the longest connected) of each of a few groups chosen by a secret hash.
    {
        std::map<quint64, const EvictionCandidate*> byHash;
        for (const EvictionCandidate& e : c) {
            const quint64 h = keyedGroupHash(e.group, groupKey);
            auto& slot = byHash[h];
            if (!slot || e.connectedAtMs < slot->connectedAtMs) slot = &e;
        }
        std::vector<PeerId> kept;
        for (const auto& [hash, e] : byHash) {
            if (int(kept.size()) >= protection.distinctGroups) break;
            kept.push_back(e->id);
        }
        c.erase(std::remove_if(c.begin(), c.end(),
                               [&](const EvictionCandidate& e) { return std::count(kept.begin(), kept.end(), e.id) > 0; }),
                c.end());
    }
    protect(c, size_t(std::max(0, protection.recentBlocks)),
            [](const EvictionCandidate& a, const EvictionCandidate& b) { return a.lastBlockMs > b.lastBlockMs; },
            [](const EvictionCandidate& e) { return e.lastBlockMs > 0; });
    protect(c, size_t(std::max(0, protection.lowestPing)),
            [](const EvictionCandidate& a, const EvictionCandidate& b) { return a.minPingMs < b.minPingMs; },
            [](const EvictionCandidate& e) { return e.minPingMs >= 0; });
    protect(c, size_t(double(c.size()) * protection.longestConnectedShare),
            [](const EvictionCandidate& a, const EvictionCandidate& b) { return a.connectedAtMs < b.connectedAtMs; }, always);
    if (c.empty()) return std::nullopt;

    // The most crowded group (ties: the one with the newest connection) loses its newest peer.
    std::map<QByteArray, std::vector<const EvictionCandidate*>> groups;
    for (const EvictionCandidate& e : c) groups[e.group].push_back(&e);
    const std::vector<const EvictionCandidate*>* worst = nullptr;
    qint64 worstNewest = 0;
    for (const auto& [group, members] : groups) {
        qint64 newest = 0;
        for (const auto* m : members) newest = std::max(newest, m->connectedAtMs);
        if (!worst || members.size() > worst->size() || (members.size() == worst->size() && newest > worstNewest)) {
            worst = &members;
            worstNewest = newest;
        }
    }
    const auto* victim = *std::max_element(worst->begin(), worst->end(), [](const auto* a, const auto* b) {
        return a->connectedAtMs < b->connectedAtMs;
    });
    return victim->id;
}

} // namespace pb::net
