#pragma once
// The one interface through which the desktop GUI and the REST API see the engine.
// Commands are asynchronous; status() and queries are thread-safe snapshots; events arrive
// as Qt signals (connect with a context object: dropping it unsubscribes).
#include "core/node/NodeConfig.h"
#include "core/node/BlockInfo.h"
#include "core/node/HistoryInfo.h"
#include "core/node/KnownNodeInfo.h"
#include "core/node/NodeSnapshot.h"
#include "core/node/NodeStatus.h"
#include "core/node/PhotoJobCheck.h"
#include "core/node/QueryError.h"
#include "core/node/TransactionInfo.h"
#include "core/util/Logger.h"

#include <QObject>
#include <QRect>
#include <memory>
#include <optional>

namespace pb {

// What the node's recognizer sees in a photo, for previews before a job is queued.
struct PhotoRecognitionInfo {
    struct Detection {
        QString label;
        double score = 0;
        QRect box;               // pixels of the working image (see workingLongSide)
    };
    QList<Detection> detections;  // best first
    QStringList claimable;        // labels a miner could claim for this photo
    int workingLongSide = 0;      // the recognizer's upright working image has this longer side
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
    // Active-chain blocks at heights fromHeight .. fromHeight+count-1 (fewer past the tip), read
    // in one go: what a view paging through a long chain asks for. Empty with *error on failure.
    virtual QList<BlockInfo> blocksFrom(quint64 fromHeight, int count, QueryError* error) const = 0;

    // Peers and bans, as of the engine's last snapshot.
    // The node catalogue in storage, most recently seen first, at most `max`; empty with *error
    // when storage fails.
    virtual QList<KnownNodeInfo> knownNodes(int max, QueryError* error) const = 0;
    virtual QList<PeerInfo> peers() const = 0;
    virtual QList<BanInfo> bans() const = 0;
    // False when no connected peer has this node id (hex) or connection id (decimal).
    virtual bool disconnectPeer(const QString& nodeIdOrConnection) = 0;
    // Bans an IP address for `seconds`; false (and *error) for an unparsable address or a
    // non-positive duration. Connections from it are closed.
    virtual bool ban(const QString& address, qint64 seconds, const QString& reason, QString* error) = 0;
    // False when the address is not banned.
    virtual bool unban(const QString& address) = 0;
    // The charts' history kept across restarts: one series over one range (HistoryInfo.h),
    // oldest bucket first; empty with *error when storage fails. Reads Redis, like the block
    // queries: call it off the GUI thread.
    virtual QList<HistoryPoint> history(HistorySeries series, HistoryRange range, QueryError* error) const = 0;

    // A stored photo by its hash (64 hex digits), and a JPEG thumbnail of it (cached on disk).
    virtual std::optional<QByteArray> photo(const QString& photoHash) const = 0;
    virtual std::optional<QByteArray> thumbnail(const QString& photoHash) const = 0;
    static constexpr int kThumbnailSide = 160;

    // Mining jobs, as of the engine's last snapshot, oldest first.
    virtual QList<PhotoJob> miningJobs() const = 0;
    virtual std::optional<PhotoJob> miningJob(const QString& id) const = 0;
    // The labels a job may claim; empty (with the reason) when this node cannot mine photos.
    virtual QStringList recognizerLabels(QString* problem = nullptr) const = 0;
    // The running recognizer's identity (hex SHA-256 over its model and parameters, what a
    // network pins); empty when none runs.
    virtual QString recognizerIdentity() const = 0;
    // Checks the request (photo size and type, label, vote, reward address) and queues it;
    // returns the queued job, or nullopt with *error (Malformed or Unavailable).
    virtual std::optional<PhotoJob> submitMiningJob(const PhotoJobRequest& request, QueryError* error) = 0;
    // NotFound for an unknown id, Conflict for a job already settled.
    virtual bool cancelMiningJob(const QString& id, QueryError* error) = 0;
    // Runs this node's recognizer on a photo without queuing anything: tens to hundreds of
    // milliseconds, so call it off the GUI thread. Malformed for an unusable photo (with the
    // decoder's reason), Unavailable when the node has no recognizer or is not running.
    virtual std::optional<PhotoRecognitionInfo> recognizePhoto(const QByteArray& photo, QueryError* error) const = 0;

    // Coins. Addresses are bech32m "pb1…" text; ids are 64 hex digits. Confirmed data comes from
    // storage, pending data from the persisted mempool: neither waits for the engine.
    virtual std::optional<AccountInfo> account(const QString& address, QueryError* error) const = 0;
    // Pending transfers first, then confirmed transactions newest first; at most `max`.
    virtual std::optional<QList<TransactionInfo>> addressHistory(const QString& address, int max, QueryError* error) const = 0;
    virtual std::optional<TransactionInfo> transaction(const QString& id, QueryError* error) const = 0;
    // Pending transfers, highest fee first.
    virtual QList<TransactionInfo> mempool(QueryError* error) const = 0;
    // Hands a signed transfer (its wire encoding) to the engine and waits up to a few seconds
    // for the mempool's verdict: call it off the GUI thread. A refusal sets error->code to the
    // reason (txErrorCode); Conflict for an already pending transfer, else Malformed.
    virtual std::optional<TransactionInfo> submitTransfer(const QByteArray& raw, QueryError* error) = 0;

signals:
    void started();
    void failed(const QString& reason);
    void statusChanged();
    void blockConnected(quint64 height, const QString& hash, bool minedHere);
    void logged(const pb::LogLine& line);
};

std::unique_ptr<Node> createNode(const NodeConfig& config);

} // namespace pb
