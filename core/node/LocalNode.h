#pragma once
// The Node façade over an in-process engine: owns the engine thread, marshals commands to
// it, keeps the latest status snapshot, and answers queries (ChainQueries, TransferQueries)
// on a storage session of its own so callers never wait for the engine.
#include "core/chain/ChainStore.h"
#include "core/node/BlockCache.h"
#include "core/node/Node.h"
#include "core/node/PhotoJobIntake.h"
#include "core/util/Logger.h"

#include <QThread>
#include <mutex>

namespace pb {

class NodeEngine;
namespace photo {
class Recognizer;
} // namespace photo
namespace node {
class StorageSession;
class ThumbnailCache;
} // namespace node
class ChainQueries;
class TransferQueries;

class LocalNode final : public Node {
    Q_OBJECT
public:
    explicit LocalNode(const NodeConfig& config);
    ~LocalNode() override;

    void start() override;
    void stop() override;
    NodeStatus status() const override;
    void startMining(int threads) override;
    void stopMining() override;
    std::optional<BlockInfo> findBlock(const QString& heightOrHash, QueryError* error) const override;
    QList<BlockInfo> blocksFrom(quint64 fromHeight, int count, QueryError* error) const override;
    QList<KnownNodeInfo> knownNodes(int max, QueryError* error) const override;
    QList<PeerInfo> peers() const override;
    QList<BanInfo> bans() const override;
    bool disconnectPeer(const QString& nodeIdOrConnection) override;
    bool ban(const QString& address, qint64 seconds, const QString& reason, QString* error) override;
    bool unban(const QString& address) override;
    QList<HistoryPoint> history(HistorySeries series, HistoryRange range, QueryError* error) const override;
    QList<PhotoJob> miningJobs() const override;
    std::optional<PhotoJob> miningJob(const QString& id) const override;
    QStringList recognizerLabels(QString* problem) const override;
    QString recognizerIdentity() const override;
    std::optional<PhotoJob> submitMiningJob(const PhotoJobRequest& request, QueryError* error) override;
    bool cancelMiningJob(const QString& id, QueryError* error) override;
    std::optional<PhotoRecognitionInfo> recognizePhoto(const QByteArray& photo, QueryError* error) const override;
    std::optional<QByteArray> photo(const QString& photoHash) const override;
    std::optional<QByteArray> thumbnail(const QString& photoHash) const override;
    std::optional<AccountInfo> account(const QString& address, QueryError* error) const override;
    std::optional<QList<TransactionInfo>> addressHistory(const QString& address, int max, QueryError* error) const override;
    std::optional<TransactionInfo> transaction(const QString& id, QueryError* error) const override;
    QList<TransactionInfo> mempool(QueryError* error) const override;
    std::optional<TransactionInfo> submitTransfer(const QByteArray& raw, QueryError* error) override;

private:
    void openReader();
    // Runs `query` on the reader under its lock (reconnecting first when storage was lost),
    // turning storage trouble into Unavailable.
    template <typename T, typename Query>
    std::optional<T> withReader(QueryError* error, Query&& query) const;
    // A block from the reader, marked unchecked above the tip full peers confirmed; with
    // fetchIfPruned, a block whose body a mobile node pruned is asked from peers.
    std::optional<BlockInfo> readBlock(const Hash256& hash, QueryError* error, bool fetchIfPruned) const;
    void markUnchecked(BlockInfo& info) const;

    NodeConfig config_;
    Logger log_;
    QThread thread_;
    NodeEngine* engine_ = nullptr;  // lives on thread_, deleted there

    mutable std::mutex snapshotMutex_;
    NodeSnapshot snapshot_;
    PhotoJobIntake jobIntake_;  // under snapshotMutex_

    // The engine's recognizer (thread-safe to call), cleared under the mutex before the
    // engine that owns it goes away.
    mutable std::mutex recognizerMutex_;
    const photo::Recognizer* recognizer_ = nullptr;

    mutable BlockCache blockCache_;
    mutable std::mutex readerMutex_;
    std::unique_ptr<node::StorageSession> reader_;
    std::shared_ptr<node::ThumbnailCache> thumbnails_;  // set with the reader
    std::unique_ptr<ChainQueries> chainQueries_;
    std::unique_ptr<TransferQueries> transferQueries_;
};

} // namespace pb
