#include "core/net/AddressBook.h"

#include "core/chain/ChainStore.h"
#include "core/net/DialableHost.h"

namespace pb::net {

namespace {

// A lost connection waits 1 s, 2 s, 4 s... after each failure; a failed dial starts at 1 s too
// and grows one step further. Both stop growing at kMaxBackoffMs.
qint64 backoffMs(int failures, qint64 baseMs, int maxShift)
{
    return std::min<qint64>(AddressBook::kMaxBackoffMs, baseMs << std::min(failures, maxShift));
}

} // namespace

std::optional<Endpoint> dialableEndpoint(const QString& host, quint16 port)
{
    const auto canonical = dialableHost(host);
    if (!canonical || port == 0) return std::nullopt;
    return Endpoint{*canonical, port};
}

AddressBook::AddressBook(AddressBookSettings settings, const Hash256& ownId, NodeCatalogue& catalogue, PeerChannel& channel,
                         Logger& log, DialHooks hooks, RandomBelow random)
    : settings_(settings), ownId_(ownId), keeper_(catalogue, ownId), channel_(channel), log_(log), hooks_(std::move(hooks)),
      table_(std::move(random))
{
}

void AddressBook::addSeeds(const QStringList& seeds)
{
    for (const QString& seed : seeds) {
        const int colon = seed.lastIndexOf(':');
        QString host = seed.left(colon);
        if (host.startsWith('[') && host.endsWith(']')) host = host.mid(1, host.size() - 2);  // [::1]:port
        const auto endpoint = dialableEndpoint(host, quint16(seed.mid(colon + 1).toUInt()));
        if (!endpoint) {
            log_.warning(QString("seed %1 is not a host:port this node can dial; ignored").arg(seed));
            continue;
        }
        AddressEntry entry;
        entry.endpoint = *endpoint;
        entry.seed = true;
        table_.add(entry, channel_.nowMs());
    }
}

void AddressBook::loadCatalogue()
{
    try {
        for (const CatalogueNode& n : keeper_.load()) {
            const auto endpoint = dialableEndpoint(n.host, n.port);
            if (!endpoint || n.id == ownId_) continue;
            AddressEntry entry;
            entry.endpoint = *endpoint;
            entry.nodeId = n.id;
            entry.type = n.type;
            entry.verified = true;
            table_.add(entry, channel_.nowMs());
        }
    } catch (const StoreError& e) {
        log_.warning(QString("cannot read the node catalogue: %1").arg(e.what()));
    }
}

void AddressBook::noteNode(const QString& host, quint16 port, const Hash256& nodeId, const QByteArray& source)
{
    if (nodeId == ownId_) return;
    const auto endpoint = dialableEndpoint(host, port);
    if (!endpoint) return;
    AddressEntry entry;
    entry.endpoint = *endpoint;
    entry.source = source;
    entry.nodeId = nodeId;
    table_.add(entry, channel_.nowMs());
}

void AddressBook::recordVerified(const NodePack& pack, const QString& host, bool weDialled)
{
    CatalogueNode node;
    node.id = pack.id;
    node.pack = pack.signedBytes();
    node.signature.assign(pack.signature.begin(), pack.signature.end());
    node.host = host;
    node.port = pack.port;
    node.type = pack.type;
    node.seen = qint64(channel_.nowSeconds());
    try {
        keeper_.record(node);
    } catch (const StoreError& e) {
        log_.warning(QString("cannot record node %1: %2").arg(hexOf(pack.id).left(16), e.what()));
    }
    const auto endpoint = dialableEndpoint(host, pack.port);
    if (!endpoint) return;
    AddressEntry entry;
    entry.endpoint = *endpoint;
    entry.nodeId = pack.id;
    entry.type = pack.type;
    entry.verified = true;
    if (weDialled) {
        table_.markGood(entry, channel_.nowMs());
    } else {
        entry.source = hostGroup(endpoint->host);  // an inbound node vouches only for itself
        table_.add(entry, channel_.nowMs());
    }
}

Peers AddressBook::knownPeers()
{
    Peers answer;
    for (const AddressEntry& e : table_.sample(kMaxPeersAnswered, channel_.nowMs()))
        answer.peers.push_back({e.endpoint.host, e.endpoint.port, e.nodeId, e.type, e.lastSeenMs / 1000});
    return answer;
}

std::optional<Endpoint> AddressBook::linkOpened(PeerId link)
{
    const auto it = dialing_.find(link);
    if (it == dialing_.end()) return std::nullopt;
    const Endpoint endpoint = it->second;
    dialing_.erase(it);
    return endpoint;
}

void AddressBook::linkClosed(PeerId link, const std::optional<Endpoint>& dialed)
{
    dialing_.erase(link);
    if (!dialed) return;
    if (AddressEntry* t = table_.find(dialed->key())) t->nextAttemptMs = channel_.nowMs() + backoffMs(t->failures, 1000, 6);
}

void AddressBook::dialFailed(const QString& host, quint16 port, const QString& reason)
{
    const Endpoint endpoint{host, port};
    for (auto it = dialing_.begin(); it != dialing_.end();)
        it = it->second.key() == endpoint.key() ? dialing_.erase(it) : std::next(it);
    AddressEntry* t = table_.markFailed(endpoint.key());
    if (!t) return;  // dropped after too many failures, or gone
    t->nextAttemptMs = channel_.nowMs() + backoffMs(t->failures, 500, 7);
    if (t->failures == 1 || t->seed) log_.info(QString("cannot reach %1:%2: %3").arg(host).arg(port).arg(reason));
}

void AddressBook::markSelf(const Endpoint& endpoint)
{
    selfAddresses_.insert(endpoint.key());
    table_.remove(endpoint.key());
}

bool AddressBook::dialable(const AddressEntry& target, const std::set<QString>& connected, qint64 now)
{
    const QString key = target.endpoint.key();
    if (connected.count(key) || selfAddresses_.count(key) || target.nextAttemptMs > now) return false;
    const bool loopback = target.endpoint.host == "127.0.0.1" || target.endpoint.host == "::1" || target.endpoint.host == "localhost";
    if (loopback && target.endpoint.port == settings_.listenPort) return false;  // our own listener
    const QHostAddress address(target.endpoint.host);
    return address.isNull() || !hooks_.isBanned(address);
}

void AddressBook::maintainOutbound(const std::vector<Endpoint>& connectedEndpoints, int outbound)
{
    std::set<QString> connected;
    for (const Endpoint& e : connectedEndpoints) {
        const auto canonical = dialableEndpoint(e.host, e.port);
        connected.insert(canonical ? canonical->key() : e.key());
    }
    for (const auto& [id, endpoint] : dialing_) connected.insert(endpoint.key());
    outbound += int(dialing_.size());
    const qint64 now = channel_.nowMs();
    if (now >= nextPruneMs_) {
        table_.pruneTerrible(now);
        nextPruneMs_ = now + kPruneIntervalMs;
    }
    // Seeds first (they are how a node finds the rest of the network), then tried and new
    // entries in turn, each in random order, as addrman's Select() favours neither.
    std::vector<QString> seeds, tried, fresh, order;
    for (const AddressEntry* e : table_.shuffled())
        (e->seed ? seeds : e->tried ? tried : fresh).push_back(e->endpoint.key());
    order = seeds;
    for (size_t i = 0; i < std::max(tried.size(), fresh.size()); ++i) {
        if (i < tried.size()) order.push_back(tried[i]);
        if (i < fresh.size()) order.push_back(fresh[i]);
    }
    std::vector<QString> refused;
    for (const QString& key : order) {
        if (outbound >= settings_.targetOutbound || !hooks_.dialSlotFree()) break;
        AddressEntry* target = table_.find(key);
        if (!target || !dialable(*target, connected, now)) continue;
        target->nextAttemptMs = now + backoffMs(target->failures, 1000, 6);
        const PeerId dialed = hooks_.dial(target->endpoint.host, target->endpoint.port);
        if (dialed == 0) {
            refused.push_back(key);  // the transport cannot dial it: drop it, dial the next
            continue;
        }
        dialing_[dialed] = target->endpoint;
        connected.insert(key);
        ++outbound;
    }
    for (const QString& key : refused) {
        log_.info(QString("dropped %1 from the address book: the transport cannot dial it").arg(key));
        table_.remove(key);
    }
}

} // namespace pb::net
