#include "core/node/NodeEngine.h"

#include "core/node/NodePack.h"
#include "core/storage/PhotoStore.h"
#include "core/storage/RedisChainStore.h"
#include "core/storage/RedisClient.h"
#include "core/storage/RedisSupervisor.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace pb {

namespace {
constexpr int kRedisConnectTimeoutMs = 5000;
constexpr int kJobRefreshMs = 10000;

uint64_t nowSeconds() { return uint64_t(QDateTime::currentSecsSinceEpoch()); }

QString shortHash(const Hash256& h) { return QString::fromStdString(toHex(h)); }
} // namespace

NodeEngine::NodeEngine(const NodeConfig& config, Logger& log, StatusSink publish)
    : config_(config), log_(log), publish_(std::move(publish)), statusTimer_(this), jobTimer_(this)
{
    statusTimer_.setInterval(1000);
    connect(&statusTimer_, &QTimer::timeout, this, [this] {
        reconnectStorageIfLost();
        publishStatus();
    });
    // A fresh template now and then keeps header times close to the clock.
    jobTimer_.setInterval(kJobRefreshMs);
    connect(&jobTimer_, &QTimer::timeout, this, &NodeEngine::refreshJob);
}

NodeEngine::~NodeEngine() { shutdown(); }

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
        rewardAddress_ = crypto::addressFromPublicKey(nodeKey_->publicKey());
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
                [this](const QString& why) { log_.error("embedded redis-server failed: " + why); });
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
    return {};
}

QString NodeEngine::initialize()
{
    params_ = networkByName(config_.network.toStdString());
    if (!params_) return QString("unknown network '%1' (choose dev or test)").arg(config_.network);
    if (QString error = prepareDataDir(); !error.isEmpty()) return error;
    if (QString error = startStorage(); !error.isEmpty()) return error;

    try {
        store_->checkSchema();
        chain_ = std::make_unique<Chain>(*params_, *store_);
        chain_->load();
        saveNodePack();
    } catch (const StoreError& e) {
        return QString("cannot load the chain: %1").arg(e.what());
    }
    const TipInfo& tip = chain_->tip();
    log_.info(QString("node %1 on network %2 as %3, data in %4, storage %5")
                  .arg(shortHash(nodeIdForKey(nodeKey_->publicKey())).left(16), config_.network,
                       modeName(config_.mode), config_.dataDir, endpoint_->toString()));
    log_.info(QString("chain loaded: height %1 tip %2").arg(tip.height).arg(shortHash(tip.hash)));
    log_.info(QString("rewards go to %1").arg(QString::fromStdString(crypto::encodeAddress(rewardAddress_))));

    miner_ = std::make_unique<Miner>([this](uint64_t jobId, uint64_t nonce) {
        QMetaObject::invokeMethod(this, [this, jobId, nonce] { onNonceFound(jobId, nonce); }, Qt::QueuedConnection);
    });
    if (config_.mine) startMining(config_.threads);
    statusTimer_.start();
    publishStatus();
    return {};
}

void NodeEngine::shutdown()
{
    statusTimer_.stop();
    if (miner_) miner_->stop();
    miner_.reset();
    if (chain_ && store_) {
        try {
            saveNodePack();
        } catch (const StoreError& e) {
            log_.warning(QString("could not save the node pack at shutdown: %1").arg(e.what()));
        }
    }
    chain_.reset();
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
    } catch (const StoreError& e) {
        log_.error(QString("cannot reload the chain: %1").arg(e.what()));
        return;
    }
    refreshJob();
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

void NodeEngine::refreshJob()
{
    if (!miner_ || !miner_->isRunning()) return;
    try {
        template_ = chain_->makeTemplate(rewardAddress_, nowSeconds());
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
    const AcceptResult r = chain_->submitBlock(block.serialize(), nullptr, nowSeconds());
    if (!r.ok()) {
        const QString why = r.storageError.empty()
                                ? QString("%1: %2").arg(blockErrorCode(r.validation.error), QString::fromStdString(r.validation.detail))
                                : QString::fromStdString(r.storageError);
        log_.error(QString("mined block rejected: %1").arg(why));
        refreshJob();
        return;
    }
    ++blocksFound_;
    rewardsUnits_ += params_->blockReward;
    log_.info(QString("connected block %1 %2 (mined here)").arg(r.height).arg(shortHash(r.hash)));
    emit blockConnected(r.height, shortHash(r.hash), true);
    refreshJob();
    publishStatus();
}

void NodeEngine::saveNodePack()
{
    NodePack pack;
    pack.type = modeName(config_.mode);
    pack.port = 0;
    pack.userAgent = QString("photoblocks/%1").arg(PB_VERSION);
    pack.bestHeight = chain_->tip().height;
    pack.signWith(*nodeKey_);
    store_->saveNodePack(pack.id, pack.signedBytes(), pack.signature);
}

void NodeEngine::publishStatus()
{
    NodeStatus s;
    s.ready = chain_ != nullptr;
    s.network = config_.network;
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
    s.blocksFound = blocksFound_;
    s.rewardsUnits = rewardsUnits_;
    publish_(s);
}

std::optional<storage::RedisEndpoint> NodeEngine::storageEndpoint() const
{
    if (!endpoint_) return std::nullopt;
    return *endpoint_;
}

QString NodeEngine::dataDirectory() const { return config_.dataDir; }

} // namespace pb
