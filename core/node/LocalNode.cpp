#include "core/node/LocalNode.h"

#include "core/chain/Transaction.h"
#include "core/crypto/Address.h"
#include "core/crypto/Ed25519.h"
#include "core/mempool/Mempool.h"
#include "core/node/ChainQueries.h"
#include "core/node/NodeEngine.h"
#include "core/node/StorageSession.h"
#include "core/node/ThumbnailCache.h"
#include "core/node/TrafficHistory.h"
#include "core/node/TransferQueries.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/Recognizer.h"
#include "core/util/HexText.h"

#include <QDateTime>
#include <future>

namespace pb {

template <typename T, typename Query>
std::optional<T> LocalNode::withReader(QueryError* error, Query&& query) const
{
    std::lock_guard lock(readerMutex_);
    const auto unavailable = [error](const QString& message) {
        if (error) *error = {QueryError::Unavailable, message, {}};
        return std::nullopt;
    };
    if (!reader_) return unavailable("the node's storage is not open");
    if (QString reconnectError; !reader_->ensureConnected(&reconnectError)) return unavailable("storage unreachable: " + reconnectError);
    try {
        return query();
    } catch (const StoreError& e) {
        return unavailable(QString::fromUtf8(e.what()));
    }
}

LocalNode::LocalNode(const NodeConfig& config)
    : config_(config), log_(config.logToStderr), jobIntake_([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    qRegisterMetaType<pb::NodeStatus>();
    qRegisterMetaType<pb::LogLine>();
    thread_.setObjectName("engine");
    // finished() is emitted on the ending thread itself: the place to drop its OpenSSL state.
    connect(&thread_, &QThread::finished, this, [] { crypto::releaseThreadState(); }, Qt::DirectConnection);
    log_.setListener([this](const LogLine& line) { emit logged(line); });
}

LocalNode::~LocalNode() { stop(); }

void LocalNode::start()
{
    if (engine_) return;
    engine_ = new NodeEngine(config_, log_, [this](const NodeSnapshot& s) {
        {
            std::lock_guard lock(snapshotMutex_);
            const quint64 revision = snapshot_.status.revision + 1;
            snapshot_ = s;
            snapshot_.status.revision = revision;
            jobIntake_.published(s.jobs);
        }
        emit statusChanged();
    });
    engine_->moveToThread(&thread_);
    connect(engine_, &NodeEngine::blockConnected, this, &Node::blockConnected);
    // Running on without storage would only reject every block: stop, with the chain as stored.
    connect(engine_, &NodeEngine::storageFailed, this, [this](const QString& why) {
        emit failed("the embedded redis-server cannot be kept running (" + why + "); the node stops with its chain as last stored");
    });
    thread_.start();
    QMetaObject::invokeMethod(engine_, [this] {
        const QString error = engine_->initialize();
        if (!error.isEmpty()) {
            log_.error(error);
            engine_->shutdown();
            emit failed(error);
            return;
        }
        openReader();
        {
            std::lock_guard lock(recognizerMutex_);
            recognizer_ = engine_->recognizer();
        }
        emit started();
    });
}

void LocalNode::openReader()
{
    QString error;
    auto reader = node::StorageSession::attach(*engine_->storageEndpoint(), engine_->dataDirectory(), config_.network, &error);
    std::lock_guard lock(readerMutex_);
    if (!reader) {
        log_.warning(QString("block queries unavailable: %1").arg(error));
        return;
    }
    reader_ = std::move(reader);
    thumbnails_ = std::make_shared<node::ThumbnailCache>(engine_->dataDirectory() + "/thumbnails", kThumbnailSide);
    chainQueries_ = std::make_unique<ChainQueries>(reader_->chain(), reader_->pruning(), reader_->peers());
    transferQueries_ = std::make_unique<TransferQueries>(reader_->chain(), reader_->mempool());
}

void LocalNode::stop()
{
    if (!engine_) return;
    {
        std::lock_guard lock(recognizerMutex_);
        recognizer_ = nullptr;
    }
    {
        std::lock_guard lock(readerMutex_);
        transferQueries_.reset();
        chainQueries_.reset();
        reader_.reset();
    }
    NodeEngine* engine = engine_;
    QMetaObject::invokeMethod(engine, [engine] {
        engine->shutdown();
        delete engine;
    }, Qt::BlockingQueuedConnection);
    engine_ = nullptr;
    thread_.quit();
    thread_.wait();
}

NodeStatus LocalNode::status() const
{
    std::lock_guard lock(snapshotMutex_);
    return snapshot_.status;
}

QList<PeerInfo> LocalNode::peers() const
{
    std::lock_guard lock(snapshotMutex_);
    return snapshot_.peers;
}

QList<BanInfo> LocalNode::bans() const
{
    std::lock_guard lock(snapshotMutex_);
    return snapshot_.bans;
}

bool LocalNode::disconnectPeer(const QString& nodeIdOrConnection)
{
    std::optional<quint64> connection;
    for (const PeerInfo& p : peers())
        if (p.nodeId == nodeIdOrConnection || QString::number(p.connectionId) == nodeIdOrConnection) connection = p.connectionId;
    if (!connection || !engine_) return false;
    QMetaObject::invokeMethod(engine_, [e = engine_, id = *connection] { e->disconnectPeer(id); });
    return true;
}

bool LocalNode::ban(const QString& address, qint64 seconds, const QString& reason, QString* error)
{
    const QHostAddress parsed(address);
    if (parsed.isNull()) {
        if (error) *error = QString("'%1' is not an IP address").arg(address.left(80));
        return false;
    }
    if (seconds <= 0) {
        if (error) *error = QString("a ban must last a positive number of seconds, not %1").arg(seconds);
        return false;
    }
    if (!engine_) {
        if (error) *error = "the node is not running";
        return false;
    }
    QMetaObject::invokeMethod(engine_, [e = engine_, parsed, seconds, reason] { e->ban(parsed, seconds, reason); });
    return true;
}

bool LocalNode::unban(const QString& address)
{
    const QString canonical = QHostAddress(address).toString();
    bool banned = false;
    for (const BanInfo& b : bans()) banned = banned || b.address == canonical;
    if (!banned || !engine_) return false;
    QMetaObject::invokeMethod(engine_, [e = engine_, canonical] { e->unban(canonical); });
    return true;
}

QList<PhotoJob> LocalNode::miningJobs() const
{
    std::lock_guard lock(snapshotMutex_);
    return snapshot_.jobs;
}

std::optional<PhotoJob> LocalNode::miningJob(const QString& id) const
{
    for (const PhotoJob& job : miningJobs())
        if (job.id == id) return job;
    return std::nullopt;
}

QStringList LocalNode::recognizerLabels(QString* problem) const
{
    std::lock_guard lock(snapshotMutex_);
    if (problem) *problem = snapshot_.recognizerProblem;
    return snapshot_.recognizerLabels;
}

QString LocalNode::recognizerIdentity() const
{
    std::lock_guard lock(recognizerMutex_);
    return recognizer_ ? QString::fromStdString(recognizer_->identity()) : QString();
}

std::optional<PhotoJob> LocalNode::submitMiningJob(const PhotoJobRequest& request, QueryError* error)
{
    if (!engine_ || !status().ready) {
        if (error) *error = {QueryError::Unavailable, "the node is not running"};
        return std::nullopt;
    }
    std::optional<PhotoJob> job;
    {
        std::lock_guard lock(snapshotMutex_);
        job = jobIntake_.admit(request, snapshot_, error);
    }
    if (job) QMetaObject::invokeMethod(engine_, [e = engine_, job = *job, photo = request.photo] { e->submitPhotoJob(job, photo); });
    return job;
}

bool LocalNode::cancelMiningJob(const QString& id, QueryError* error)
{
    const auto job = miningJob(id);
    if (!job) {
        if (error) *error = {QueryError::NotFound, QString("no mining job '%1'").arg(id.left(40))};
        return false;
    }
    if (isFinal(job->state)) {
        if (error) *error = {QueryError::Conflict, QString("job %1 is already %2").arg(id, jobStateName(job->state))};
        return false;
    }
    if (engine_) QMetaObject::invokeMethod(engine_, [e = engine_, id] { e->cancelPhotoJob(id); });
    return true;
}

std::optional<PhotoRecognitionInfo> LocalNode::recognizePhoto(const QByteArray& photo, QueryError* error) const
{
    std::lock_guard lock(recognizerMutex_);
    if (!recognizer_) {
        if (error) *error = {QueryError::Unavailable, "this node has no photo recognizer running"};
        return std::nullopt;
    }
    const photo::RecognizeOutcome outcome = recognizer_->recognize(Bytes(photo.begin(), photo.end()));
    if (!outcome.ok()) {
        if (error) *error = {QueryError::Malformed, QString::fromStdString(outcome.message)};
        return std::nullopt;
    }
    PhotoRecognitionInfo info;
    // The engine builds its recognizer with the default decode limits.
    info.workingLongSide = photo::DecodeLimits().workingLongSide;
    for (const photo::Detection& d : outcome.recognition->detections)
        info.detections.append({QString::fromStdString(d.label), d.score, QRect(d.box.x, d.box.y, d.box.width, d.box.height)});
    for (const std::string& label : outcome.recognition->claimable) info.claimable.append(QString::fromStdString(label));
    return info;
}

void LocalNode::startMining(int threads)
{
    if (engine_) QMetaObject::invokeMethod(engine_, [e = engine_, threads] { e->startMining(threads); });
}

void LocalNode::stopMining()
{
    if (engine_) QMetaObject::invokeMethod(engine_, [e = engine_] { e->stopMining(); });
}

std::optional<BlockInfo> LocalNode::findBlock(const QString& heightOrHash, QueryError* error) const
{
    const auto fail = [error](QueryError::Kind kind, const QString& message) {
        if (error) *error = {kind, message};
        return std::nullopt;
    };
    std::optional<Hash256> hash;
    bool isHeight = false;
    const qulonglong height = heightOrHash.toULongLong(&isHeight, 10);
    if (!isHeight) {
        hash = hashFromHex(heightOrHash.toStdString());
        if (!hash) return fail(QueryError::Malformed, QString("'%1' is neither a block height nor a 64-digit block hash").arg(heightOrHash.left(80)));
    }
    const QString tip = status().tipHash;
    if (auto cached = isHeight ? blockCache_.atHeight(tip, height) : blockCache_.withHash(tip, hexText(*hash))) return cached;
    auto block = withReader<std::optional<BlockInfo>>(error, [&]() -> std::optional<BlockInfo> {
        if (isHeight) hash = chainQueries_->hashAtHeight(height);
        if (!hash) return fail(QueryError::NotFound, QString("no block at height %1").arg(height));
        return readBlock(*hash, error, true);
    });
    if (!block || !*block) return std::nullopt;
    // Header-only (pruned) and unchecked answers change without the tip moving: not cached.
    if (!(*block)->bodyPruned && !(*block)->unchecked) blockCache_.store(tip, **block, isHeight);
    return *block;
}

QList<BlockInfo> LocalNode::blocksFrom(quint64 fromHeight, int count, QueryError* error) const
{
    auto blocks = withReader<QList<BlockInfo>>(error, [&] { return chainQueries_->blocksFrom(fromHeight, count, error); });
    if (!blocks) return {};
    for (BlockInfo& block : *blocks) markUnchecked(block);
    return *blocks;
}

QList<KnownNodeInfo> LocalNode::knownNodes(int max, QueryError* error) const
{
    return withReader<QList<KnownNodeInfo>>(error, [&] { return chainQueries_->knownNodes(max); }).value_or(QList<KnownNodeInfo>{});
}

QList<HistoryPoint> LocalNode::history(HistorySeries series, HistoryRange range, QueryError* error) const
{
    return withReader<QList<HistoryPoint>>(error, [&] {
        return node::TrafficHistory::read(reader_->series(), series, range, QDateTime::currentSecsSinceEpoch());
    }).value_or(QList<HistoryPoint>{});
}

std::optional<BlockInfo> LocalNode::readBlock(const Hash256& hash, QueryError* error, bool fetchIfPruned) const
{
    auto block = chainQueries_->block(hash, error);
    if (!block) return std::nullopt;
    markUnchecked(*block);
    // The body comes back from a full peer for a while; the caller asks again.
    if (block->bodyPruned && fetchIfPruned && engine_)
        QMetaObject::invokeMethod(engine_, [e = engine_, hash] { e->fetchPrunedBody(hash); });
    return block;
}

void LocalNode::markUnchecked(BlockInfo& info) const
{
    const auto check = status().tipCheck;
    info.unchecked = check && (check->checkedHash.isEmpty() || info.height > check->checkedHeight);
}

std::optional<QByteArray> LocalNode::photo(const QString& photoHash) const
{
    const auto hash = hashFromHex(photoHash.toStdString());
    std::lock_guard lock(readerMutex_);
    if (!hash || !reader_) return std::nullopt;
    const auto bytes = reader_->photos().get(*hash);
    if (!bytes) return std::nullopt;
    return QByteArray(reinterpret_cast<const char*>(bytes->data()), qsizetype(bytes->size()));
}

std::optional<QByteArray> LocalNode::thumbnail(const QString& photoHash) const
{
    std::shared_ptr<node::ThumbnailCache> thumbnails;
    {
        std::lock_guard lock(readerMutex_);
        thumbnails = thumbnails_;
    }
    if (!thumbnails) return std::nullopt;
    return thumbnails->thumbnail(photoHash, [&] { return photo(photoHash); });
}

namespace {

std::optional<crypto::AddressHash> parseAddress(const QString& text, QueryError* error)
{
    const auto a = crypto::decodeAddress(text.toStdString());
    if (!a && error)
        *error = {QueryError::Malformed, QString("'%1' is not a valid Photoblocks address (pb1…, checksummed)").arg(text.left(100)),
                  "bad_address"};
    return a;
}

} // namespace

std::optional<AccountInfo> LocalNode::account(const QString& address, QueryError* error) const
{
    const auto a = parseAddress(address, error);
    if (!a) return std::nullopt;
    return withReader<AccountInfo>(error, [&] { return transferQueries_->account(*a); });
}

std::optional<QList<TransactionInfo>> LocalNode::addressHistory(const QString& address, int max, QueryError* error) const
{
    const auto a = parseAddress(address, error);
    if (!a) return std::nullopt;
    return withReader<QList<TransactionInfo>>(error, [&] { return transferQueries_->history(*a, max); });
}

std::optional<TransactionInfo> LocalNode::transaction(const QString& id, QueryError* error) const
{
    const auto hash = hashFromHex(id.toStdString());
    if (!hash) {
        if (error) *error = {QueryError::Malformed, QString("'%1' is not a 64-digit transaction id").arg(id.left(80)), "malformed_tx_id"};
        return std::nullopt;
    }
    QueryError storageError;
    const auto found = withReader<std::optional<TransactionInfo>>(&storageError, [&] { return transferQueries_->transaction(*hash); });
    if (!found) {
        if (error) *error = storageError;
        return std::nullopt;
    }
    if (!*found && error) *error = {QueryError::NotFound, QString("no transaction %1, confirmed or pending").arg(id), "tx_not_found"};
    return *found;
}

QList<TransactionInfo> LocalNode::mempool(QueryError* error) const
{
    return withReader<QList<TransactionInfo>>(error, [this] { return transferQueries_->pending(); }).value_or(QList<TransactionInfo>{});
}

std::optional<TransactionInfo> LocalNode::submitTransfer(const QByteArray& raw, QueryError* error)
{
    const auto fail = [error](QueryError::Kind kind, const QString& message, const QString& code) {
        if (error) *error = {kind, message, code};
        return std::nullopt;
    };
    if (!engine_ || !status().ready) return fail(QueryError::Unavailable, "the node is not running", "not_ready");
    const Bytes bytes(raw.begin(), raw.end());
    auto verdict = std::make_shared<std::promise<MempoolAdmission>>();
    auto answer = verdict->get_future();
    QMetaObject::invokeMethod(engine_, [e = engine_, bytes, verdict] { verdict->set_value(e->submitTransfer(bytes, "api")); });
    if (answer.wait_for(std::chrono::seconds(10)) != std::future_status::ready)
        return fail(QueryError::Unavailable, "the engine did not answer within 10 s", "engine_busy");
    MempoolAdmission admission;
    try {
        admission = answer.get();
    } catch (const std::future_error&) {
        return fail(QueryError::Unavailable, "the node stopped before deciding", "not_ready");
    }
    if (!admission.ok()) {
        const TxError e = admission.check.error;
        const QueryError::Kind kind = e == TxError::AlreadyKnown ? QueryError::Conflict
                                    : e == TxError::Unavailable  ? QueryError::Unavailable
                                                                 : QueryError::Malformed;
        return fail(kind, QString::fromStdString(admission.check.detail), txErrorCode(e));
    }
    const auto tx = Transaction::parse(bytes);
    TransactionInfo info = describeTransaction(bytes, *tx);
    info.status = "pending";
    return info;
}

std::unique_ptr<Node> createNode(const NodeConfig& config) { return std::make_unique<LocalNode>(config); }

} // namespace pb
