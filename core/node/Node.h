#pragma once
// The one interface through which the desktop GUI and the REST API see the engine.
// Commands are asynchronous; status() and queries are thread-safe snapshots; events arrive
// as Qt signals (connect with a context object: dropping it unsubscribes).
#include "core/node/NodeConfig.h"
#include "core/node/NodeStatus.h"

#include <QObject>
#include <memory>
#include <optional>

namespace pb {

struct QueryError {
    enum Kind { Malformed, NotFound, Unavailable };
    Kind kind = NotFound;
    QString message;
};

class Node : public QObject {
    Q_OBJECT
public:
    ~Node() override = default;

    // Starts the engine thread: storage, chain, miner. Emits started() or failed().
    virtual void start() = 0;
    // Stops mining, flushes and stops storage, joins the engine thread. Blocks briefly.
    virtual void stop() = 0;

    virtual NodeStatus status() const = 0;
    virtual void startMining(int threads) = 0;
    virtual void stopMining() = 0;

    // A block by height (decimal) or hash (64 hex digits); on nullopt *error says why.
    virtual std::optional<BlockInfo> findBlock(const QString& heightOrHash, QueryError* error) const = 0;

    // Peers and bans, as of the engine's last snapshot.
    virtual QList<PeerInfo> peers() const = 0;
    virtual QList<BanInfo> bans() const = 0;
    // False when no connected peer has this node id (hex) or connection id (decimal).
    virtual bool disconnectPeer(const QString& nodeIdOrConnection) = 0;
    // Bans an IP address for `seconds`; false (and *error) for an unparsable address or a
    // non-positive duration. Connections from it are closed.
    virtual bool ban(const QString& address, qint64 seconds, const QString& reason, QString* error) = 0;
    // False when the address is not banned.
    virtual bool unban(const QString& address) = 0;

signals:
    void started();
    void failed(const QString& reason);
    void statusChanged();
    void blockConnected(quint64 height, const QString& hash, bool minedHere);
    void logged(const pb::LogLine& line);
};

std::unique_ptr<Node> createNode(const NodeConfig& config);

} // namespace pb
