#include "core/node/LocalNode.h"

#include "core/chain/Transaction.h"
#include "core/crypto/Address.h"
#include "core/crypto/Ed25519.h"
#include "core/crypto/Sha256.h"
#include "core/mempool/Mempool.h"
#include "core/node/NodeEngine.h"
#include "core/node/TransferQueries.h"
#include "core/photo/PhotoDecoder.h"
#include "core/photo/Recognizer.h"
#include "core/photo/Thumbnail.h"
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisChainStore.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisMempoolStore.h"
#include "core/storage/RedisPeerStore.h"
#include "core/storage/RedisPruneStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QRandomGenerator>
#include <future>

namespace pb {

namespace {

QString hex(const Hash256& h) { return QString::fromStdString(toHex(h)); }

BlockInfo describeHeader(const BlockHeader& header, const BlockIndexEntry& entry)
{
    BlockInfo info;
    info.height = entry.height;
    info.hash = hex(entry.hash);
    info.prevHash = hex(header.prevHash);
    info.headerHex = QString::fromStdString(toHex(header.serialize()));
    info.version = header.version;
    info.contentRoot = hex(header.contentRoot);
    info.time = qint64(header.time);
    info.bits = header.bits;
    info.nonce = header.nonce;
    info.chainWork = QString::fromStdString(entry.chainWork.toHex());
    return info;
}

BlockInfo describeBlock(const Block& block, const BlockIndexEntry& entry, int size)
{
    BlockInfo info = describeHeader(block.header, entry);
    if (block.photoHash) info.photoHash = hex(*block.photoHash);
    info.label = QString::fromStdString(block.label);
    info.vote = labelVoteName(block.vote);
    info.sizeBytes = size;
    for (const Bytes& raw : block.transactions) {
        // Stored blocks were validated: every transaction decodes.
        if (const auto parsed = Transaction::parse(raw)) info.transactions.push_back(describeTransaction(raw, *parsed));
    }
    return info;
}

} // namespace

LocalNode::LocalNode(const NodeConfig& config) : config_(config), log_(config.logToStderr)
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
    const auto endpoint = engine_->storageEndpoint();
    QString error;
    std::lock_guard lock(readerMutex_);
    readerClient_ = storage::RedisClient::connect(*endpoint, 5000, &error);
    if (!readerClient_) {
        log_.warning(QString("block queries unavailable: %1").arg(error));
        return;
    }
    readerPhotos_ = std::make_unique<storage::PhotoStore>(engine_->dataDirectory());
    thumbnailDir_ = engine_->dataDirectory() + "/thumbnails";
    reader_ = std::make_unique<storage::RedisChainStore>(*readerClient_, *readerPhotos_, config_.network.toStdString());
    readerMempool_ = std::make_unique<storage::RedisMempoolStore>(*readerClient_, config_.network.toStdString());
    readerCatalogue_ = std::make_unique<storage::RedisPeerStore>(*readerClient_, config_.network.toStdString());
    readerPruning_ = std::make_unique<storage::RedisPruneStore>(*readerClient_, config_.network.toStdString());
    queries_ = std::make_unique<TransferQueries>(*reader_, *readerMempool_);
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
        queries_.reset();
        readerCatalogue_.reset();
        readerPruning_.reset();
        readerMempool_.reset();
        reader_.reset();
        readerPhotos_.reset();
        readerClient_.reset();
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

QList<MiningJobInfo> LocalNode::miningJobs() const
{
    std::lock_guard lock(snapshotMutex_);
    return snapshot_.jobs;
}

std::optional<MiningJobInfo> LocalNode::miningJob(const QString& id) const
{
    for (const MiningJobInfo& job : miningJobs())
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

std::optional<MiningJobInfo> LocalNode::submitMiningJob(const MiningJobRequest& request, QueryError* error)
{
    const auto fail = [error](QueryError::Kind kind, const QString& message) {
        if (error) *error = {kind, message};
        return std::nullopt;
    };
    if (!engine_ || !status().ready) return fail(QueryError::Unavailable, "the node is not running");
    QString problem;
    const QStringList labels = recognizerLabels(&problem);
    if (labels.isEmpty()) return fail(QueryError::Unavailable, problem.isEmpty() ? "this node cannot mine photos" : problem);
    if (!labels.contains(request.label))
        return fail(QueryError::Malformed, QString("label '%1' is not one the recognizer knows (%2)")
                                               .arg(request.label.left(40), labels.join(", ")));
    if (request.vote != "agree" && request.vote != "disagree" && request.vote != "abstain")
        return fail(QueryError::Malformed, QString("vote '%1' is not agree, disagree or abstain").arg(request.vote.left(40)));
    if (!request.rewardAddress.isEmpty() && !crypto::decodeAddress(request.rewardAddress.toStdString()))
        return fail(QueryError::Malformed, QString("'%1' is not a valid Photoblocks address").arg(request.rewardAddress.left(100)));
    if (request.photo.isEmpty()) return fail(QueryError::Malformed, "the photo is empty");
    if (request.photo.size() > qsizetype(kMaxJobPhotoBytes))
        return fail(QueryError::Malformed, QString("the photo has %1 bytes; at most %2 are accepted")
                                               .arg(request.photo.size()).arg(kMaxJobPhotoBytes));
    const bool jpeg = request.photo.startsWith("\xFF\xD8\xFF");
    const bool png = request.photo.startsWith("\x89PNG\r\n\x1A\n");
    if (!jpeg && !png) return fail(QueryError::Malformed, "the photo is neither JPEG nor PNG");

    MiningJobInfo job;
    job.id = QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0');
    job.label = request.label;
    job.vote = request.vote;
    job.rewardAddress = request.rewardAddress;
    job.source = request.source;
    job.photoHash = QString::fromStdString(toHex(crypto::sha256(Bytes(request.photo.begin(), request.photo.end()))));
    job.createdAt = job.updatedAt = QDateTime::currentMSecsSinceEpoch();
    QMetaObject::invokeMethod(engine_, [e = engine_, job, photo = request.photo] { e->submitMiningJob(job, photo); });
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
    if (engine_) QMetaObject::invokeMethod(engine_, [e = engine_, id] { e->cancelMiningJob(id); });
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
    if (auto cached = isHeight ? blockCache_.atHeight(tip, height) : blockCache_.withHash(tip, hex(*hash))) return cached;
    std::lock_guard lock(readerMutex_);
    if (!readerReady(error)) return std::nullopt;
    try {
        if (isHeight) {
            hash = reader_->hashAtHeight(height);
            if (!hash) return fail(QueryError::NotFound, QString("no block at height %1").arg(height));
        }
        auto block = readBlock(*hash, error, true);
        // Header-only (pruned) and unchecked answers change without the tip moving: not cached.
        if (block && !block->bodyPruned && !block->unchecked) blockCache_.store(tip, *block, isHeight);
        return block;
    } catch (const StoreError& e) {
        return fail(QueryError::Unavailable, QString::fromUtf8(e.what()));
    }
}

QList<BlockInfo> LocalNode::blocksFrom(quint64 fromHeight, int count, QueryError* error) const
{
    QList<BlockInfo> blocks;
    std::lock_guard lock(readerMutex_);
    if (!readerReady(error)) return blocks;
    try {
        for (quint64 height = fromHeight; height < fromHeight + quint64(std::max(count, 0)); ++height) {
            const auto hash = reader_->hashAtHeight(height);
            if (!hash) break;
            auto info = readBlock(*hash, error, false);
            if (!info) return {};
            blocks.append(std::move(*info));
        }
    } catch (const StoreError& e) {
        if (error) *error = {QueryError::Unavailable, QString::fromUtf8(e.what())};
        return {};
    }
    return blocks;
}

QList<KnownNodeInfo> LocalNode::knownNodes(int max, QueryError* error) const
{
    QList<KnownNodeInfo> nodes;
    std::lock_guard lock(readerMutex_);
    if (!readerReady(error)) return nodes;
    try {
        for (const storage::NodeRecord& record : readerCatalogue_->nodes(size_t(std::max(max, 0))))
            nodes.append({hex(record.id), record.type, record.host, record.port, record.seen});
    } catch (const StoreError& e) {
        if (error) *error = {QueryError::Unavailable, QString::fromUtf8(e.what())};
        return {};
    }
    return nodes;
}

bool LocalNode::readerReady(QueryError* error) const
{
    if (!reader_) {
        if (error) *error = {QueryError::Unavailable, "the node's storage is not open"};
        return false;
    }
    if (QString reconnectError; !readerClient_->isConnected() && !readerClient_->reconnect(&reconnectError)) {
        if (error) *error = {QueryError::Unavailable, "storage unreachable: " + reconnectError};
        return false;
    }
    return true;
}

std::optional<BlockInfo> LocalNode::readBlock(const Hash256& hash, QueryError* error, bool fetchIfPruned) const
{
    const auto fail = [error](QueryError::Kind kind, const QString& message) {
        if (error) *error = {kind, message};
        return std::nullopt;
    };
    const auto entry = reader_->indexEntry(hash);
    const auto bytes = reader_->blockBytes(hash);
    if (entry && !bytes && entry->status == BlockIndexEntry::Status::HaveBody) return prunedBlock(*entry, fetchIfPruned, error);
    if (!entry || !bytes) return fail(QueryError::NotFound, QString("no block with hash %1").arg(hex(hash)));
    const auto block = Block::parse(*bytes);
    if (!block) return fail(QueryError::Unavailable, QString("stored block %1 does not decode").arg(hex(hash)));
    BlockInfo info = describeBlock(*block, *entry, int(bytes->size()));
    if (block->header.claimsLabel()) {
        const VoteTally t = reader_->votes(hash);
        info.votes = {t.agree, t.disagree, t.abstain};
    }
    markUnchecked(info);
    return info;
}

std::optional<BlockInfo> LocalNode::prunedBlock(const BlockIndexEntry& entry, bool fetch, QueryError* error) const
{
    const auto raw = reader_->headerBytes(entry.hash);
    const auto header = raw ? BlockHeader::parse(raw->data(), raw->size()) : std::nullopt;
    if (!header) {
        if (error) *error = {QueryError::Unavailable, QString("the stored header of block %1 does not decode").arg(hex(entry.hash))};
        return std::nullopt;
    }
    BlockInfo info = describeHeader(*header, entry);
    info.bodyPruned = true;
    if (const auto summary = readerPruning_->summary(entry.hash)) {
        if (summary->photo) info.photoHash = hex(*summary->photo);
        info.label = QString::fromStdString(summary->label);
        info.vote = QString::fromStdString(summary->vote);
        info.sizeBytes = int(summary->size);
    }
    markUnchecked(info);
    // The body comes back from a full peer for a while; the caller asks again.
    if (fetch && engine_)
        QMetaObject::invokeMethod(engine_, [e = engine_, hash = entry.hash] { e->fetchPrunedBody(hash); });
    return info;
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
    if (!hash || !readerPhotos_) return std::nullopt;
    const auto bytes = readerPhotos_->get(*hash);
    if (!bytes) return std::nullopt;
    return QByteArray(reinterpret_cast<const char*>(bytes->data()), qsizetype(bytes->size()));
}

std::optional<QByteArray> LocalNode::thumbnail(const QString& photoHash) const
{
    const QString cached = thumbnailDir_ + "/" + photoHash + ".jpg";
    if (QFile file(cached); file.open(QIODevice::ReadOnly)) return file.readAll();
    const auto original = photo(photoHash);
    if (!original) return std::nullopt;
    std::string error;
    const auto small = photo::makeThumbnail(Bytes(original->begin(), original->end()), kThumbnailSide, &error);
    if (!small) return std::nullopt;
    const QByteArray bytes(reinterpret_cast<const char*>(small->data()), qsizetype(small->size()));
    // Written whole then renamed, so a concurrent reader never sees half a file.
    QDir().mkpath(thumbnailDir_);
    QSaveFile out(cached);
    if (out.open(QIODevice::WriteOnly)) {
        out.write(bytes);
        out.commit();
    }
    return bytes;
}

template <typename T, typename Query>
std::optional<T> LocalNode::withQueries(QueryError* error, Query&& query) const
{
    std::lock_guard lock(readerMutex_);
    const auto unavailable = [error](const QString& message) {
        if (error) *error = {QueryError::Unavailable, message, {}};
        return std::nullopt;
    };
    if (!queries_) return unavailable("the node's storage is not open");
    if (QString reconnectError; !readerClient_->isConnected() && !readerClient_->reconnect(&reconnectError))
        return unavailable("storage unreachable: " + reconnectError);
    try {
        return query(*queries_);
    } catch (const StoreError& e) {
        return unavailable(QString::fromUtf8(e.what()));
    }
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
    return withQueries<AccountInfo>(error, [&](TransferQueries& q) { return q.account(*a); });
}

std::optional<QList<TransactionInfo>> LocalNode::addressHistory(const QString& address, int max, QueryError* error) const
{
    const auto a = parseAddress(address, error);
    if (!a) return std::nullopt;
    return withQueries<QList<TransactionInfo>>(error, [&](TransferQueries& q) { return q.history(*a, max); });
}

std::optional<TransactionInfo> LocalNode::transaction(const QString& id, QueryError* error) const
{
    const auto hash = hashFromHex(id.toStdString());
    if (!hash) {
        if (error) *error = {QueryError::Malformed, QString("'%1' is not a 64-digit transaction id").arg(id.left(80)), "malformed_tx_id"};
        return std::nullopt;
    }
    QueryError storageError;
    const auto found = withQueries<std::optional<TransactionInfo>>(&storageError, [&](TransferQueries& q) { return q.transaction(*hash); });
    if (!found) {
        if (error) *error = storageError;
        return std::nullopt;
    }
    if (!*found && error) *error = {QueryError::NotFound, QString("no transaction %1, confirmed or pending").arg(id), "tx_not_found"};
    return *found;
}

QList<TransactionInfo> LocalNode::mempool(QueryError* error) const
{
    return withQueries<QList<TransactionInfo>>(error, [](TransferQueries& q) { return q.pending(); }).value_or(QList<TransactionInfo>{});
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
