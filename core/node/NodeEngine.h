#pragma once
// The engine proper: lives on its own thread and owns storage, the chain and the miner.
// LocalNode (the Node façade) drives it with queued calls and reads its published status.
#include "core/chain/Chain.h"
#include "core/crypto/Address.h"
#include "core/mining/Miner.h"
#include "core/util/Logger.h"
#include "core/node/NodeConfig.h"
#include "core/node/NodeStatus.h"

#include <QHostAddress>
#include <QLockFile>
#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace pb {

class BlockPruner;
class MiningJobQueue;
class TransferPool;
struct MempoolAdmission;

namespace net {
class ConnectionManager;
class NetProcessing;
} // namespace net

namespace photo {
class Recognizer;
} // namespace photo

namespace storage {
class RedisSupervisor;
class RedisClient;
class PhotoStore;
class RedisChainStore;
class RedisPeerStore;
class RedisJobStore;
class RedisMempoolStore;
class RedisPruneStore;
struct RedisEndpoint;
} // namespace storage

class NodeEngine : public QObject {
    Q_OBJECT
public:
    using SnapshotSink = std::function<void(const NodeSnapshot&)>;

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
    void submitMiningJob(const MiningJobInfo& job, const QByteArray& photo);
    void cancelMiningJob(const QString& id);
    // Admits a signed transfer to the mempool and relays it (to all peers but `fromPeer`).
    MempoolAdmission submitTransfer(const Bytes& raw, const QString& source, quint64 fromPeer = 0);
    // Mobile mode: asks full peers for the body of a block this node pruned.
    void fetchPrunedBody(const Hash256& hash);

    // The recognizer (null when none could be created; its recognize() is thread-safe), for
    // previews through the façade.
    const photo::Recognizer* recognizer() const { return recognizer_.get(); }

    // Where the chain lives, for the façade's read-only connection.
    std::optional<storage::RedisEndpoint> storageEndpoint() const;
    QString dataDirectory() const;

signals:
    void blockConnected(quint64 height, const QString& hash, bool minedHere);
    // The embedded redis-server kept dying and its supervisor gave up: nothing can be stored.
    void storageFailed(const QString& reason);

private:
    QString prepareDataDir();
    QString startStorage();
    QString startNetwork();
    bool isBanned(const QHostAddress& address) const;
    void guarded(const char* what, const std::function<void()>& work);
    void checkRecognizer(const QString& creationError);
    PhotoVerdict verifyPhoto(const Bytes& photo, const std::string& label) const;
    void refreshJob();
    bool jobClaimChanged() const;
    void onNonceFound(uint64_t jobId, uint64_t nonce);
    void reportChainChange(const AcceptResult& result, bool minedHere);
    static QString describeRejection(const AcceptResult& result);
    void publishStatus();
    void saveNodePack();
    void reconnectStorageIfLost();
    void reloadChain();
    void loadBans();
    void pruneExpiredBans();
    void startPruning();
    void pruneBodies();
    void restorePrunedBody(const Hash256& hash, const Bytes& block, const Bytes& photo);

    NodeConfig config_;
    Logger& log_;
    SnapshotSink publish_;
    std::optional<NetworkParams> ownParams_;
    const NetworkParams* params_ = nullptr;
    Hash256 genesisHash_{};

    std::unique_ptr<QLockFile> lock_;
    std::optional<crypto::Ed25519Key> nodeKey_;
    crypto::AddressHash rewardAddress_{};
    std::unique_ptr<storage::RedisSupervisor> supervisor_;
    std::unique_ptr<storage::RedisEndpoint> endpoint_;
    std::unique_ptr<storage::RedisClient> redis_;
    std::unique_ptr<storage::PhotoStore> photos_;
    std::unique_ptr<storage::RedisChainStore> store_;
    std::unique_ptr<storage::RedisPeerStore> peerStore_;
    QList<BanInfo> bans_;
    std::unique_ptr<photo::Recognizer> recognizer_;
    QString recognizerProblem_;  // why photo blocks cannot be checked here; empty when they can
    std::unique_ptr<Chain> chain_;
    std::unique_ptr<storage::RedisJobStore> jobStore_;
    std::unique_ptr<MiningJobQueue> jobs_;
    std::unique_ptr<storage::RedisMempoolStore> mempoolStore_;
    std::unique_ptr<TransferPool> transfers_;
    std::unique_ptr<storage::RedisPruneStore> pruneStore_;  // mobile mode only
    std::unique_ptr<BlockPruner> pruner_;
    QTimer templateTimer_;                // coalesces template refreshes after new transfers
    std::unique_ptr<Miner> miner_;
    std::unique_ptr<net::NetProcessing> net_;
    std::unique_ptr<net::ConnectionManager> connections_;
    quint16 peerPort_ = 0;
    std::optional<BlockTemplate> template_;
    QString templateJobId_;               // the mining job whose photo the template carries
    std::optional<Bytes> templatePhoto_;
    uint64_t jobId_ = 0;
    uint64_t blocksFound_ = 0;
    uint64_t rewardsUnits_ = 0;
    bool clockWait_ = false;
    bool storageLost_ = false;
    QTimer statusTimer_;
    QTimer jobTimer_;
};

} // namespace pb
