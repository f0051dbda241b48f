#include "core/node/NodeEngine.h"
#include "core/node/BlockPruner.h"
#include "core/node/NetworkFile.h"
#include "core/node/RecognizerChoice.h"
#include "core/node/MiningJobQueue.h"
#include "core/node/TransferPool.h"
#include "core/storage/RedisJobStore.h"
#include "core/storage/RedisMempoolStore.h"
#include "core/wallet/Keystore.h"

#include "core/net/ConnectionManager.h"
#include "core/net/NetProcessing.h"
#include "core/net/NodePack.h"
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisChainStore.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisPeerStore.h"
#include "core/storage/RedisPruneStore.h"
#include "core/storage/RedisSupervisor.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace pb {

namespace {
constexpr int kRedisConnectTimeoutMs = 5000;
constexpr int kJobRefreshMs = 10000;
constexpr int kTemplateCoalesceMs = 200;

uint64_t nowSeconds() { return uint64_t(QDateTime::currentSecsSinceEpoch()); }

QString shortHash(const Hash256& h) { return QString::fromStdString(toHex(h)); }

} // namespace

NodeEngine::NodeEngine(const NodeConfig& config, Logger& log, SnapshotSink publish)
    : config_(config), log_(log), publish_(std::move(publish)), templateTimer_(this), statusTimer_(this), jobTimer_(this)
{
    templateTimer_.setSingleShot(true);
    templateTimer_.setInterval(kTemplateCoalesceMs);
    connect(&templateTimer_, &QTimer::timeout, this, [this] { guarded("template refresh", [this] { refreshJob(); }); });
    statusTimer_.setInterval(1000);
    connect(&statusTimer_, &QTimer::timeout, this, [this] {
        guarded("status update", [this] {
            reconnectStorageIfLost();
            pruneExpiredBans();
            pruneBodies();
            publishStatus();
        });
    });
    // A fresh template now and then keeps header times close to the clock.
    jobTimer_.setInterval(kJobRefreshMs);
    connect(&jobTimer_, &QTimer::timeout, this, [this] { guarded("job refresh", [this] { refreshJob(); }); });
}

NodeEngine::~NodeEngine() { shutdown(); }

void NodeEngine::guarded(const char* what, const std::function<void()>& work)
{
    // Storage may vanish mid-step (a Redis crash); the step is lost, the node is not: the
    // status timer reconnects and reloads the chain from what Redis kept.
    try {
        work();
    } catch (const StoreError& e) {
        log_.error(QString("%1 failed: %2").arg(what, e.what()));
    }
}

QString NodeEngine::prepareDataDir()
{
    if (config_.dataDir.isEmpty()) return "no data directory given (use --datadir)";
    QDir dir(config_.dataDir);
    if (!dir.mkpath(".")) return QString("cannot create data directory %1").arg(config_.dataDir);
    const QFileInfo info(dir.absolutePath());
    if (!info.isDir() || !info.isWritable()) return QString("data directory %1 is not writable").arg(dir.absolutePath());
    config_.dataDir = dir.absolutePath();

    lock_ = std::make_unique<QLockFile>(dir.filePath(".lock"));
    lock_->setStaleLockTime(0);
    if (!lock_->tryLock(100)) {
        qint64 pid = 0;
        QString host, app;
        lock_->getLockInfo(&pid, &host, &app);
        return QString("data directory %1 is in use by another node (pid %2)").arg(dir.absolutePath()).arg(pid);
    }
    QString error;
    if (!log_.openFile(dir.filePath("node.log"), &error)) return error;

    nodeKey_ = crypto::Ed25519Key::loadOrCreate(dir.filePath("node.key"), &error);
    if (!nodeKey_) return error;

    if (config_.rewardAddress.isEmpty()) {
        // The wallet's default address when there is a wallet, else the node key's own.
        wallet::KeystoreError walletError;
        const auto keystore = wallet::Keystore::readPublic(wallet::Keystore::fileIn(config_.dataDir), &walletError);
        const auto walletDefault = keystore ? crypto::decodeAddress(keystore->defaultAddress().toStdString()) : std::nullopt;
        if (!keystore && walletError.kind != wallet::KeystoreError::NotFound)
            log_.warning(QString("rewards go to the node key's address: %1").arg(walletError.message));
        rewardAddress_ = walletDefault ? *walletDefault : crypto::addressFromPublicKey(nodeKey_->publicKey());
    } else {
        const auto decoded = crypto::decodeAddress(config_.rewardAddress.toStdString());
        if (!decoded) return QString("reward address '%1' is not a valid Photoblocks address").arg(config_.rewardAddress);
        rewardAddress_ = *decoded;
    }
    return {};
}

QString NodeEngine::startStorage()
{
    QString error;
    if (config_.redisUrl.isEmpty()) {
        supervisor_ = std::make_unique<storage::RedisSupervisor>(config_.dataDir);
        connect(supervisor_.get(), &storage::RedisSupervisor::logMessage, this,
                [this](const QString& line) { log_.info("redis: " + line); });
        connect(supervisor_.get(), &storage::RedisSupervisor::restarted, this, [this] {
            log_.warning("embedded redis-server was restarted; reconnecting");
            QString error;
            if (redis_ && !redis_->reconnect(&error)) log_.error("cannot reconnect to Redis: " + error);
            else reloadChain();
        });
        connect(supervisor_.get(), &storage::RedisSupervisor::failed, this,
                [this](const QString& why) {
                    log_.error("embedded redis-server failed: " + why);
                    emit storageFailed(why);
                });
        if (!supervisor_->start(&error)) return error;
        endpoint_ = std::make_unique<storage::RedisEndpoint>(supervisor_->endpoint());
    } else {
        auto parsed = storage::RedisEndpoint::parse(config_.redisUrl, &error);
        if (!parsed) return QString("--redis: %1").arg(error);
        endpoint_ = std::make_unique<storage::RedisEndpoint>(*parsed);
    }
    redis_ = storage::RedisClient::connect(*endpoint_, kRedisConnectTimeoutMs, &error);
    if (!redis_) return error;

    photos_ = std::make_unique<storage::PhotoStore>(config_.dataDir);
    store_ = std::make_unique<storage::RedisChainStore>(*redis_, *photos_, config_.network.toStdString());
    peerStore_ = std::make_unique<storage::RedisPeerStore>(*redis_, config_.network.toStdString());
    return {};
}

QString NodeEngine::initialize()
{
    if (QString error = prepareDataDir(); !error.isEmpty()) return error;
    std::string recognizerError;
    recognizer_ = createRecognizer(config_, &recognizerError);
    ResolvedNetwork network = resolveNetwork(config_, nowSeconds(), recognizer_ ? recognizer_->identity() : std::string());
    if (!network.params) return network.error;
    if (!network.note.isEmpty()) log_.info(network.note);
    ownParams_ = std::move(network.params);
    params_ = &*ownParams_;
    genesisHash_ = params_->genesisHash();
    if (QString error = startStorage(); !error.isEmpty()) return error;
    checkRecognizer(QString::fromStdString(recognizerError));

    try {
        store_->checkSchema();
        // A mobile node cannot undo blocks whose bodies it pruned: its limit is the window.
        const bool mobile = config_.mode == NodeMode::Mobile;
        chain_ = std::make_unique<Chain>(*params_, *store_,
                                         mobile ? std::min(config_.maxReorgDepth, config_.pruneWindow) : config_.maxReorgDepth);
        chain_->setPhotoVerifier([this](const Bytes& photo, const std::string& label) { return verifyPhoto(photo, label); });
        chain_->load();
        loadBans();
        jobStore_ = std::make_unique<storage::RedisJobStore>(*redis_, config_.network.toStdString());
        jobs_ = std::make_unique<MiningJobQueue>(*jobStore_, config_.dataDir, recognizer_.get(), recognizerProblem_, log_);
        connect(jobs_.get(), &MiningJobQueue::changed, this, [this] {
            guarded("mining job update", [this] {
                if (jobClaimChanged()) refreshJob();
                publishStatus();
            });
        });
        jobs_->load();
        mempoolStore_ = std::make_unique<storage::RedisMempoolStore>(*redis_, config_.network.toStdString());
        MempoolPolicy policy;
        policy.minimumFee = config_.minimumFee;
        transfers_ = std::make_unique<TransferPool>(*params_, *store_, *mempoolStore_, log_, policy);
        transfers_->load();
        if (mobile) startPruning();
    } catch (const StoreError& e) {
        return QString("cannot load the chain: %1").arg(e.what());
    }
    const TipInfo& tip = chain_->tip();
    log_.info(QString("node %1 on network %2 as %3, data in %4, storage %5")
                  .arg(shortHash(nodeIdForKey(nodeKey_->publicKey())).left(16), config_.network,
                       modeName(config_.mode), config_.dataDir, endpoint_->toString()));
    log_.info(QString("chain loaded: height %1 tip %2").arg(tip.height).arg(shortHash(tip.hash)));
    log_.info(QString("rewards go to %1").arg(QString::fromStdString(crypto::encodeAddress(rewardAddress_))));

    if (QString error = startNetwork(); !error.isEmpty()) return error;
    try {
        saveNodePack();
    } catch (const StoreError& e) {
        return QString("cannot save the node pack: %1").arg(e.what());
    }

    miner_ = std::make_unique<Miner>([this](uint64_t jobId, uint64_t nonce) {
        QMetaObject::invokeMethod(
            this, [this, jobId, nonce] { guarded("found block", [&] { onNonceFound(jobId, nonce); }); }, Qt::QueuedConnection);
    });
    if (config_.mine) startMining(config_.threads);
    statusTimer_.start();
    publishStatus();
    return {};
}

void NodeEngine::shutdown()
{
    statusTimer_.stop();
    if (connections_) connections_->closeAll("node shutting down");
    connections_.reset();
    net_.reset();
    if (miner_) miner_->stop();
    miner_.reset();
    if (chain_ && peerStore_) {
        try {
            saveNodePack();
        } catch (const StoreError& e) {
            log_.warning(QString("could not save the node pack at shutdown: %1").arg(e.what()));
        }
    }
    transfers_.reset();
    mempoolStore_.reset();
    jobs_.reset();  // waits for a recognition in progress
    jobStore_.reset();
    chain_.reset();
    peerStore_.reset();
    store_.reset();
    redis_.reset();
    if (supervisor_) {
        supervisor_->stop();
        log_.info("embedded redis-server stopped");
    }
    supervisor_.reset();
    if (lock_) lock_->unlock();
    lock_.reset();
}

void NodeEngine::checkRecognizer(const QString& creationError)
{
    if (!recognizer_) {
        recognizerProblem_ = QString("no photo recognizer (%1): photo blocks can be neither validated nor mined")
                                 .arg(creationError);
    } else if (recognizer_->identity() != params_->recognizerIdentity) {
        recognizerProblem_ = QString("this node's recognizer (identity %1) differs from the one network %2 pins (%3): "
                                     "photo blocks can be neither validated nor mined")
                                 .arg(QString::fromStdString(recognizer_->identity()), config_.network,
                                      QString::fromStdString(params_->recognizerIdentity));
    }
    if (!recognizerProblem_.isEmpty()) log_.error(recognizerProblem_);
}

PhotoVerdict NodeEngine::verifyPhoto(const Bytes& photo, const std::string& label) const
{
    if (!recognizerProblem_.isEmpty()) return {PhotoVerdict::Kind::Unverifiable, recognizerProblem_.toStdString()};
    const photo::RecognizeOutcome outcome = recognizer_->recognize(photo);
    if (!outcome.ok()) return {PhotoVerdict::Kind::NotConfirmed, "the photo is unusable: " + outcome.message};
    if (outcome.recognition->confirms(label, true)) return {PhotoVerdict::Kind::Confirmed, {}};
    return {PhotoVerdict::Kind::NotConfirmed, "it sees " + photo::describeDetections(*outcome.recognition)};
}

void NodeEngine::submitMiningJob(const MiningJobInfo& job, const QByteArray& photo)
{
    guarded("queuing a mining job", [&] { jobs_->submit(job, Bytes(photo.begin(), photo.end())); });
}

void NodeEngine::cancelMiningJob(const QString& id)
{
    guarded("cancelling a mining job", [&] { jobs_->cancel(id); });
}

MempoolAdmission NodeEngine::submitTransfer(const Bytes& raw, const QString& source, quint64 fromPeer)
{
    MempoolAdmission admission;
    admission.id = txId(raw);
    if (!transfers_) {
        admission.check = {TxError::Unavailable, "the node is not running"};
        return admission;
    }
    try {
        admission = transfers_->submit(raw, source);
    } catch (const StoreError& e) {
        log_.error(QString("cannot admit a transfer: %1").arg(e.what()));
        admission.check = {TxError::Unavailable, std::string("storage failed: ") + e.what()};
        return admission;
    }
    if (!admission.ok()) return admission;
    if (net_) net_->announceTransactions({admission.id}, fromPeer);
    if (!templateTimer_.isActive()) templateTimer_.start();
    return admission;
}

void NodeEngine::startPruning()
{
    pruneStore_ = std::make_unique<storage::RedisPruneStore>(*redis_, config_.network.toStdString());
    pruner_ = std::make_unique<BlockPruner>(config_.pruneWindow, *params_, *store_, *pruneStore_, *photos_, log_);
    log_.info(QString("mobile mode: keeping the bodies and photos of the newest %1 blocks (pruned below height %2); "
                      "reorganisations deeper than %3 blocks are refused")
                  .arg(config_.pruneWindow).arg(pruneStore_->prunedBelow()).arg(std::min(config_.maxReorgDepth, config_.pruneWindow)));
    pruneBodies();  // finishes what a crash may have interrupted
}

void NodeEngine::pruneBodies()
{
    if (!pruner_ || !chain_ || storageLost_) return;
    // Its own guard: a failed pass must not cost the status update that follows it.
    guarded("pruning block bodies", [this] { pruner_->prune(chain_->tip().height, QDateTime::currentSecsSinceEpoch()); });
}

void NodeEngine::fetchPrunedBody(const Hash256& hash)
{
    if (pruner_ && net_) guarded("fetching a pruned body", [&] { net_->fetchBody(hash); });
}

void NodeEngine::restorePrunedBody(const Hash256& hash, const Bytes& block, const Bytes& photo)
{
    if (!pruner_) return;
    guarded("storing a fetched body", [&] {
        QString why;
        if (pruner_->restore(hash, block, photo, QDateTime::currentSecsSinceEpoch(), &why))
            log_.info(QString("fetched the pruned body of block %1 from a peer").arg(shortHash(hash)));
        else
            log_.warning(QString("a peer sent an unusable body for pruned block %1: %2").arg(shortHash(hash), why));
    });
}

void NodeEngine::reconnectStorageIfLost()
{
    if (!redis_ || redis_->isConnected()) return;
    QString error;
    if (redis_->reconnect(&error)) {
        log_.info("reconnected to Redis at " + endpoint_->toString());
        reloadChain();
    } else if (!storageLost_) {
        log_.error(QString("lost Redis at %1: %2; retrying every second").arg(endpoint_->toString(), error));
    }
    storageLost_ = !redis_->isConnected();
}

void NodeEngine::reloadChain()
{
    // A server that died may have lost its last second of writes: trust storage, not memory.
    if (!chain_) return;
    try {
        chain_->load();
        log_.info(QString("chain reloaded: height %1 tip %2").arg(chain_->tip().height).arg(shortHash(chain_->tip().hash)));
        if (transfers_) transfers_->chainChanged({});
    } catch (const StoreError& e) {
        log_.error(QString("cannot reload the chain: %1").arg(e.what()));
        return;
    }
    refreshJob();
    publishStatus();
}

QString NodeEngine::startNetwork()
{
    net::TransportLimits limits;
    limits.maxInbound = config_.maxInbound;
    // A loopback-only node's peers all share one address; the per-IP cap would starve them.
    if (!config_.listenAll) limits.maxPerIp = std::max(limits.maxPerIp, config_.maxInbound);
    limits.messagesPerSecond = 1000;
    connections_ = std::make_unique<net::ConnectionManager>(limits);
    connections_->setAdmissionFilter([this](const QHostAddress& a) { return !isBanned(a); });

    const bool head = config_.mode == NodeMode::Head;
    const quint16 wanted = config_.port >= 0 ? quint16(config_.port) : head ? params_->defaultPeerPort : 0;
    const QHostAddress address = config_.listenAll ? QHostAddress::Any : QHostAddress::LocalHost;
    QString error;
    peerPort_ = connections_->listen(address, wanted, &error);
    if (peerPort_ == 0) return QString("cannot listen for peers on %1:%2: %3").arg(address.toString()).arg(wanted).arg(error);

    net::NetSettings settings;
    settings.nodeType = modeName(config_.mode);
    settings.listenPort = peerPort_;
    settings.seeds = config_.seeds;
    if (settings.seeds.isEmpty() && !head) settings.seeds = {QString("127.0.0.1:%1").arg(params_->defaultPeerPort)};
    settings.targetOutbound = config_.maxOutbound;
    settings.banSeconds = config_.banSeconds;
    net::NetHooks hooks;
    hooks.ban = [this](const QHostAddress& a, qint64 seconds, const QString& reason) { ban(a, seconds, reason); };
    hooks.isBanned = [this](const QHostAddress& a) { return isBanned(a); };
    hooks.dial = [this](const QString& host, quint16 port) { return connections_->connectTo(host, port); };
    hooks.chainChanged = [this](const AcceptResult& r) { reportChainChange(r, false); };
    hooks.transactionReceived = [this](const Bytes& raw, net::PeerId from) {
        return submitTransfer(raw, QString("peer %1").arg(from), from).check;
    };
    hooks.pendingTransaction = [this](const Hash256& id) -> std::optional<Bytes> {
        const MempoolEntry* e = transfers_->mempool().find(id);
        return e ? std::optional<Bytes>(e->raw) : std::nullopt;
    };
    hooks.prunedBodyArrived = [this](const Hash256& hash, const Bytes& block, const Bytes& photo) {
        restorePrunedBody(hash, block, photo);
    };
    net_ = std::make_unique<net::NetProcessing>(settings, *chain_, *store_, *peerStore_, *nodeKey_, log_, *connections_, hooks);
    connections_->setEvents(net_.get());
    net_->start();
    log_.info(QString("listening for peers on %1:%2").arg(address.toString()).arg(peerPort_));
    return {};
}

bool NodeEngine::isBanned(const QHostAddress& address) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const BanInfo& b : bans_)
        if (b.until > now && QHostAddress(b.address).isEqual(address, QHostAddress::TolerantConversion)) return true;
    return false;
}

void NodeEngine::disconnectPeer(quint64 connectionId)
{
    if (net_) net_->disconnect(connectionId, "disconnected by the operator");
}

void NodeEngine::loadBans()
{
    bans_.clear();
    for (const storage::BanRecord& b : peerStore_->bans(QDateTime::currentSecsSinceEpoch()))
        bans_.push_back({b.address, b.until, b.reason});
}

void NodeEngine::pruneExpiredBans()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (std::none_of(bans_.begin(), bans_.end(), [now](const BanInfo& b) { return b.until <= now; })) return;
    try {
        loadBans();
    } catch (const StoreError& e) {
        log_.warning(QString("cannot refresh the ban list: %1").arg(e.what()));
    }
}

void NodeEngine::ban(const QHostAddress& address, qint64 seconds, const QString& reason)
{
    const storage::BanRecord record{address.toString(), QDateTime::currentSecsSinceEpoch() + seconds, reason};
    try {
        peerStore_->saveBan(record);
        loadBans();
    } catch (const StoreError& e) {
        log_.error(QString("cannot save the ban of %1: %2").arg(record.address, e.what()));
        return;
    }
    log_.info(QString("banned %1 for %2 s: %3").arg(record.address).arg(seconds).arg(reason));
    if (net_) net_->disconnectAddress(address, "banned: " + reason);
    publishStatus();
}

void NodeEngine::unban(const QString& address)
{
    try {
        peerStore_->removeBan(address);
        loadBans();
    } catch (const StoreError& e) {
        log_.error(QString("cannot lift the ban of %1: %2").arg(address, e.what()));
        return;
    }
    log_.info(QString("lifted the ban of %1").arg(address));
    publishStatus();
}

void NodeEngine::startMining(int threads)
{
    if (!miner_) return;
    threads = std::clamp(threads, 1, std::max(1, QThread::idealThreadCount()));
    config_.threads = threads;
    miner_->start(threads);
    refreshJob();
    jobTimer_.start();
    log_.info(QString("mining started on %1 thread(s) with the %2 SHA-256 backend")
                  .arg(threads)
                  .arg(QString::fromStdString(crypto::backendName(miner_->backend()))));
    publishStatus();
}

void NodeEngine::stopMining()
{
    if (!miner_ || !miner_->isRunning()) return;
    miner_->stop();
    jobTimer_.stop();
    template_.reset();
    log_.info("mining stopped");
    publishStatus();
}

bool NodeEngine::jobClaimChanged() const
{
    const auto job = jobs_->current();
    return (job ? job->id : QString()) != templateJobId_;
}

void NodeEngine::refreshJob()
{
    if (!miner_ || !miner_->isRunning()) return;
    try {
        // The oldest confirmed job rides on the block; without one, a photo-less block.
        templateJobId_.clear();
        templatePhoto_.reset();
        crypto::AddressHash payTo = rewardAddress_;
        std::optional<PhotoClaim> claim;
        if (const auto job = jobs_->current()) {
            auto photo = jobs_->photo(*job);
            const auto hash = photo ? std::optional<Hash256>(crypto::sha256(*photo)) : std::nullopt;
            if (hash) {
                claim = PhotoClaim{*hash, job->label.toStdString(), labelVoteFromName(job->vote.toStdString())};
                if (!job->rewardAddress.isEmpty())
                    payTo = crypto::decodeAddress(job->rewardAddress.toStdString()).value_or(rewardAddress_);
                templateJobId_ = job->id;
                templatePhoto_ = std::move(photo);
            }
        }
        template_ = chain_->makeTemplate(payTo, nowSeconds(), claim ? &*claim : nullptr, transfers_->forTemplate());
    } catch (const StoreError& e) {
        log_.error(QString("cannot build a block template: %1").arg(e.what()));
        return;
    }
    // On a fast network the median-time rule pushes each block a second past the last; when
    // that outruns the clock, pause rather than mine blocks peers would refuse as too new.
    if (template_->block.header.time > nowSeconds() + params_->maxFutureSeconds / 2) {
        if (!clockWait_) log_.info("block times are ahead of the clock; mining pauses until it catches up");
        clockWait_ = true;
        miner_->clearJob();
        template_.reset();
        jobTimer_.start(1000);
        return;
    }
    if (clockWait_) {
        clockWait_ = false;
        jobTimer_.start(kJobRefreshMs);
    }
    MiningJob job;
    job.id = ++jobId_;
    job.header = template_->block.header.serialize();
    job.target = template_->target;
    miner_->setJob(job);
}

void NodeEngine::onNonceFound(uint64_t jobId, uint64_t nonce)
{
    if (!template_ || jobId != jobId_) return;
    Block block = template_->block;
    block.header.nonce = nonce;
    const AcceptResult r = chain_->submitBlock(block.serialize(), templatePhoto_ ? &*templatePhoto_ : nullptr, nowSeconds());
    if (!r.ok()) {
        log_.error(QString("mined block rejected: %1").arg(describeRejection(r)));
        // A photo block our own validation refuses would be refused again: settle its job.
        if (!templateJobId_.isEmpty() && r.storageError.empty())
            jobs_->reject(templateJobId_, "the mined block was refused: " + describeRejection(r));
        refreshJob();
        return;
    }
    if (!templateJobId_.isEmpty() && !r.connected.empty()) jobs_->markMined(templateJobId_, r.hash);
    if (r.connected.empty()) {
        // A block we had already stored: nothing new to report, but the solved job is spent.
        refreshJob();
        return;
    }
    ++blocksFound_;
    rewardsUnits_ += Transaction::parse(block.transactions.front())->coinbase.amount;
    reportChainChange(r, true);
}

void NodeEngine::reportChainChange(const AcceptResult& r, bool minedHere)
{
    for (const BlockIndexEntry& e : r.disconnected)
        log_.info(QString("disconnected block %1 %2 (reorganisation)").arg(e.height).arg(shortHash(e.hash)));
    for (const BlockIndexEntry& e : r.connected) {
        const bool ours = minedHere && e.hash == r.hash;
        log_.info(QString("connected block %1 %2%3").arg(e.height).arg(shortHash(e.hash), ours ? " (mined here)" : ""));
        emit blockConnected(e.height, shortHash(e.hash), ours);
    }
    if (r.connected.empty()) return;
    transfers_->chainChanged(r);
    jobs_->dropPhotosOnChain(*store_);
    if (minedHere && net_) {
        std::vector<Hash256> connected;
        for (const BlockIndexEntry& e : r.connected) connected.push_back(e.hash);
        net_->announce(connected);
    }
    if (net_) net_->checkTip();
    refreshJob();
    publishStatus();
}

QString NodeEngine::describeRejection(const AcceptResult& r)
{
    if (!r.storageError.empty()) return QString::fromStdString(r.storageError);
    return QString("%1: %2").arg(blockErrorCode(r.validation.error), QString::fromStdString(r.validation.detail));
}

void NodeEngine::saveNodePack()
{
    NodePack pack;
    pack.type = modeName(config_.mode);
    pack.port = peerPort_;
    pack.userAgent = QString("photoblocks/%1").arg(PB_VERSION);
    pack.bestHeight = chain_->tip().height;
    pack.signWith(*nodeKey_);
    storage::NodeRecord record;
    record.id = pack.id;
    record.pack = pack.signedBytes();
    record.signature.assign(pack.signature.begin(), pack.signature.end());
    record.host = config_.listenAll ? QString() : QString("127.0.0.1");
    record.port = peerPort_;
    record.type = pack.type;
    record.seen = QDateTime::currentSecsSinceEpoch();
    peerStore_->saveNode(record);
}

void NodeEngine::publishStatus()
{
    NodeStatus s;
    s.ready = chain_ != nullptr;
    s.network = config_.network;
    s.genesisHash = QString::fromStdString(toHex(genesisHash_));
    s.mode = modeName(config_.mode);
    if (nodeKey_) s.nodeId = shortHash(nodeIdForKey(nodeKey_->publicKey()));
    s.rewardAddress = QString::fromStdString(crypto::encodeAddress(rewardAddress_));
    if (endpoint_) s.storage = endpoint_->toString();
    if (chain_) {
        s.height = chain_->tip().height;
        s.tipHash = shortHash(chain_->tip().hash);
        s.tipTime = qint64(chain_->tip().time);
    }
    if (miner_) {
        s.mining = miner_->isRunning();
        s.miningThreads = s.mining ? miner_->threadCount() : 0;
        s.miningBackend = QString::fromStdString(crypto::backendName(miner_->backend()));
        s.hashrate10s = miner_->meter().rate(10);
        s.hashrate60s = miner_->meter().rate(60);
        s.hashrate15m = miner_->meter().rate(15 * 60);
    }
    if (transfers_) {
        s.mempoolTransfers = int(transfers_->mempool().size());
        s.mempoolBytes = qint64(transfers_->mempool().bytes());
    }
    s.blocksFound = blocksFound_;
    s.rewardsUnits = rewardsUnits_;
    s.peerPort = peerPort_;
    if (config_.mode == NodeMode::Mobile) s.tipCheck = net_ ? net_->tipCheck() : TipCheckInfo{};
    s.minimumFee = config_.minimumFee;
    QList<PeerInfo> peers;
    if (net_) peers = net_->peerTable();
    for (const PeerInfo& p : peers) s.peers += p.nodeId.isEmpty() ? 0 : 1;
    QList<MiningJobInfo> jobs;
    if (jobs_)
        for (const MiningJobInfo& job : jobs_->jobs()) jobs.append(job);
    QStringList labels;
    if (recognizer_ && recognizerProblem_.isEmpty())
        for (const std::string& label : recognizer_->labels()) labels.append(QString::fromStdString(label));
    publish_({s, peers, bans_, jobs, labels, recognizerProblem_});
}

std::optional<storage::RedisEndpoint> NodeEngine::storageEndpoint() const
{
    if (!endpoint_) return std::nullopt;
    return *endpoint_;
}

QString NodeEngine::dataDirectory() const { return config_.dataDir; }

} // namespace pb
