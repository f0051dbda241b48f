#pragma once
// The engine's composition root: lives on its own thread, builds the parts in order (data
// directory, storage, chain, photo jobs, mempool, network, block producer), wires them, fans a
// chain change out to them, and takes them down in reverse. Each part does one job in its own
// file; LocalNode (the Node façade) drives the engine with queued calls.
#include "core/chain/Chain.h"
#include "core/crypto/Address.h"
#include "core/crypto/Ed25519.h"
#include "core/mempool/SignatureCache.h"
#include "core/node/NodeConfig.h"
#include "core/node/StatusPublisher.h"
#include "core/util/Logger.h"

#include <QHostAddress>
#include <QLockFile>
#include <QObject>
#include <QTimer>
#include <memory>

namespace pb {

class BlockPruner;
class PhotoJobQueue;
class TransferPool;
struct MempoolAdmission;

namespace net {
class ConnectionManager;
class PeerManager;
} // namespace net

namespace photo {
class Recognizer;
} // namespace photo

namespace storage {
struct RedisEndpoint;
} // namespace storage

namespace node {
class BanList;
class BlockProducer;
class PhotoVerifier;
class StorageSession;
class TrafficHistory;
} // namespace node

class NodeEngine : public QObject {
    Q_OBJECT
public:
    using SnapshotSink = node::StatusPublisher::SnapshotSink;

    // While this many blocks or more behind the best header, "connected block" is logged for
    // every this-many-th block only (and always for the rest).
    static constexpr uint64_t kSyncLogEvery = 1000;

    NodeEngine(const NodeConfig& config, Logger& log, SnapshotSink publish);
    ~NodeEngine() override;

    // Both run on the engine thread. initialize() returns an empty string on success or the
    // reason the node cannot run.
    QString initialize();
    void shutdown();

    void startMining(int threads);
    void stopMining();
    void ban(const QHostAddress& address, qint64 seconds, const QString& reason);
    void unban(const QString& address);
    void disconnectPeer(quint64 connectionId);
    void submitPhotoJob(const PhotoJob& job, const QByteArray& photo);
    void cancelPhotoJob(const QString& id);
    // Admits a signed transfer to the mempool and relays it (to all peers but `fromPeer`).
    MempoolAdmission submitTransfer(const Bytes& raw, const QString& source, quint64 fromPeer = 0);
    // Mobile mode: asks full peers for the body of a block this node pruned.
    void fetchPrunedBody(const Hash256& hash);

    // The recognizer (null when none could be created; its recognize() is thread-safe), for
    // previews through the façade.
    const photo::Recognizer* recognizer() const { return recognizer_.get(); }

    // Where the chain lives, for the façade's read-only connection.
    std::optional<storage::RedisEndpoint> storageEndpoint() const;
    QString dataDirectory() const { return config_.dataDir; }

signals:
    void blockConnected(quint64 height, const QString& hash, bool minedHere);
    // The embedded redis-server kept dying and its supervisor gave up: nothing can be stored.
    void storageFailed(const QString& reason);

private:
    QString prepareDataDir();
    QString chooseRewardAddress();
    QString startChain();
    QString startNetwork();
    void checkRecognizer(const QString& creationError);
    void reportChainChange(const AcceptResult& result, bool minedHere);
    void publishStatus() { publisher_.publish(); }
    void saveNodePack();
    void reloadChain();
    void startPruning();
    void pruneBodies();
    void restorePrunedBody(const Hash256& hash, const Bytes& block, const Bytes& photo);

    NodeConfig config_;
    Logger& log_;
    node::StatusPublisher publisher_;
    std::optional<NetworkParams> params_;
    std::unique_ptr<QLockFile> lock_;
    std::optional<crypto::Ed25519Key> nodeKey_;
    crypto::AddressHash rewardAddress_{};
    std::unique_ptr<node::StorageSession> storage_;
    std::unique_ptr<node::BanList> bans_;
    std::unique_ptr<photo::Recognizer> recognizer_;
    QString recognizerProblem_;  // why photo blocks cannot be checked here; empty when they can
    std::unique_ptr<node::PhotoVerifier> photoVerifier_;  // the recognizer's verdicts on blocks, off this thread
    // Filled by the mempool, asked by block validation: a relayed block's transfers that this
    // node already holds cost no second verification. Outlives the chain and the pool.
    SignatureCache signatures_;
    std::unique_ptr<Chain> chain_;
    std::unique_ptr<PhotoJobQueue> photoJobs_;
    std::unique_ptr<TransferPool> transfers_;
    std::unique_ptr<BlockPruner> pruner_;  // mobile mode only
    std::unique_ptr<net::PeerManager> net_;
    std::unique_ptr<net::ConnectionManager> connections_;
    quint16 peerPort_ = 0;
    std::unique_ptr<node::BlockProducer> producer_;
    std::unique_ptr<node::TrafficHistory> history_;  // the charts' samples in Redis
    QTimer statusTimer_;
};

} // namespace pb
