#include "core/net/AddressBook.h"

#include "core/chain/ChainStore.h"

namespace pb::net {

namespace {

// A lost connection waits 1 s, 2 s, 4 s... after each failure; a failed dial starts at 1 s too
// and grows one step further. Both stop growing at kMaxBackoffMs.
qint64 backoffMs(int failures, qint64 baseMs, int maxShift)
{
    return std::min<qint64>(AddressBook::kMaxBackoffMs, baseMs << std::min(failures, maxShift));
}

} // namespace

AddressBook::AddressBook(AddressBookSettings settings, const Hash256& ownId, NodeCatalogue& catalogue, PeerChannel& channel,
                         Logger& log, DialHooks hooks)
    : settings_(settings), ownId_(ownId), catalogue_(catalogue), channel_(channel), log_(log), hooks_(std::move(hooks))
{
}

void AddressBook::addSeeds(const QStringList& seeds)
{
    for (const QString& seed : seeds) {
        const int colon = seed.lastIndexOf(':');
        noteCandidate(seed.left(colon), quint16(seed.mid(colon + 1).toUInt()), true);
    }
}

void AddressBook::loadCatalogue()
{
    try {
        for (const CatalogueNode& n : catalogue_.nodes(kCatalogueNodesLoaded)) noteNode(n.host, n.port, n.id);
    } catch (const StoreError& e) {
        log_.warning(QString("cannot read the node catalogue: %1").arg(e.what()));
    }
}

void AddressBook::noteNode(const QString& host, quint16 port, const Hash256& nodeId)
{
    if (nodeId != ownId_) noteCandidate(host, port, false);
}

void AddressBook::noteCandidate(const QString& host, quint16 port, bool seed)
{
    if (host.isEmpty() || port == 0) return;
    const Endpoint endpoint{host, port};
    DialTarget& t = targets_[endpoint.key()];
    t.endpoint = endpoint;
    t.seed = t.seed || seed;
}

void AddressBook::recordVerified(const NodePack& pack, const QString& host)
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
        catalogue_.saveNode(node);
    } catch (const StoreError& e) {
        log_.warning(QString("cannot record node %1: %2").arg(hexOf(pack.id).left(16), e.what()));
    }
    if (pack.port != 0) {
        const Endpoint endpoint{host, pack.port};
        DialTarget& t = targets_[endpoint.key()];
        t.endpoint = endpoint;
        t.failures = 0;
    }
}

Peers AddressBook::knownPeers()
{
    Peers answer;
    for (const CatalogueNode& n : catalogue_.nodes(kMaxPeersAnswered))
        if (n.port != 0 && !n.host.isEmpty()) answer.peers.push_back({n.host, n.port, n.id, n.type, n.seen});
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
    DialTarget& t = targets_[dialed->key()];
    t.nextAttemptMs = channel_.nowMs() + backoffMs(t.failures, 1000, 6);
}

void AddressBook::dialFailed(const QString& host, quint16 port, const QString& reason)
{
    const Endpoint endpoint{host, port};
    for (auto it = dialing_.begin(); it != dialing_.end();)
        it = it->second.key() == endpoint.key() ? dialing_.erase(it) : std::next(it);
    DialTarget& t = targets_[endpoint.key()];
    ++t.failures;
    t.nextAttemptMs = channel_.nowMs() + backoffMs(t.failures, 500, 7);
    if (t.failures == 1 || t.seed) log_.info(QString("cannot reach %1:%2: %3").arg(host).arg(port).arg(reason));
}

bool AddressBook::isOwnListener(const Endpoint& endpoint) const
{
    return endpoint.port == settings_.listenPort && (endpoint.host == "127.0.0.1" || endpoint.host == "localhost");
}

void AddressBook::maintainOutbound(const std::vector<Endpoint>& connectedEndpoints, int outbound)
{
    std::set<QString> connected;
    for (const Endpoint& e : connectedEndpoints) connected.insert(e.key());
    for (const auto& [id, endpoint] : dialing_) connected.insert(endpoint.key());
    outbound += int(dialing_.size());
    const qint64 now = channel_.nowMs();
    // Seeds first: they are how a node finds the rest of the network.
    for (bool seedsOnly : {true, false}) {
        for (auto& [key, target] : targets_) {
            if (outbound >= settings_.targetOutbound) return;
            if (target.seed != seedsOnly || connected.count(key) || selfAddresses_.count(key) || target.nextAttemptMs > now)
                continue;
            if (isOwnListener(target.endpoint)) continue;
            const QHostAddress address(target.endpoint.host);
            if (!address.isNull() && hooks_.isBanned(address)) continue;
            target.nextAttemptMs = now + backoffMs(target.failures, 1000, 6);
            const PeerId dialed = hooks_.dial(target.endpoint.host, target.endpoint.port);
            if (dialed == 0) return;  // the transport has too many dials pending
            dialing_[dialed] = target.endpoint;
            connected.insert(key);
            ++outbound;
        }
    }
}

} // namespace pb::net
